using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace Makemore;

/// <summary>
/// How one draw picks a symbol: the line from 0 to 1 cut into stretches, one per symbol, each as long as that symbol's
/// probability (their ends are the running totals, the cumulative distribution); a uniform number u lands in one
/// stretch, and that stretch's symbol is the draw. It is the lesson's torch.multinomial draw as
/// <see cref="LessonSampler"/> makes it: the same running totals, and the same pick for the same u.
/// </summary>
public static class CumulativeStrip
{
    /// <summary>The stretches of one row of probabilities (a 1-D float32 tensor, such as <c>P[0]</c>) with u marked.</summary>
    /// <param name="probabilities">The row; it need not sum to 1 (the running totals are divided by its sum, as the draw does).</param>
    /// <param name="symbols">The vocabulary, in the row's order.</param>
    /// <param name="u">The uniform number in [0, 1), for instance <c>torch.rand(1, dtype: torch.float64, generator: g)</c>.</param>
    /// <param name="title">The chart's title; by default it says which symbol u picks.</param>
    /// <param name="rowName">What the row is, for the vertical axis (for example "P[0]").</param>
    public static GenericChart Of(Tensor probabilities, IEnumerable<char> symbols, double u, string? title = null, string rowName = "the row")
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        if (probabilities.dtype != ScalarType.Float32 || probabilities.dim() != 1)
            throw new ArgumentException($"Expected a 1-D float32 row of probabilities, got {probabilities.dtype} [{string.Join(", ", probabilities.shape)}].", nameof(probabilities));
        using var scope = NewDisposeScope();
        return Of(probabilities.detach().cpu().contiguous().data<float>().ToArray(), symbols, u, title, rowName);
    }

    /// <inheritdoc cref="Of(Tensor, IEnumerable{char}, double, string?, string)"/>
    public static GenericChart Of(float[] probabilities, IEnumerable<char> symbols, double u, string? title = null, string rowName = "the row")
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        var labels = Vector.Labels(symbols, probabilities.Length);
        if (!(u >= 0 && u < 1)) throw new ArgumentOutOfRangeException(nameof(u), u, "u is a uniform number in [0, 1).");
        var ends = LessonSampler.Cdf(probabilities);
        var picked = LessonSampler.Pick(ends, u);
        double[] starts = [0, .. ends[..^1].Select(e => (double)e)];
        double[] widths = [.. ends.Select((e, i) => e - starts[i])];

        // Neighbouring stretches alternate two blues so that each one's ends show; the picked one is orange.
        string[] colours = [.. labels.Select((_, i) => i == picked ? ChartStyle.Highlight : i % 2 == 0 ? "#8fa8e8" : "#c9d5f5")];
        string[] texts = [.. labels.Select(ChartStyle.Text)];
        var bars = Chart.Bar<double, double, string>([.. widths], Keys: new double[labels.Length], Name: "stretches", ShowLegend: false)
            .WithTraces(trace =>
            {
                trace.SetProperty("base", starts);
                trace.SetProperty("width", 0.5);
                trace.SetProperty("marker", new Dictionary<string, object>
                {
                    ["color"] = colours,
                    ["line"] = new Dictionary<string, object> { ["color"] = "white", ["width"] = 1 },
                });
                trace.SetProperty("customdata", texts);
                trace.SetProperty("hovertemplate", "'%{customdata}': from %{base:.4f} to %{x:.4f}<extra></extra>");
            });

        // Labels at the stretches' middles, alternately above and below the strip: narrow stretches sit side by side.
        var annotations = new List<Dictionary<string, object>>();
        for (var i = 0; i < labels.Length; i++)
        {
            var above = i % 2 == 0;
            annotations.Add(new Dictionary<string, object>
            {
                ["x"] = starts[i] + widths[i] / 2,
                ["y"] = above ? 0.3 : -0.3,
                ["yanchor"] = above ? "bottom" : "top",
                ["text"] = i == picked ? $"<b>{texts[i]}</b>" : texts[i],
                ["showarrow"] = false,
                ["font"] = new Dictionary<string, object> { ["size"] = i == picked ? 18 : 13, ["color"] = i == picked ? ChartStyle.Highlight : "#333" },
            });
        }
        annotations.Add(new Dictionary<string, object>
        {
            ["x"] = u,
            ["y"] = 0.75,
            ["yanchor"] = "bottom",
            ["showarrow"] = false,
            ["text"] = $"u = {ChartStyle.Number(u)} → '{texts[picked]}'",
            ["font"] = new Dictionary<string, object> { ["size"] = 14, ["color"] = "#111" },
        });
        var uLine = new Dictionary<string, object>
        {
            ["type"] = "line",
            ["x0"] = u,
            ["x1"] = u,
            ["y0"] = -0.25,
            ["y1"] = 0.72,
            ["line"] = new Dictionary<string, object> { ["color"] = "#111", ["width"] = 2, ["dash"] = "dot" },
        };

        var text = $"A uniform u = {ChartStyle.Number(u)} lands in the stretch of '{labels[picked]}' " +
            $"(from {ChartStyle.Number(starts[picked])} to {ChartStyle.Number(ends[picked])})";
        return bars
            .WithXAxisStyle<double, double, string>(TitleText: "running total of the probabilities (0 to 1); each stretch as long as its symbol's probability",
                MinMax: Tuple.Create(0.0, 1.0))
            .WithYAxisStyle<double, double, string>(TitleText: ChartStyle.Text(rowName), MinMax: Tuple.Create(-1.0, 1.0), ShowGrid: false, ZeroLine: false)
            .WithLayout(layout =>
            {
                layout.SetProperty("annotations", annotations);
                layout.SetProperty("shapes", new[] { uLine });
                layout.SetProperty("barmode", "overlay");
                ChartStyle.EditAxis(layout, "xaxis", axis => axis.SetProperty("dtick", 0.1));
                ChartStyle.EditAxis(layout, "yaxis", axis => axis.SetProperty("showticklabels", false));
            })
            .WithSize(Width: 1000, Height: 330)
            .WithTitleText(ChartStyle.Text(title ?? text));
    }
}
