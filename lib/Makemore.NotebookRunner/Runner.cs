using System.Diagnostics;

namespace Makemore.NotebookRunner;

/// <summary>
/// Runs notebooks, each in its own worker process, up to <see cref="RunOptions.Jobs"/> at once, and writes their executed
/// copies. A notebook running alone reports each cell as it happens; notebooks running side by side report theirs in one
/// block each when they end, so their lines don't interleave.
/// </summary>
static class Runner
{
    /// <summary>Checks every input before running anything (a <see cref="UsageException"/> if one is bad), then runs them.</summary>
    public static async Task<int> RunAsync(IEnumerable<string> inputs, RunOptions options, ProgressReporter reporter, CancellationToken cancellation)
    {
        var notebooks = NotebookInputs.Expand(inputs);
        foreach (var notebook in notebooks) NotebookFile.Read(notebook);
        if (!options.InPlace)
        {
            var clash = notebooks.GroupBy(Path.GetFileName).FirstOrDefault(g => g.Count() > 1);
            if (clash is not null) throw new UsageException($"two notebooks are named {clash.Key}; their executed copies would overwrite each other.");
            Directory.CreateDirectory(options.OutputFolder);
        }

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
            var own = jobs == 1 ? reporter : reporter.Buffered();
            var worker = new WorkerProcess(notebook, options, own);
            if (i == 0 && jobs > 1) packagesRestored = worker.FirstCodeCellDone;
            running.Add(Task.Run(async () =>
            {
                try
                {
                    own.NotebookStarting(number + 1, notebooks.Count, notebook);
                    var started = clock.Elapsed;
                    succeeded[number] = await worker.RunAsync(cancellation);
                    own.NotebookFinished(number + 1, notebooks.Count, succeeded[number], clock.Elapsed - started, options.OutputFor(notebook));
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
}
