using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace Makemore;

/// <summary>
/// A sweep's training and dev losses against the strength on a logarithmic x axis, with the strength the dev loss
/// chooses marked: the picture for tuning smoothing or regularisation on held-out words. The axis is ticked at the
/// powers of ten and the legend sits under the plot, where it covers no curve.
/// </summary>
public static class SweepChart
{
    /// <param name="sweep">The points, for instance from <see cref="Sweep.Smoothing"/> or <see cref="ContextNet.RegularizationSweep"/>.</param>
    /// <param name="strengthName">What the strength is, for the axis and the marker (e.g. "smoothing k").</param>
    /// <param name="title">The chart's title.</param>
    public static GenericChart Of(SweepResult sweep, string strengthName = "strength", string title = "Training and dev loss")
    {
        var points = sweep.Points;
        if (points.Count == 0) throw new ArgumentException("The sweep has no points to plot.", nameof(sweep));
        // A log axis has no place for 0 (or less), and plotly.js cannot draw an infinite loss: both would silently vanish.
        var bad = points.FirstOrDefault(p => !(p.Strength > 0 && double.IsFinite(p.Strength)));
        if (bad is not null)
            throw new ArgumentException($"A log axis needs positive finite strengths; the sweep has {bad.Strength}.", nameof(sweep));
        bad = points.FirstOrDefault(p => !double.IsFinite(p.TrainLoss) || !double.IsFinite(p.DevLoss));
        if (bad is not null)
            throw new ArgumentException(
                $"At strength {bad.Strength} the losses are {bad.TrainLoss} (train) and {bad.DevLoss} (dev); only finite losses can be plotted.", nameof(sweep));

        double[] strengths = [.. points.Select(p => p.Strength)];
        var best = sweep.Best;
        var chosen = $"lowest dev loss: {strengthName} = {best.Strength:G3}";
        return Chart.Combine(
            [
                Curve(strengths, points.Select(p => p.TrainLoss), "train"),
                Curve(strengths, points.Select(p => p.DevLoss), "dev"),
                Chart.Point<double, double, string>([best.Strength], [best.DevLoss], Name: chosen, ShowLegend: true,
                        MarkerSymbol: StyleParam.MarkerSymbol.Diamond)
                    .WithTraceInfo(Name: chosen)
                    .WithTraces(trace => trace.SetProperty("marker", new Dictionary<string, object>
                    {
                        ["symbol"] = "diamond", ["size"] = 13, ["color"] = ChartStyle.Colour(2),
                        ["line"] = new Dictionary<string, object> { ["color"] = "#111", ["width"] = 1 },
                    })),
            ])
            .WithXAxisStyle<double, double, string>(TitleText: $"{strengthName} (log scale)", AxisType: StyleParam.AxisType.Log)
            .WithYAxisStyle<double, double, string>(TitleText: "average NLL")
            .WithLogXTicks(strengths)
            .WithLegendBelow()
            .WithSize(Width: 800, Height: 500)
            .WithTitleText(ChartStyle.Text(title));
    }

    static GenericChart Curve(double[] strengths, IEnumerable<double> losses, string name) =>
        Chart.Line<double, double, string>(strengths, [.. losses], Name: name, ShowMarkers: true, ShowLegend: true)
            .WithTraceInfo(Name: name);
}
