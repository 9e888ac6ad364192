using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace Makemore;

/// <summary>
/// The loss recorded during training, against the step it was recorded at. Several curves (say training and validation
/// loss) go on one chart with Plotly's Chart.Combine; each keeps its name in the legend.
/// </summary>
public static class LossCurve
{
    /// <summary>One loss per step, steps numbered from 0.</summary>
    public static GenericChart Of(IEnumerable<double> losses, string name = "loss", string title = "Loss", bool logScale = false)
    {
        var values = losses.ToArray();
        return Of(Enumerable.Range(0, values.Length), values, name, title, logScale);
    }

    /// <summary>One loss per step, steps numbered from 0 (the single-precision values a float32 model produces).</summary>
    public static GenericChart Of(IEnumerable<float> losses, string name = "loss", string title = "Loss", bool logScale = false) =>
        Of(losses.Select(l => (double)l), name, title, logScale);

    /// <summary>Losses recorded at the given steps (for example every 10th step).</summary>
    public static GenericChart Of(IEnumerable<int> steps, IEnumerable<double> losses, string name = "loss",
        string title = "Loss", bool logScale = false)
    {
        int[] xs = [.. steps];
        double[] ys = [.. losses];
        if (ys.Length == 0) throw new ArgumentException("There are no losses to plot.", nameof(losses));
        if (xs.Length != ys.Length)
            throw new ArgumentException($"There are {xs.Length} steps but {ys.Length} losses; they pair up one to one.", nameof(steps));
        var bad = Array.FindIndex(ys, y => !double.IsFinite(y));
        if (bad >= 0)
            throw new ArgumentException(
                $"The loss at step {xs[bad]} is {ys[bad]}: training went numerically wrong there (too large a learning rate?).", nameof(losses));

        return Chart.Line<int, double, string>(xs, ys, Name: name, ShowLegend: true)
            .WithTraceInfo(Name: name)
            .WithXAxisStyle<double, double, string>(TitleText: "step")
            .WithYAxisStyle<double, double, string>(TitleText: logScale ? "loss (log scale)" : "loss",
                AxisType: logScale ? StyleParam.AxisType.Log : StyleParam.AxisType.Linear)
            .WithSize(Width: 800, Height: 450)
            .WithTitleText(title);
    }
}
