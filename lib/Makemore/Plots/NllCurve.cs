using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace Makemore;

/// <summary>
/// The curve −log p for p from near 0 to 1: what one prediction costs in the negative log likelihood when the model
/// gave probability p to what really came next. Given probabilities are marked on it and labelled.
/// </summary>
public static class NllCurve
{
    /// <summary>The curve, with a labelled point at each of <paramref name="marks"/> (for example ("a coin flip", 0.5) or (".e", 0.0478)).</summary>
    /// <param name="marks">The probabilities to mark, each in (0, 1], with its label.</param>
    /// <param name="title">The chart's title.</param>
    /// <param name="logAxis">
    /// Whether p runs on a log axis, where −log p is a straight line and small probabilities spread out instead of
    /// crowding at the left edge.
    /// </param>
    public static GenericChart Of(IEnumerable<(string Label, double Probability)> marks,
        string title = "What a prediction costs: −log p", bool logAxis = false)
    {
        ArgumentNullException.ThrowIfNull(marks);
        (string Label, double Probability)[] points = [.. marks];
        foreach (var (label, p) in points)
        {
            ArgumentNullException.ThrowIfNull(label, nameof(marks));
            if (!(p > 0 && p <= 1))
                throw new ArgumentException(p == 0
                    ? $"\"{label}\" has p = 0, whose −log p is infinite: the curve has no point there."
                    : $"\"{label}\" has p = {p}: a probability to mark lies in (0, 1].", nameof(marks));
        }

        // The curve starts a little left of the smallest mark (and at 0.001 at most), on points spaced evenly in log p
        // so that its steep left end is as smooth as its flat right end.
        var start = Math.Min(1e-3, points.Length == 0 ? 1 : points.Min(m => m.Probability) / 2);
        const int Steps = 400;
        double[] ps = [.. Enumerable.Range(0, Steps + 1).Select(i => Math.Exp(Math.Log(start) * (1 - (double)i / Steps)))];
        var curve = Chart.Line<double, double, string>(ps, [.. ps.Select(p => -Math.Log(p))], Name: "−log p", ShowLegend: false)
            .WithTraces(trace =>
            {
                trace.SetProperty("line", new Dictionary<string, object> { ["color"] = ChartStyle.Colour(0), ["width"] = 2.5 });
                trace.SetProperty("hovertemplate", "p = %{x:.4f}<br>−log p = %{y:.4f}<extra></extra>");
            });
        var marked = Chart.Point<double, double, string>([.. points.Select(m => m.Probability)], [.. points.Select(m => -Math.Log(m.Probability))],
                Name: "marked", ShowLegend: false)
            .WithTraces(trace =>
            {
                trace.SetProperty("marker", new Dictionary<string, object> { ["color"] = ChartStyle.Highlight, ["size"] = 9 });
                trace.SetProperty("customdata", points.Select(m => ChartStyle.Text(m.Label)).ToArray());
                trace.SetProperty("hovertemplate", "%{customdata}: p = %{x:.4f}, −log p = %{y:.4f}<extra></extra>");
            });

        var chart = Chart.Combine([curve, marked])
            .WithXAxisStyle<double, double, string>(TitleText: logAxis ? "p, the probability given to what came next (log scale)" : "p, the probability given to what came next",
                AxisType: logAxis ? StyleParam.AxisType.Log : StyleParam.AxisType.Linear)
            .WithYAxisStyle<double, double, string>(TitleText: "−log p, the cost of that prediction (nats)")
            .WithSize(Width: Width, Height: Height)
            .WithTitleText(ChartStyle.Text(title));
        var top = -Math.Log(start) * 1.05;
        var (xMin, xMax) = logAxis ? (Math.Log10(start) - 0.05, 0.08) : (-0.02, 1.03);
        var labels = LabelAnnotations(points, logAxis ? p => Math.Log10(p) : p => p, xMin, xMax, top);
        chart = chart.WithLayout(layout =>
        {
            layout.SetProperty("margin", new Dictionary<string, object> { ["l"] = Left, ["r"] = Right, ["t"] = Top, ["b"] = Bottom });
            layout.SetProperty("annotations", labels);
            ChartStyle.EditAxis(layout, "xaxis", axis => axis.SetProperty("range", new[] { xMin, xMax }));
            ChartStyle.EditAxis(layout, "yaxis", axis => axis.SetProperty("range", new[] { -0.04 * top, top }));
        });
        return logAxis ? chart.WithLogXTicks(ps) : chart;
    }

    const int Width = 850, Height = 500, Left = 80, Right = 30, Top = 80, Bottom = 70;

    /// <summary>
    /// One label per mark, just right of its point. Labels are placed from p = 1 leftwards, and one that would overlap a
    /// label already placed moves up, into the empty space above the falling curve, joined to its point by a thin line.
    /// Positions are worked out in pixels of the plot area, whose axis ranges and margins the chart fixes.
    /// </summary>
    static List<Dictionary<string, object>> LabelAnnotations((string Label, double Probability)[] points, Func<double, double> toAxis,
        double xMin, double xMax, double top)
    {
        const double LineHeight = 17, CharWidth = 7.5, Gap = 12;
        var (plotWidth, plotHeight) = (Width - Left - Right, Height - Top - Bottom);
        var bottom = -0.04 * top;
        var placed = new List<(double X0, double X1, double Y0, double Y1)>();
        var annotations = new List<Dictionary<string, object>>();
        foreach (var (label, p) in points.OrderByDescending(m => m.Probability))
        {
            var x = (toAxis(p) - xMin) / (xMax - xMin) * plotWidth;
            var y = (top + Math.Log(p)) / (top - bottom) * plotHeight; // pixels from the top; −log p = −Math.Log(p)
            var width = CharWidth * label.Length;
            // Right of the point, unless that runs past the plot's right edge (p near 1): then above it, to its left.
            var right = x + Gap + width <= plotWidth;
            var (dx, dy) = right ? (Gap, 0.0) : (-Gap - width, -LineHeight);
            bool Overlaps(double ly) => placed.Any(b => x + dx < b.X1 && x + dx + width > b.X0 && ly - LineHeight / 2 < b.Y1 && ly + LineHeight / 2 > b.Y0);
            while (Overlaps(y + dy) && y + dy > LineHeight) dy -= 4;
            placed.Add((x + dx, x + dx + width, y + dy - LineHeight / 2, y + dy + LineHeight / 2));
            annotations.Add(new Dictionary<string, object>
            {
                ["x"] = toAxis(p),
                ["y"] = -Math.Log(p),
                ["text"] = ChartStyle.Text(label),
                ["showarrow"] = true,
                ["arrowhead"] = 0,
                ["arrowwidth"] = 1,
                ["arrowcolor"] = "#888",
                ["standoff"] = 5,
                ["ax"] = right ? dx : -Gap,
                ["ay"] = dy,
                ["xanchor"] = right ? "left" : "right",
                ["yanchor"] = "middle",
                ["font"] = new Dictionary<string, object> { ["size"] = 13, ["color"] = "#222" },
            });
        }
        return annotations;
    }
}
