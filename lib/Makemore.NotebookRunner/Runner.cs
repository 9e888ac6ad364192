using System.Diagnostics;

namespace Makemore.NotebookRunner;

/// <summary>
/// Runs notebooks, each in its own worker process, up to <see cref="RunOptions.Jobs"/> at once, and writes their executed
/// copies. A notebook running alone reports each cell as it happens; notebooks running side by side report theirs in one
/// block each when they end, so their lines don't interleave. With --in-place, a notebook is replaced by its executed
/// copy only once all of it ran: one that fails is left as it was (as nbconvert --inplace leaves it), nothing lost.
/// </summary>
static class Runner
{
    /// <summary>Checks every input before running anything (a <see cref="UsageException"/> if one is bad), then runs them.</summary>
    public static async Task<int> RunAsync(IEnumerable<string> inputs, RunOptions options, ProgressReporter reporter, CancellationToken cancellation)
    {
        var notebooks = NotebookInputs.Expand(inputs);
        foreach (var notebook in notebooks) NotebookFile.Read(notebook);
        var clash = notebooks.GroupBy(Path.GetFileName).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null) throw new UsageException($"two notebooks are named {clash.Key}; their executed copies would overwrite each other.");
        // A copy written over its own notebook cell by cell would lose the outputs of every cell a failure stops short of.
        if (notebooks.FirstOrDefault(n => options.OutputFor(n) == Path.GetFullPath(n)) is { } overwritten)
            throw new UsageException($"{DisplayPath.Of(overwritten)}: the output folder is its own, so its executed copy would overwrite it " +
                "as it runs; use --in-place, which replaces a notebook only once it has run.");
        Directory.CreateDirectory(options.OutputFolder);
        await using var renderer = options.ChartImages ? await StartRendererAsync(options) : null;

        var clock = Stopwatch.StartNew();
        var jobs = Math.Min(options.Jobs, notebooks.Count);
        var succeeded = new bool[notebooks.Count];
        using var slots = new SemaphoreSlim(jobs);
        var running = new List<Task>();
        // Until the first notebook's first code cell has run, nothing else starts: that cell normally restores the series'
        // packages, and kernels restoring the same packages at once race on .NET Interactive's shared restore cache.
        var packagesRestored = Task.CompletedTask;
        for (var i = 0; i < notebooks.Count; i++)
        {
            await slots.WaitAsync(CancellationToken.None);
            await packagesRestored;
            if (cancellation.IsCancellationRequested)
            {
                slots.Release();
                break;
            }
            var (number, notebook) = (i, notebooks[i]);
            var own = jobs == 1 ? reporter : ProgressReporter.Buffered();
            var worker = new WorkerProcess(notebook, options, own);
            if (i == 0 && jobs > 1) packagesRestored = worker.FirstCodeCellDone;
            running.Add(Task.Run(async () =>
            {
                try
                {
                    own.NotebookStarting(number + 1, notebooks.Count, notebook);
                    var started = clock.Elapsed;
                    succeeded[number] = await worker.RunAsync(cancellation);
                    var copy = options.OutputFor(notebook);
                    if (succeeded[number] && renderer is not null)
                        succeeded[number] = await AddChartImagesAsync(renderer, copy, own);
                    if (succeeded[number] && options.InPlace) NotebookFile.Write(NotebookFile.Read(copy), notebook);
                    own.NotebookFinished(number + 1, notebooks.Count, succeeded[number], clock.Elapsed - started, copy,
                        options.InPlace ? notebook : null);
                    if (own != reporter) reporter.Publish(own);
                }
                finally
                {
                    slots.Release();
                }
            }, CancellationToken.None));
        }
        await Task.WhenAll(running);

        var failed = notebooks.Take(running.Count).Where((_, i) => !succeeded[i]).ToList();
        reporter.Summary(notebooks.Count, failed, clock.Elapsed, jobs);
        return failed.Count == 0 && running.Count == notebooks.Count && !cancellation.IsCancellationRequested ? ExitCodes.Success : ExitCodes.CellFailed;
    }

    /// <summary>Adds the charts' pictures to notebooks that have already run (in place).</summary>
    public static async Task<int> AddChartImagesAsync(IEnumerable<string> inputs, RunOptions options, ProgressReporter reporter)
    {
        var notebooks = NotebookInputs.Expand(inputs);
        foreach (var notebook in notebooks) NotebookFile.Read(notebook);
        await using var renderer = await StartRendererAsync(options);
        var ok = true;
        foreach (var notebook in notebooks)
        {
            reporter.Stray(DisplayPath.Of(notebook));
            ok &= await AddChartImagesAsync(renderer, notebook, reporter);
        }
        return ok ? ExitCodes.Success : ExitCodes.CellFailed;
    }

    // Checked before any notebook runs, like the notebooks themselves: a refresh that cannot draw its pictures is bad usage.
    static async Task<ChartRenderer> StartRendererAsync(RunOptions options)
    {
        var browser = options.Browser ?? ChartRenderer.FindBrowser()
            ?? throw new UsageException("--chart-images needs Chromium: install it (Debian: apt-get install chromium) or name it with --browser.");
        if (!File.Exists(browser)) throw new UsageException($"{browser}: no such browser (--browser).");
        if (!File.Exists(options.PlotlyJs))
            throw new UsageException($"{options.PlotlyJs}: no plotly.js for --chart-images; get it with " +
                "`npm install --prefix artifacts/plotly plotly.js-dist-min@2.28.0` or name it with --plotly-js.");
        return await ChartRenderer.StartAsync(browser, options.PlotlyJs);
    }

    // Drawn after the notebook ran (the worker has exited): one browser serves every notebook, one page at a time.
    static async Task<bool> AddChartImagesAsync(ChartRenderer renderer, string executed, ProgressReporter reporter)
    {
        try
        {
            var charts = await renderer.AddAsync(executed);
            reporter.Stray($"  {charts} chart(s) given their pictures");
            return true;
        }
        catch (Exception e) when (e is PuppeteerSharp.PuppeteerException or InvalidOperationException or IOException)
        {
            reporter.Stray($"  could not draw the charts' pictures: {e.Message}");
            return false;
        }
    }
}
