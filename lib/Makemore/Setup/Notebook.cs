namespace Makemore;

/// <summary>The one call every notebook's first code cell makes, before any use of torch.</summary>
public static class Notebook
{
    /// <summary>
    /// Makes TorchSharp's native libraries load (<see cref="TorchSetup.Load"/>), Plotly.NET charts display in the stock
    /// kernel and tensors show their values, as PyTorch's repr does. Safe to call again. Prints and returns a one-line
    /// status.
    /// </summary>
    public static string Setup()
    {
        FSharpCoreRedirect.Install();
        var status = TorchSetup.Load();
        NotebookDisplay.Install();
        Console.WriteLine($"makemore.NET ready: {status}");
        return status;
    }
}
