using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Makemore.Testing;

/// <summary>Where a committed notebook's outputs differ from a fresh run's: the cell and the first differing line.</summary>
public sealed record OutputDifference(int Cell, int Line, string Committed, string Fresh);

/// <summary>
/// Compares a notebook's outputs with a fresh run's after normalising only what legitimately varies (docs/outputs.md):
/// chart element ids (random in every run), the charts' static pictures (the chart's data, in its script, is compared
/// instead) and lines the notebook itself marks as machine-dependent with <see cref="MachineDependentMarker"/>.
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
    public static OutputDifference? FirstDifference(ExecutedNotebook committed, ExecutedNotebook fresh)
    {
        if (committed.Cells.Count != fresh.Cells.Count)
            return new OutputDifference(Math.Min(committed.Cells.Count, fresh.Cells.Count) + 1, 0,
                $"{committed.Cells.Count} cells", $"{fresh.Cells.Count} cells");
        for (var i = 0; i < committed.Cells.Count; i++)
        {
            var (a, b) = (Lines(committed.Cells[i]), Lines(fresh.Cells[i]));
            for (var line = 0; line < Math.Max(a.Count, b.Count); line++)
            {
                var (x, y) = (line < a.Count ? a[line] : "(no more output)", line < b.Count ? b[line] : "(no more output)");
                if (x != y) return new OutputDifference(i + 1, line + 1, x, y);
            }
        }
        return null;
    }

    /// <summary>A cell's outputs as comparable lines: execution count, then each output's kind and normalised text.</summary>
    public static IReadOnlyList<string> Lines(ExecutedCell cell)
    {
        var lines = new List<string>();
        if (!cell.IsCode) return lines;
        lines.Add($"execution_count: {cell.ExecutionCount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"}");
        foreach (var output in cell.Outputs)
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

    static IEnumerable<string> Split(string text) => text.Split('\n')
        .Select(line => line.Contains(MachineDependentMarker, StringComparison.Ordinal) ? $"{MachineDependentMarker} (machine-dependent line)" : line.TrimEnd('\r'));

    static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        _ => (string?)node ?? "",
    };
}
