using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Makemore.Testing;

/// <summary>Where a committed notebook's outputs differ from a fresh run's: the cell and the first differing line.</summary>
public sealed record OutputDifference(int Cell, int Line, string Committed, string Fresh);

/// <summary>
/// Compares a notebook's outputs with a fresh run's, in our runner or in the stock kernel, after normalising only what
/// legitimately varies (docs/outputs.md): chart element ids (random in every run), the charts' static pictures (the
/// chart's data, in its script, is compared instead) and lines the notebook itself marks as machine-dependent with
/// <see cref="MachineDependentMarker"/>; and, for the stock kernel, its documented differences (docs/stock-kernel.md).
/// </summary>
public static partial class NotebookOutputs
{
    /// <summary>A notebook marks an output line as machine-dependent (a timing) by putting this character in it.</summary>
    public const string MachineDependentMarker = "⏱";

    /// <summary>The class of the picture the runner's --chart-images puts inside each chart's div.</summary>
    public const string ChartImageClass = "makemore-chart-image";

    /// <summary>The documented command that rewrites the committed notebooks with fresh outputs and pictures.</summary>
    public const string RefreshCommand =
        "npm install --prefix artifacts/plotly plotly.js-dist-min@2.28.0 && " +
        "dotnet run --project lib/Makemore.NotebookRunner -- notebooks --in-place --chart-images";

    [GeneratedRegex($"""<style>[^<]*{ChartImageClass}[^<]*</style>|<img class="{ChartImageClass}"[^>]*>""")]
    private static partial Regex ChartImage();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex ElementId();

    [GeneratedRegex("renderPlotly_[0-9a-f]{32}")]
    private static partial Regex RenderFunction();

    /// <summary>Whether an output's HTML is a Plotly chart (Plotly.NET's chart div and script).</summary>
    public static bool IsChart(string html) => html.Contains("Plotly.newPlot(", StringComparison.Ordinal);

    /// <summary>Whether a chart's HTML carries its static picture.</summary>
    public static bool HasPicture(string html) => html.Contains($"<img class=\"{ChartImageClass}\"", StringComparison.Ordinal);

    /// <summary>The first difference between the outputs of <paramref name="committed"/> and <paramref name="fresh"/>, or null.</summary>
    public static OutputDifference? FirstDifference(ExecutedNotebook committed, ExecutedNotebook fresh) =>
        FirstDifference(committed, fresh, (a, b) => (a.Outputs, b.Outputs));

    /// <summary>
    /// The first difference between the outputs of <paramref name="committed"/> and those of a run in the stock kernel
    /// (<paramref name="stock"/>), or null: compared as <see cref="FirstDifference(ExecutedNotebook, ExecutedNotebook)"/>
    /// compares a fresh run, once the stock kernel's documented differences (docs/stock-kernel.md) are set aside. Its own
    /// announcements in the first code cell (the script that connects a Jupyter page to the kernel, "Loading extensions
    /// from ...") and the C# compiler's warnings it prints on standard error are left out, and so is the text/plain our
    /// runner adds to a return value the stock kernel sends without.
    /// </summary>
    public static OutputDifference? FirstDifferenceFromStockKernel(ExecutedNotebook committed, ExecutedNotebook stock)
    {
        var firstCode = committed.CodeCells.FirstOrDefault()?.Number;
        return FirstDifference(committed, stock, (ours, theirs) =>
        {
            var stockOutputs = theirs.Outputs
                .Where(o => !IsCompilerWarnings(o) && (ours.Number != firstCode || !IsStockKernelAnnouncement(o))).ToList();
            var stockReturns = stockOutputs.Where(IsReturnValue).ToList();
            var returned = 0;
            var committedOutputs = ours.Outputs.Select(output =>
            {
                if (!IsReturnValue(output)) return output;
                var counterpart = returned < stockReturns.Count ? stockReturns[returned++] : null;
                return counterpart is not null && counterpart["data"]?[PlainText] is null ? WithoutPlainText(output) : output;
            }).ToList();
            return (committedOutputs, stockOutputs);
        });
    }

    /// <summary>
    /// Fails when <paramref name="fresh"/> (a fresh run of the notebook committed as <paramref name="committed"/>, named
    /// <paramref name="name"/> in the message) has other outputs, naming the cell and first differing line.
    /// </summary>
    public static void AssertSameOutputs(ExecutedNotebook committed, ExecutedNotebook fresh, string name)
    {
        if (FirstDifference(committed, fresh) is { } difference)
            Assert.Fail(Mismatch(name, difference, "the committed outputs are not what a fresh run gives", "fresh",
                $"Refresh the committed notebooks (docs/outputs.md): {RefreshCommand}"));
    }

    /// <summary>As <see cref="AssertSameOutputs"/>, for a run in the stock kernel (<see cref="FirstDifferenceFromStockKernel"/>).</summary>
    public static void AssertSameOutputsInStockKernel(ExecutedNotebook committed, ExecutedNotebook stock, string name)
    {
        if (FirstDifferenceFromStockKernel(committed, stock) is { } difference)
            Assert.Fail(Mismatch(name, difference, "the stock kernel's outputs are not the committed ones", "stock",
                $"The stock kernel, as VS Code and Jupyter run the notebook, printed something else than the runner " +
                $"(docs/stock-kernel.md); its executed copy: {stock.Path}"));
    }

