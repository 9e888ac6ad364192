using Plotly.NET;

namespace Makemore;

/// <summary>
/// Readable ticks on a logarithmic x axis: plotly's own add unlabelled "2" and "5" marks between the powers of ten and
/// write 0.0001 as "100µ". For a chart built by hand, such as a sweep of several models against a smoothing strength.
/// </summary>
public static class LogTicks
{
    /// <summary>
    /// Ticks the x axis at the powers of ten that span <paramref name="values"/> (the x values plotted, all positive),
    /// labelled as decimals: 0.001, 0.01, … 1000.
    /// </summary>
    public static GenericChart WithLogXTicks(this GenericChart chart, IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentNullException.ThrowIfNull(values);
        double[] all = [.. values];
        if (all.Length == 0) throw new ArgumentException("There are no values to tick.", nameof(values));
        var (ticks, texts) = ChartStyle.PowersOfTen(all.Min(), all.Max());
        return chart.WithLayout(layout => ChartStyle.EditAxis(layout, "xaxis", axis =>
        {
            axis.SetProperty("tickmode", "array");
            axis.SetProperty("tickvals", ticks);
            axis.SetProperty("ticktext", texts);
        }));
    }
}
