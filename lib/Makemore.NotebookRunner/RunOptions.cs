namespace Makemore.NotebookRunner;

/// <summary>
/// How to run the notebooks: where executed copies go, the per-cell timeout, whether failing cells stop a notebook, and
/// how many notebooks run at once.
/// </summary>
sealed record RunOptions(string OutputFolder, bool InPlace, bool AllowErrors, TimeSpan Timeout, int Jobs = 1)
{
    public const string DefaultOutputFolder = "artifacts/notebooks";
    public const int DefaultTimeoutSeconds = 600;

    /// <summary>
    /// One notebook per processor core, at most four: torch runs each kernel's tensor work on one thread (the helper
    /// library's setup), and every kernel holds libtorch's few hundred MB.
    /// </summary>
    public static int DefaultJobs => Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>Where the executed copy of <paramref name="notebook"/> is written.</summary>
    public string OutputFor(string notebook) =>
        InPlace ? notebook : Path.GetFullPath(Path.Combine(OutputFolder, Path.GetFileName(notebook)));
}
