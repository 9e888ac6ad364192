using System.Globalization;

namespace Makemore.NotebookRunner;

/// <summary>
/// The runner's terminal output: notebook i of n, one line per code cell (cell j of m, its first line, result and time),
/// each failure with its notebook, cell, first lines and error, and a closing summary. Called from the threads that
/// read a worker's output streams, so every write holds the lock.
/// </summary>
sealed class ProgressReporter(TextWriter output, TextWriter errors)
{
    readonly TextWriter output = output;
    readonly TextWriter errors = errors;

    const int PreviewLength = 60;
    const int ReportedMessageLines = 12;

    readonly Lock gate = new();
    string notebook = "";
    int cells;
    bool lineOpen;

    /// <summary>A reporter for one of several notebooks running at once: it keeps the notebook's lines for <see cref="Publish"/>.</summary>
    public static ProgressReporter Buffered() => new(new StringWriter(), new StringWriter());

    /// <summary>Writes everything <paramref name="buffered"/> (from <see cref="Buffered"/>) kept, in one block.</summary>
    public void Publish(ProgressReporter buffered)
    {
        lock (gate)
        {
            CloseLine();
            lock (buffered.gate)
            {
                buffered.CloseLine();
                output.Write(buffered.output.ToString());
                errors.Write(buffered.errors.ToString());
            }
            output.Flush();
        }
    }

    public void NotebookStarting(int number, int count, string path)
    {
        lock (gate)
        {
            notebook = Path.GetFileName(path);
            CloseLine();
            output.WriteLine($"[{number}/{count}] {DisplayPath.Of(path)}");
        }
    }

    public void On(WorkerEvent e)
    {
        lock (gate)
        {
            switch (e)
            {
                case NotebookStarted started:
                    cells = started.Cells;
                    break;
                case CellStarted cell:
                    CloseLine();
                    output.Write($"  cell {cell.Cell}/{cells}  {Preview(cell.Lines)}  ");
                    output.Flush();
                    lineOpen = true;
                    break;
                case CellFinished done:
                    if (!lineOpen) output.Write($"  cell {done.Cell}/{cells}  ");
                    output.WriteLine($"{(done.Error is null ? "ok" : "FAILED")} {Seconds(done.Seconds)}");
                    lineOpen = false;
                    break;
            }
        }
    }

    /// <summary>Output of a worker that is not an event (a native library writing to the console, a crash message).</summary>
    public void Stray(string line)
    {
        lock (gate)
        {
            CloseLine();
            errors.WriteLine($"  | {line}");
        }
    }

    public void Failure(int cell, IReadOnlyList<string> lines, CellError error)
    {
        lock (gate)
        {
            CloseLine();
            errors.WriteLine($"FAILED: {notebook}, cell {cell} of {cells}:");
            foreach (var line in lines) errors.WriteLine($"    {line}");
            var message = error.Message.Split('\n');
            errors.WriteLine($"  {error.Name}: {message[0].TrimEnd()}");
            foreach (var line in message.Skip(1).Take(ReportedMessageLines - 1)) errors.WriteLine($"    {line.TrimEnd()}");
            if (message.Length > ReportedMessageLines) errors.WriteLine("    …");
        }
    }

    /// <summary>The notebook's outcome and where its outputs are; <paramref name="inPlace"/> is the notebook run with --in-place.</summary>
    public void NotebookFinished(int number, int count, bool succeeded, TimeSpan elapsed, string copy, string? inPlace)
    {
        lock (gate)
        {
            CloseLine();
            var outputs = (inPlace, succeeded) switch
            {
                (null, _) => $"executed copy: {DisplayPath.Of(copy)}",
                (_, true) => $"outputs written into {DisplayPath.Of(inPlace)}",
                (_, false) => $"{DisplayPath.Of(inPlace)} left as it was; executed copy up to the failure: {DisplayPath.Of(copy)}",
            };
            output.WriteLine($"[{number}/{count}] {(succeeded ? "ok" : "FAILED")} in {Seconds(elapsed.TotalSeconds)}, {outputs}");
        }
    }

    public void Summary(int count, IReadOnlyList<string> failed, TimeSpan elapsed, int jobs)
    {
        lock (gate)
        {
            CloseLine();
            var outcome = failed.Count == 0
                ? $"all {count} notebook(s) ran without errors"
                : $"{failed.Count} of {count} notebook(s) failed: {string.Join(", ", failed.Select(Path.GetFileName))}";
            output.WriteLine($"Notebook run finished in {Seconds(elapsed.TotalSeconds)}, {jobs} at a time: {outcome}.");
        }
    }

    void CloseLine()
    {
        if (!lineOpen) return;
        output.WriteLine();
        lineOpen = false;
    }

    static string Preview(IReadOnlyList<string> lines)
    {
        var first = lines.Count > 0 ? lines[0].Trim() : "";
        return first.Length <= PreviewLength ? first : first[..(PreviewLength - 1)] + "…";
    }

    static string Seconds(double seconds) => seconds.ToString("0.0 s", CultureInfo.InvariantCulture);
}
