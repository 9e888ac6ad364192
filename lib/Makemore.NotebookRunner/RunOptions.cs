namespace Makemore.NotebookRunner;

/// <summary>How to run the notebooks: where executed copies go, the per-cell timeout, whether failing cells stop a notebook.</summary>
sealed record RunOptions(string OutputFolder, bool InPlace, bool AllowErrors, TimeSpan Timeout)
{
    public const string DefaultOutputFolder = "artifacts/notebooks";
    public const int DefaultTimeoutSeconds = 600;

    /// <summary>Where the executed copy of <paramref name="notebook"/> is written.</summary>
    public string OutputFor(string notebook) =>
        InPlace ? notebook : Path.GetFullPath(Path.Combine(OutputFolder, Path.GetFileName(notebook)));
}
