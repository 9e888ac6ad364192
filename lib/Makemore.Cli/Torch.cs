using static TorchSharp.torch;

namespace Makemore.Cli;

static class Torch
{
    /// <summary>
    /// Loads TorchSharp's native libraries (the library's setup, without the notebook's status line) and runs torch on
    /// one thread unless OMP_NUM_THREADS says otherwise. This command's tensors are small (a few hundred to a few
    /// hundred thousand rows), so handing each operation to a thread pool costs more than it saves: 100 steps of a
    /// neural trigram on names.txt took 3 s on one thread and 16 s on two on a busy two-core machine.
    /// </summary>
    public static void Start()
    {
        TorchNative.EnsureLoaded();
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OMP_NUM_THREADS"))) set_num_threads(1);
    }
}
