using System.Diagnostics;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Documents;

namespace Makemore.NotebookRunner;

/// <summary>
/// Executes one notebook top to bottom in a fresh kernel (the worker's job): clears old outputs, runs each code cell,
/// saves the executed copy after every cell (so a killed worker still leaves its progress) and reports each step.
/// </summary>
sealed class NotebookExecutor(string notebook, string output, TimeSpan timeout, bool allowErrors, Action<WorkerEvent> report)
{
    public async Task<int> RunAsync()
    {
        var document = NotebookFile.Read(notebook);
        NotebookFile.ClearOutputs(document);
        report(new NotebookStarted(document.Elements.Count));

        // Not disposed: after a timeout the cell is still running, and the worker process ends right after this method.
        var kernel = NotebookKernel.Create();
        var recorder = new OutputRecorder(kernel);
        var executed = 0;
        for (var index = 0; index < document.Elements.Count; index++)
        {
            var cell = document.Elements[index];
            if (!NotebookFile.IsCode(cell) || string.IsNullOrWhiteSpace(cell.Contents)) continue;

            report(new CellStarted(index + 1, NotebookFile.FirstLines(cell, 3)));
            var clock = Stopwatch.StartNew();
            cell.ExecutionOrder = ++executed;
            recorder.StartCell(cell);
            var submission = kernel.SendAsync(new SubmitCode(cell.Contents, cell.KernelName));
            var timedOut = await Task.WhenAny(submission, Task.Delay(timeout)) != submission;
            var error = timedOut
                ? recorder.RecordError("Timeout", $"The cell did not finish within {timeout.TotalSeconds:0} s and was stopped.", [])
                : recorder.RecordResult(await submission);
            Save(document, recorder);
            report(new CellFinished(index + 1, clock.Elapsed.TotalSeconds, error));

            // Like nbconvert: --allow-errors runs on after a failing cell, but a cell that is still running stops everything.
            if (timedOut || (error is not null && !allowErrors)) return ExitCodes.CellFailed;
        }
        Save(document, recorder);
        return ExitCodes.Success;
    }

    void Save(InteractiveDocument document, OutputRecorder recorder)
    {
        lock (recorder.Gate) NotebookFile.Write(document, output);
    }
}
