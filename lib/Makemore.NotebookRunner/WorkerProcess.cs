using System.Diagnostics;
using System.Text.Json;
using Microsoft.DotNet.Interactive.Documents;

namespace Makemore.NotebookRunner;

/// <summary>
/// Runs one notebook in a worker process of its own (this program's hidden "worker" command), with the notebook's folder
/// as its current directory, as VS Code runs a kernel. Relays its progress, and kills it when it stays silent past the
/// cell timeout plus a grace period (a worker normally stops a timed-out cell itself).
/// </summary>
sealed class WorkerProcess(string notebook, RunOptions options, ProgressReporter reporter)
{
    static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    readonly Lock gate = new();
    readonly TaskCompletionSource firstCodeCellDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    long lastEvent = Stopwatch.GetTimestamp();
    CellStarted? running;
    bool reportedFailure;

    /// <summary>Completes when the notebook's first code cell has finished, or the worker has ended without running one.</summary>
    public Task FirstCodeCellDone => firstCodeCellDone.Task;

    /// <summary>Runs the notebook; true when every cell ran (or failed with --allow-errors).</summary>
    public async Task<bool> RunAsync(CancellationToken cancellation)
    {
        try
        {
            return await RunWorkerAsync(cancellation);
        }
        finally
        {
            firstCodeCellDone.TrySetResult();
        }
    }

    async Task<bool> RunWorkerAsync(CancellationToken cancellation)
    {
        using var process = Process.Start(StartInfo()) ?? throw new InvalidOperationException("Could not start a worker process.");
        process.StandardInput.Close(); // a cell that reads input gets end-of-file rather than waiting forever
        var streams = Task.WhenAll(
            PumpAsync(process.StandardOutput, OnOutputLine),
            PumpAsync(process.StandardError, reporter.Stray));

        var exited = process.WaitForExitAsync(CancellationToken.None);
        var stoppedBy = (string?)null;
        while (await Task.WhenAny(exited, Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None)) != exited)
        {
            if (cancellation.IsCancellationRequested) stoppedBy = "The run was cancelled.";
            else if (Stopwatch.GetElapsedTime(Interlocked.Read(ref lastEvent)) > options.Timeout + Grace)
                stoppedBy = $"The worker was silent for {(options.Timeout + Grace).TotalSeconds:0} s (the cell timeout and a grace period) and was killed.";
            else continue;
            process.Kill(entireProcessTree: true);
            break;
        }
        await exited;
        await streams;

        if (process.ExitCode == ExitCodes.Success && stoppedBy is null) return true;
        // A kill is always reported; a worker that ended by itself after reporting a failed cell has nothing to add.
        if (!reportedFailure || stoppedBy is not null)
            ReportStopped(stoppedBy ?? $"The worker process ended with exit code {process.ExitCode}.");
        return false;
    }

    ProcessStartInfo StartInfo()
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("The runner's own executable is unknown.");
        var start = new ProcessStartInfo(host)
        {
            WorkingDirectory = Path.GetDirectoryName(notebook),
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Started as `dotnet Makemore.NotebookRunner.dll` rather than through the apphost: the host needs the dll.
        if (Path.GetFileNameWithoutExtension(host) == "dotnet") start.ArgumentList.Add(typeof(WorkerProcess).Assembly.Location);
        foreach (var argument in Worker.Arguments(notebook, options.OutputFor(notebook), options)) start.ArgumentList.Add(argument);
        return start;
    }

    void OnOutputLine(string line)
    {
        WorkerEvent? e;
        try
        {
            e = WorkerEvent.TryParse(line);
        }
        catch (JsonException)
        {
            e = null; // an event line mangled by other output on the same stream: show it as it is
        }
        if (e is null)
        {
            reporter.Stray(line);
            return;
        }
        Interlocked.Exchange(ref lastEvent, Stopwatch.GetTimestamp());
        reporter.On(e);
        lock (gate)
        {
            switch (e)
            {
                case CellStarted started:
                    running = started;
                    break;
                case CellFinished { Error: { } error } finished when running is not null:
                    reporter.Failure(finished.Cell, running.Lines, error);
                    reportedFailure = true;
                    running = null;
                    break;
                case CellFinished:
                    running = null;
                    break;
            }
            if (e is CellFinished) firstCodeCellDone.TrySetResult();
        }
    }

    // The worker died or was killed: record the reason on the cell it was running, in the copy it saved so far.
    void ReportStopped(string reason)
    {
        var error = new CellError("WorkerStopped", reason);
        lock (gate)
        {
            if (running is null)
            {
                reporter.Stray($"{Path.GetFileName(notebook)}: {reason}");
                return;
            }
            reporter.Failure(running.Cell, running.Lines, error);
            var copy = options.OutputFor(notebook);
            var document = NotebookFile.Read(File.Exists(copy) ? copy : notebook);
            if (!File.Exists(copy)) NotebookFile.ClearOutputs(document);
            document.Elements[running.Cell - 1].Outputs.Add(new ErrorElement(errorValue: reason, errorName: error.Name, stackTrace: []));
            NotebookFile.Write(document, copy);
        }
    }

    static async Task PumpAsync(StreamReader reader, Action<string> onLine)
    {
        while (await reader.ReadLineAsync() is { } line) onLine(line);
    }
}
