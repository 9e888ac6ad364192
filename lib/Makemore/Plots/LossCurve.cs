using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace Makemore;

/// <summary>
/// The loss recorded during training, against the step it was recorded at. Several curves (say training and validation
/// loss) go on one chart with Plotly's Chart.Combine; each keeps its name in the legend. <see cref="Zoomed"/> draws
/// curves twice, all their steps and then the later steps on a finer vertical scale, where curves that fall steeply at
/// first part from each other.
/// </summary>
public static class LossCurve
{
    /// <summary>One loss per step, steps numbered from 0.</summary>
    public static GenericChart Of(IEnumerable<double> losses, string name = "loss", string title = "Loss", bool logScale = false)
    {
        var values = losses.ToArray();
        return Of(Enumerable.Range(0, values.Length), values, name, title, logScale);
    }

    /// <summary>Losses recorded at the given steps (for example every 10th step).</summary>
    public static GenericChart Of(IEnumerable<int> steps, IEnumerable<double> losses, string name = "loss",
        string title = "Loss", bool logScale = false)
    {
        int[] xs = [.. steps];
        double[] ys = [.. losses];
        if (ys.Length == 0) throw new ArgumentException("There are no losses to plot.", nameof(losses));
        if (xs.Length != ys.Length)
            throw new ArgumentException($"There are {xs.Length} steps but {ys.Length} losses; they pair up one to one.", nameof(steps));
        CheckFinite(xs, ys, nameof(losses));

        return Chart.Line<int, double, string>(xs, ys, Name: name, ShowLegend: true)
            .WithTraceInfo(Name: name)
            .WithXAxisStyle<double, double, string>(TitleText: "step")
            .WithYAxisStyle<double, double, string>(TitleText: logScale ? "loss (log scale)" : "loss",
                AxisType: logScale ? StyleParam.AxisType.Log : StyleParam.AxisType.Linear)
            .WithSize(Width: 800, Height: 450)
            .WithTitleText(title);
    }

    /// <summary>
    /// Loss curves in two panels: every step on the left, and from step <paramref name="zoomFrom"/> on the right, with
    /// the vertical axis fitted to the losses there, so that curves which look alike at full scale come apart. Each curve
    /// keeps one colour in both panels and one legend entry, under the plot.
    /// </summary>
    /// <param name="curves">Each curve's name and its losses, one per step.</param>
    /// <param name="zoomFrom">The first step of the right panel.</param>
    /// <param name="zoomTo">The last step of the right panel; by default the last step. A short stretch shows a loss that zigzags from step to step.</param>
    /// <param name="title">The chart's title.</param>
    /// <param name="firstStep">The number of each curve's first step (0, or 1 when steps are counted from 1).</param>
    /// <param name="logScale">Whether the left panel's loss axis is logarithmic (the right panel's range is narrow, so linear).</param>
    public static GenericChart Zoomed(IEnumerable<(string Name, IEnumerable<double> Losses)> curves, int zoomFrom, int? zoomTo = null,
        string title = "Loss", int firstStep = 0, bool logScale = false)
    {
        ArgumentNullException.ThrowIfNull(curves);
        (string Name, int[] Steps, double[] Losses)[] series = [.. curves.Select(c =>
        {
            ArgumentNullException.ThrowIfNull(c.Losses, nameof(curves));
            double[] losses = [.. c.Losses];
            int[] steps = [.. Enumerable.Range(firstStep, losses.Length)];
            CheckFinite(steps, losses, nameof(curves));
            return (c.Name, steps, losses);
        })];
        if (series.Length == 0) throw new ArgumentException("There are no curves to plot.", nameof(curves));
        var lastStep = series.Max(c => c.Steps.Length == 0 ? int.MinValue : c.Steps[^1]);
        if (zoomFrom <= firstStep || zoomFrom >= lastStep)
            throw new ArgumentOutOfRangeException(nameof(zoomFrom), zoomFrom,
                $"The zoomed panel starts after the first step ({firstStep}) and before the last ({lastStep}).");
        var end = zoomTo ?? lastStep;
        if (end <= zoomFrom || end > lastStep)
            throw new ArgumentOutOfRangeException(nameof(zoomTo), zoomTo, $"The zoomed panel ends after step {zoomFrom} and at step {lastStep} at the latest.");
        bool InZoom(int step) => step >= zoomFrom && step <= end;

        var zoomed = series.SelectMany(c => c.Losses.Where((_, i) => InZoom(c.Steps[i]))).ToArray();
        var (low, high) = (zoomed.Min(), zoomed.Max());
        var pad = Math.Max((high - low) * 0.06, 1e-6);
        GenericChart Panel(bool zoom) => Chart.Combine(series.Select((c, k) =>
            {
                var keep = c.Steps.Select((s, i) => (s, i)).Where(p => !zoom || InZoom(p.s)).Select(p => p.i).ToArray();
                return Chart.Line<int, double, string>([.. keep.Select(i => c.Steps[i])], [.. keep.Select(i => c.Losses[i])],
                        Name: c.Name, ShowLegend: !zoom)
                    .WithTraces(trace =>
                    {
                        trace.SetProperty("line", new Dictionary<string, object> { ["color"] = ChartStyle.Colour(k), ["width"] = 1.5 });
                        trace.SetProperty("legendgroup", c.Name);
                    });
            }))
            .WithXAxisStyle<double, double, string>(TitleText: "step", MinMax: zoom ? Tuple.Create((double)zoomFrom, (double)end) : default(Optional<Tuple<double, double>>))
            .WithYAxisStyle<double, double, string>(TitleText: !zoom && logScale ? "loss (log scale)" : "loss",
                AxisType: !zoom && logScale ? StyleParam.AxisType.Log : StyleParam.AxisType.Linear,
                MinMax: zoom ? Tuple.Create(low - pad, high + pad) : default(Optional<Tuple<double, double>>));

        return Chart.Grid([Panel(false), Panel(true)], 1, 2,
                SubPlotTitles: new[] { $"all steps ({firstStep} to {lastStep})", $"steps {zoomFrom} to {end}, finer loss scale" }, XGap: 0.12)
            .WithSize(Width: 1000, Height: 470)
            .WithLegendBelow(0.2)
            .WithTitleText(ChartStyle.Text(title));
    }

    static void CheckFinite(int[] steps, double[] losses, string parameter)
    {
        var bad = Array.FindIndex(losses, y => !double.IsFinite(y));
        if (bad >= 0)
            throw new ArgumentException(
                $"The loss at step {steps[bad]} is {losses[bad]}: training went numerically wrong there (too large a learning rate?).", parameter);
    }
}
