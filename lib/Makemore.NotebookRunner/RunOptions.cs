namespace Makemore.NotebookRunner;

/// <summary>
/// How to run the notebooks: where executed copies go, the per-cell timeout, whether failing cells stop a notebook, and
/// how many notebooks run at once; with <paramref name="ChartImages"/>, every chart output also gets its picture, drawn by
/// the Chromium at <paramref name="Browser"/> with the plotly.js file <paramref name="PlotlyJs"/>.
/// </summary>
sealed record RunOptions(string OutputFolder, bool InPlace, bool AllowErrors, TimeSpan Timeout, int Jobs = 1,
    bool ChartImages = false, string? Browser = null, string PlotlyJs = RunOptions.DefaultPlotlyJs)
{
    /// <summary>Where `npm install --prefix artifacts/plotly plotly.js-dist-min@2.28.0` puts plotly.js (the version Plotly.NET 6 loads).</summary>
    public const string DefaultPlotlyJs = "artifacts/plotly/node_modules/plotly.js-dist-min/plotly.min.js";

    public const string DefaultOutputFolder = "artifacts/notebooks";
    public const int DefaultTimeoutSeconds = 600;

    /// <summary>
    /// One notebook per processor core, at most four: torch runs each kernel's tensor work on one thread (the helper
    /// library's setup), and every kernel holds libtorch's few hundred MB.
    /// </summary>
    public static int DefaultJobs => Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>
    /// Where the executed copy of <paramref name="notebook"/> is written, cell by cell: also with <see cref="InPlace"/>, which
    /// then replaces the notebook with it only once the whole notebook has run (<see cref="Runner"/>).
    /// </summary>
    public string OutputFor(string notebook) => Path.GetFullPath(Path.Combine(OutputFolder, Path.GetFileName(notebook)));
}
