using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace Makemore;

/// <summary>
/// Softmax for one input, in three panels over the same symbols: the logits (any real numbers, some negative), their
/// exponentials (positive "counts"), and those divided by their sum (probabilities that add up to 1).
/// </summary>
public static class SoftmaxChart
{
    /// <summary>The three panels for one row of logits (a 1-D tensor, any real dtype), bar i labelled <paramref name="symbols"/>[i].</summary>
    /// <param name="logits">One input's logits, for instance <c>logits[0]</c>.</param>
    /// <param name="symbols">The vocabulary, in the logits' order.</param>
    /// <param name="label">The symbol that really came next, if any: its bar is coloured in every panel, so its share can be followed.</param>
    /// <param name="title">The chart's title.</param>
    public static GenericChart Of(Tensor logits, IEnumerable<char> symbols, char? label = null,
        string title = "Softmax: logits → exp → probabilities") =>
        Of(Vector.ToDoubles(logits, "logits"), symbols, label, title);

    /// <inheritdoc cref="Of(Tensor, IEnumerable{char}, char?, string)"/>
    public static GenericChart Of(double[] logits, IEnumerable<char> symbols, char? label = null,
        string title = "Softmax: logits → exp → probabilities")
    {
        ArgumentNullException.ThrowIfNull(logits);
        var labels = Vector.Labels(symbols, logits.Length);
        var bad = Enumerable.Range(0, logits.Length).FirstOrDefault(i => !double.IsFinite(logits[i]), -1);
        if (bad >= 0) throw new ArgumentException($"The logit of '{labels[bad]}' is {logits[bad]}: softmax needs finite logits.", nameof(logits));
        var highlighted = label is { } l ? Array.IndexOf(labels, l.ToString()) : -1;
        if (label is not null && highlighted < 0)
            throw new ArgumentException($"'{label}' is not one of the symbols.", nameof(label));

        // exp of the logits themselves, as the lesson computes it (no shift by the largest logit), so the middle panel
        // shows the lesson's "counts".
        double[] counts = [.. logits.Select(Math.Exp)];
        var total = counts.Sum();
        if (!double.IsFinite(total))
            throw new ArgumentException("exp of these logits overflows a double: subtract the largest logit first.", nameof(logits));
        double[] probabilities = [.. counts.Select(c => c / total)];

        string[] xs = [.. labels.Select(ChartStyle.Text)];
        string[] colours = [.. Enumerable.Range(0, xs.Length).Select(i => i == highlighted ? ChartStyle.Highlight : ChartStyle.Colour(0))];
        var suffix = highlighted >= 0 ? $" ('{ChartStyle.Text(labels[highlighted])}' in orange)" : "";
        var panels = new[]
        {
            Panel(xs, logits, colours, highlighted, "logit"),
            Panel(xs, counts, colours, highlighted, "exp(logit)"),
            Panel(xs, probabilities, colours, highlighted, "probability"),
        };
        string[] subtitles =
        [
            "1 · the logits: any real numbers, some negative" + suffix,
            "2 · exp(logits): positive \"counts\"",
            $"3 · counts / their sum ({ChartStyle.Number(total)}): probabilities that add up to 1",
        ];
        return Chart.Grid(panels, 3, 1, SubPlotTitles: subtitles, SubPlotTitleFont: Font.init(null, Microsoft.FSharp.Core.FSharpOption<double>.Some(14), null), YGap: 0.35)
            .WithSize(Width: Math.Max(700, 28 * xs.Length + 200), Height: 860)
            .WithTitleText(ChartStyle.Text(title));
    }

    // One panel; the highlighted bar carries its value, so the label's share can be read in each step.
    static GenericChart Panel(string[] xs, IReadOnlyList<double> ys, string[] colours, int highlighted, string axisTitle) =>
        Chart.Column<double, string, string>(ys.ToArray(), Keys: xs, Name: axisTitle, ShowLegend: false)
            .WithTraces(trace =>
            {
                trace.SetProperty("marker", new Dictionary<string, object> { ["color"] = colours });
                trace.SetProperty("hovertemplate", "'%{x}': %{y:.4f}<extra></extra>");
                if (highlighted < 0) return;
                trace.SetProperty("text", ys.Select((y, i) => i == highlighted ? ChartStyle.Number(y) : "").ToArray());
                trace.SetProperty("textposition", "outside");
                trace.SetProperty("cliponaxis", false);
                trace.SetProperty("constraintext", "none");
                trace.SetProperty("textfont", new Dictionary<string, object> { ["color"] = ChartStyle.Highlight, ["size"] = 13 });
            })
            .WithXAxisStyle<double, double, string>(TitleText: "next symbol", AxisType: StyleParam.AxisType.Category,
                CategoryOrder: StyleParam.CategoryOrder.Array, CategoryArray: xs)
            .WithYAxisStyle<double, double, string>(TitleText: axisTitle);
}
