using System.Globalization;
using Microsoft.FSharp.Core;
using Plotly.NET;

namespace Makemore;

/// <summary>
/// What the chart builders share beyond the heatmaps: plotly's own trace colours (so a curve keeps its colour across
/// panels), layout edits that Plotly.NET.CSharp has no setter for, and tick labels a reader can read on a log axis.
/// </summary>
internal static class ChartStyle
{
    /// <summary>plotly.js's default colour cycle, in its order: the first curve is blue, the second red, and so on.</summary>
    public static readonly string[] Colours = ["#636efa", "#EF553B", "#00cc96", "#ab63fa", "#FFA15A", "#19d3f3", "#FF6692", "#B6E880", "#FF97FF", "#FECB52"];

    /// <summary>The colour that marks what a picture singles out (the label's bar, the stretch u falls in).</summary>
    public const string Highlight = "#FF7F0E";

    public static string Colour(int index) => Colours[index % Colours.Length];

    public static GenericChart WithLayout(this GenericChart chart, Action<Layout> edit) =>
        GenericChart.mapLayout(FuncConvert.FromFunc<Layout, Layout>(layout =>
        {
            edit(layout);
            return layout;
        }), chart);

    public static GenericChart WithTraces(this GenericChart chart, Action<Trace> edit) =>
        GenericChart.mapTrace(FuncConvert.FromFunc<Trace, Trace>(trace =>
        {
            edit(trace);
            return trace;
        }), chart);

    /// <summary>
    /// The legend in one row under the plot, so that it never narrows the plot or covers a curve (plotly puts it at the
    /// right, where long names squeeze the plot). <paramref name="below"/> is how far under the plot's bottom edge it
    /// sits, as a fraction of the plot's height: far enough to clear the x axis's labels and title.
    /// </summary>
    public static GenericChart WithLegendBelow(this GenericChart chart, double below = 0.22) => chart.WithLayout(layout =>
    {
        layout.SetProperty("showlegend", true);
        layout.SetProperty("legend", new Dictionary<string, object>
        {
            ["orientation"] = "h",
            ["x"] = 0.5,
            ["xanchor"] = "center",
            ["y"] = -below,
            ["yanchor"] = "top",
        });
    });

    /// <summary>
    /// Tick marks at the powers of ten from just below <paramref name="min"/> to just above <paramref name="max"/>,
    /// labelled as decimals (0.001, 0.01, … 1000): plotly's own log ticks add unlabelled "2" and "5" marks between
    /// the powers and write 0.0001 as "100µ".
    /// </summary>
    public static (double[] Values, string[] Texts) PowersOfTen(double min, double max)
    {
        if (!(min > 0 && max >= min && double.IsFinite(max)))
            throw new ArgumentException($"A log axis spans positive finite numbers, not {min} to {max}.");
        var first = (int)Math.Floor(Math.Log10(min) + 1e-9);
        var last = (int)Math.Ceiling(Math.Log10(max) - 1e-9);
        if (first == last) last++;
        var exponents = Enumerable.Range(first, last - first + 1).ToArray();
        return ([.. exponents.Select(e => Math.Pow(10, e))], [.. exponents.Select(PowerOfTenText)]);
    }

    static string PowerOfTenText(int exponent) => exponent switch
    {
        < -4 or > 6 => $"1e{exponent}",
        < 0 => "0." + new string('0', -exponent - 1) + "1",
        _ => Math.Pow(10, exponent).ToString("0", CultureInfo.InvariantCulture),
    };

    /// <summary>Edits the layout's axis <paramref name="axis"/> ("xaxis", "yaxis2", …), creating it if the chart has none.</summary>
    public static void EditAxis(Layout layout, string axis, Action<DynamicObj.DynamicObj> edit)
    {
        var existing = layout.TryGetPropertyValue(axis);
        var style = FSharpOption<object>.get_IsSome(existing) && existing.Value is DynamicObj.DynamicObj found
            ? found
            : new Plotly.NET.LayoutObjects.LinearAxis();
        edit(style);
        layout.SetProperty(axis, style);
    }

    /// <summary>Text in a plotly title, label or annotation, escaped so that "&lt;S&gt;" shows as written.</summary>
    public static string Text(string text) => Heatmap.Text(text);

    /// <summary>Numbers as the notebooks print them: invariant culture, so a chart reads the same on every machine.</summary>
    public static string Number(double value, string format = "0.0000") => value.ToString(format, CultureInfo.InvariantCulture);
}