    static string Mismatch(string name, OutputDifference difference, string problem, string label, string remedy) =>
        $"{name}, cell {difference.Cell}, output line {difference.Line}: {problem}.\n" +
        $"  committed: {difference.Committed}\n  {label + ":",-10} {difference.Fresh}\n{remedy}";

    static OutputDifference? FirstDifference(ExecutedNotebook committed, ExecutedNotebook fresh,
        Func<ExecutedCell, ExecutedCell, (IReadOnlyList<JsonObject> Committed, IReadOnlyList<JsonObject> Fresh)> outputs)
    {
        if (committed.Cells.Count != fresh.Cells.Count)
            return new OutputDifference(Math.Min(committed.Cells.Count, fresh.Cells.Count) + 1, 0,
                $"{committed.Cells.Count} cells", $"{fresh.Cells.Count} cells");
        for (var i = 0; i < committed.Cells.Count; i++)
        {
            var (ours, theirs) = (committed.Cells[i], fresh.Cells[i]);
            var compared = outputs(ours, theirs);
            var (a, b) = (Lines(ours, compared.Committed), Lines(theirs, compared.Fresh));
            for (var line = 0; line < Math.Max(a.Count, b.Count); line++)
            {
                var (x, y) = (line < a.Count ? a[line] : "(no more output)", line < b.Count ? b[line] : "(no more output)");
                if (x != y) return new OutputDifference(i + 1, line + 1, x, y);
            }
        }
        return null;
    }

    // A cell's outputs as comparable lines: execution count, then each output's kind and normalised text.
    static List<string> Lines(ExecutedCell cell, IEnumerable<JsonObject> outputs)
    {
        var lines = new List<string>();
        if (!cell.IsCode) return lines;
        lines.Add($"execution_count: {cell.ExecutionCount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"}");
        foreach (var output in outputs)
        {
            var kind = (string?)output["output_type"] ?? "?";
            switch (kind)
            {
                case "stream":
                    lines.Add($"[stream {(string?)output["name"]}]");
                    lines.AddRange(Split(Text(output["text"])));
                    break;
                case "error":
                    lines.Add($"[error {(string?)output["ename"]}] {(string?)output["evalue"]}");
                    lines.AddRange(output["traceback"]?.AsArray().SelectMany(t => Split((string?)t ?? "")) ?? []);
                    break;
                default:
                    lines.Add($"[{kind}]");
                    foreach (var (mimeType, value) in (output["data"]?.AsObject() ?? []).OrderBy(d => d.Key, StringComparer.Ordinal))
                    {
                        lines.Add($"{mimeType}:");
                        lines.AddRange(Split(Normalise(Text(value))));
                    }
                    break;
            }
        }
        return lines;
    }

    /// <summary>Removes charts' pictures and numbers element ids in order of appearance.</summary>
    public static string Normalise(string text)
    {
        text = ChartImage().Replace(text, "");
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        text = ElementId().Replace(text, m => $"id-{Number(ids, m.Value)}");
        return RenderFunction().Replace(text, m => $"renderPlotly_id{Number(ids, m.Value[^32..])}");
    }

    static int Number(Dictionary<string, int> ids, string id)
    {
        var key = id.Replace("-", "");
        if (!ids.TryGetValue(key, out var number)) ids[key] = number = ids.Count + 1;
        return number;
    }

    const string PlainText = "text/plain";

    static bool IsReturnValue(JsonObject output) => (string?)output["output_type"] == "execute_result";

    // What the stock kernel shows in the first cell it runs, beside the cell's own outputs.
    static bool IsStockKernelAnnouncement(JsonObject output) =>
        (string?)output["output_type"] == "display_data"
        && (Text(output["data"]?["text/html"]).Contains("dotnet-interactive-this-cell", StringComparison.Ordinal)
            || Text(output["data"]?[PlainText]).StartsWith("Loading extensions from `", StringComparison.Ordinal));

    // What Jupyter's .NET kernel prints for the warnings of a cell's compilation ("(14,7): warning CS8632: ...", or without
    // a position), each between blank lines; Polyglot Notebooks underlines them in the editor, and the runner leaves them out.
    static bool IsCompilerWarnings(JsonObject output) =>
        (string?)output["output_type"] == "stream" && (string?)output["name"] == "stderr"
        && Text(output["text"]).Split('\n').All(line => line.Trim().Length == 0 || CompilerWarning().IsMatch(line));

    [GeneratedRegex(@"^(\(\d+,\d+\): )?warning CS\d{4}: ")]
    private static partial Regex CompilerWarning();

    static JsonObject WithoutPlainText(JsonObject output)
    {
        var copy = output.DeepClone().AsObject();
        copy["data"]?.AsObject().Remove(PlainText);
        return copy;
    }

    static IEnumerable<string> Split(string text) => text.Split('\n')
        .Select(line => line.Contains(MachineDependentMarker, StringComparison.Ordinal) ? $"{MachineDependentMarker} (machine-dependent line)" : line.TrimEnd('\r'));

    static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        _ => (string?)node ?? "",
    };
}
