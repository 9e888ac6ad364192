using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace Makemore.NotebookRunner;

/// <summary>
/// Turns the kernel's events into the outputs of the cell being executed, the way a notebook front end shows them:
/// streams (consecutive writes merged), displayed values, return values and errors. Events come from any thread
/// (a cell may update a display from a background task), so the outputs are only touched under <see cref="Gate"/>.
/// </summary>
sealed class OutputRecorder : IDisposable
{
    const string PlainText = "text/plain";

    readonly Dictionary<string, DisplayElement> displays = new(StringComparer.Ordinal);
    readonly IDisposable subscription;
    InteractiveDocumentElement? cell;

    public OutputRecorder(Kernel kernel) => subscription = kernel.KernelEvents.Subscribe(Record);

    /// <summary>Held while outputs change; hold it to read or save the document consistently.</summary>
    public Lock Gate { get; } = new();

    /// <summary>The cell that receives outputs from now on (output from background work lands in the latest cell).</summary>
    public void StartCell(InteractiveDocumentElement target)
    {
        lock (Gate) cell = target;
    }

    /// <summary>Adds the error output of a failed submission and returns what to report, or null if it succeeded.</summary>
    public CellError? RecordResult(KernelCommandResult result)
    {
        if (result.Events.OfType<CommandFailed>().LastOrDefault() is not { } failed) return null;
        var name = failed.Exception switch
        {
            null => "Error",
            CodeSubmissionCompilationErrorException => "CompilationError",
            var e => e.GetType().Name,
        };
        return RecordError(name, failed.Exception?.Message ?? failed.Message, failed.Message.Split('\n'));
    }

    public CellError RecordError(string name, string message, string[] trace)
    {
        lock (Gate) cell?.Outputs.Add(new ErrorElement(errorValue: message, errorName: name, stackTrace: trace));
        return new CellError(name, message);
    }

    public void Dispose() => subscription.Dispose();

    void Record(KernelEvent e)
    {
        lock (Gate)
        {
            if (cell is null) return;
            switch (e)
            {
                case StandardOutputValueProduced output: AppendStream("stdout", output); break;
                case StandardErrorValueProduced output: AppendStream("stderr", output); break;
                case DisplayedValueUpdated update: Update(update); break;
                case DisplayedValueProduced display: Display(display); break;
                case ReturnValueProduced value: cell.Outputs.Add(ReturnValue(value)); break;
            }
        }
    }

    void AppendStream(string name, DisplayEvent e)
    {
        var text = string.Concat(e.FormattedValues.Select(v => v.Value));
        var outputs = cell!.Outputs;
        if (outputs.Count > 0 && outputs[^1] is TextElement last && last.Name == name)
            outputs[^1] = new TextElement(last.Text + text, name);
        else
            outputs.Add(new TextElement(text, name));
    }

    void Display(DisplayedValueProduced e)
    {
        var output = new DisplayElement(Data(e));
        cell!.Outputs.Add(output);
        if (string.IsNullOrEmpty(e.ValueId)) return;
        displays[e.ValueId] = output;
    }

    // An update replaces the displayed data where it is, also in an earlier cell. An update of a display this run never
    // showed is dropped, as Jupyter does: .NET Interactive 1.0.0-beta.26120.1's display(x) returns another object than
    // the one it shows, so display(x).Update(y) names an unknown display (the stock kernel under nbconvert drops it too).
    void Update(DisplayedValueUpdated e)
    {
        if (!displays.TryGetValue(e.ValueId, out var output)) return;
        output.Data.Clear();
        foreach (var (mimeType, value) in Data(e)) output.Data[mimeType] = value;
    }

    // Front ends show a return value as text/plain where they cannot render the richer types; .NET Interactive's
    // C# kernel sends only text/html for most values, so the plain text is added here.
    ReturnValueElement ReturnValue(ReturnValueProduced e)
    {
        var output = new ReturnValueElement { ExecutionOrder = cell!.ExecutionOrder };
        foreach (var (mimeType, value) in Data(e)) output.Data[mimeType] = value;
        if (!output.Data.ContainsKey(PlainText) && e.Value is not null)
            output.Data[PlainText] = e.Value.ToDisplayString(PlainText);
        return output;
    }

    static Dictionary<string, object> Data(DisplayEvent e) =>
        e.FormattedValues.Where(v => !v.SuppressDisplay).ToDictionary(v => v.MimeType, v => (object)v.Value);
}
