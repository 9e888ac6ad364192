namespace Makemore;

/// <summary>What a program (the <c>makemore</c> command, a benchmark, a test) calls before its first use of torch.</summary>
public static class TorchSetup
{
    /// <summary>
    /// Loads TorchSharp's native libraries once per process (where the system's C++ runtime is older than libtorch
    /// asks for, a copy patched to load anyway; see the README's Troubleshooting) and runs torch on one thread unless
    /// OMP_NUM_THREADS says otherwise. Later calls return at once. Returns a one-line status naming the versions.
    /// </summary>
    public static string Load() => TorchNative.EnsureLoaded();
}
