using System.Diagnostics;

namespace Makemore.NotebookRunner;

/// <summary>Runs notebooks one after another, each in its own worker process, and writes their executed copies.</summary>
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
        var failed = new List<string>();
        for (var i = 0; i < notebooks.Count && !cancellation.IsCancellationRequested; i++)
        {
            var notebook = notebooks[i];
            reporter.NotebookStarting(i + 1, notebooks.Count, notebook);
            var started = clock.Elapsed;
            var succeeded = await new WorkerProcess(notebook, options, reporter).RunAsync(cancellation);
            if (!succeeded) failed.Add(notebook);
            reporter.NotebookFinished(i + 1, notebooks.Count, succeeded, clock.Elapsed - started, options.OutputFor(notebook));
        }
        reporter.Summary(notebooks.Count, failed, clock.Elapsed);
        return failed.Count == 0 && !cancellation.IsCancellationRequested ? ExitCodes.Success : ExitCodes.CellFailed;
    }
}
