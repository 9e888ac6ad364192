namespace Makemore;

/// <summary>The one call every notebook's first code cell makes, before any use of torch.</summary>
public static class Notebook
{
    /// <summary>
    /// Makes TorchSharp's native libraries load (<see cref="TorchSetup.Load"/>) with an allocator that keeps freed blocks
    /// for reuse (<see cref="NativeAllocator"/>), Plotly.NET charts display in the stock
    /// kernel and tensors show their values, as PyTorch's repr does. Safe to call again. Prints a one-line status naming
    /// the versions, and returns <see cref="TorchSetup.Load"/>'s full status (which also says how the natives loaded) and the allocator's.
    /// </summary>
    public static string Setup()
    {
        FSharpCoreRedirect.Install();
        var allocator = NativeAllocator.KeepFreedMemory() ? "glibc keeps freed blocks for reuse" : "the system's defaults";
        var status = TorchSetup.Load();
        NotebookDisplay.Install();
        // The printed line is committed with the notebooks' outputs, so it says only what is the same on every machine:
        // how the natives were found (a package folder, a patched copy for an older libstdc++) is left to the return value.
        Console.WriteLine($"makemore.NET ready: TorchSharp {TorchNative.TorchSharpVersion}, libtorch {TorchNative.LibTorchVersion}, " +
            $"{TorchSharp.torch.get_num_threads()} thread(s)");
        return $"{status}; native allocator: {allocator}";
    }
}
