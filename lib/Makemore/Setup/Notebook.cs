namespace Makemore;

/// <summary>The one call every notebook's first code cell makes, before any use of torch.</summary>
public static class Notebook
{
    /// <summary>
    /// Makes TorchSharp's native libraries load and Plotly.NET charts display in this kernel. Safe to call again;
    /// also what console programs and tests call before touching torch. Prints and returns a one-line status.
    /// </summary>
    public static string Setup()
    {
        FSharpCoreRedirect.Install();
        var status = TorchNative.EnsureLoaded();
        NotebookDisplay.Install();
        Console.WriteLine($"makemore.NET ready: {status}");
        return status;
    }
}
