using Microsoft.FSharp.Core;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace Makemore;

/// <summary>
/// What <see cref="CountHeatmap"/> and <see cref="MatrixHeatmap"/> share: label checks, cell size, the colour scale and
/// category axes that keep the labels in the matrix's order.
/// </summary>
internal static class Heatmap
{
    /// <summary>Pixels per square: a 27×27 matrix fits a notebook's width, a small one is not blown up.</summary>
    public static int CellSize(int rows, int columns, int span = 900) => Math.Clamp(span / Math.Max(rows, columns), 14, 40);

    /// <summary>
    /// Plotly reads labels and titles as a little HTML: "&lt;S&gt;" would start a strike-through tag and vanish. Escaped,
    /// every label shows as written.
    /// </summary>
    public static string Text(string label) => label.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    public static string[] Texts(IEnumerable<string> labels) => [.. labels.Select(Text)];

    public static void CheckLabels(int rows, int columns, IReadOnlyList<string> rowLabels, IReadOnlyList<string> columnLabels)
    {
        if (rowLabels.Count != rows || columnLabels.Count != columns)
            throw new ArgumentException(
                $"The matrix is {rows}×{columns} but there are {rowLabels.Count} row labels and {columnLabels.Count} column labels.");
        // Category axes merge equal labels into one row or column, which would hide data.
        if (rowLabels.Distinct().Count() != rows || columnLabels.Distinct().Count() != columns)
            throw new ArgumentException("Row labels and column labels must each be distinct: each names one row or column.");
    }

    /// <summary>
    /// A heatmap trace of <paramref name="z"/>, rows top to bottom, with Plotly's colour scale <paramref name="colorscale"/>
    /// reversed so large values are dark ("Blues" and "RdBu" run the other way), then <paramref name="style"/> applied.
    /// </summary>
    public static GenericChart Of<T>(T[][] z, string[] xs, string[] ys, string colorscale, Action<Trace> style, string name = "")
        where T : IConvertible
    {
        var chart = name.Length == 0
            ? Chart.Heatmap<T, string, string, string>(zData: z, X: xs, Y: ys, XGap: 1, YGap: 1, ReverseYAxis: true)
            : Chart.Heatmap<T, string, string, string>(zData: z, X: xs, Y: ys, XGap: 1, YGap: 1, ReverseYAxis: true, Name: name);
        return GenericChart.mapTrace(FuncConvert.FromFunc<Trace, Trace>(trace =>
        {
            trace.SetProperty("colorscale", colorscale);
            trace.SetProperty("reversescale", true);
            style(trace);
            return trace;
        }), chart);
    }

    /// <summary>Column labels on top and row labels at the left, as category axes in the given order: labels such as "."
    /// or "0" are names, not numbers, and must not be sorted.</summary>
    public static GenericChart WithCategoryAxes(this GenericChart chart, string[] xs, string[] ys, string columnAxisTitle,
        string rowAxisTitle) =>
        chart
            .WithXAxisStyle<double, double, string>(TitleText: columnAxisTitle, Side: StyleParam.Side.Top,
                AxisType: StyleParam.AxisType.Category, CategoryOrder: StyleParam.CategoryOrder.Array,
                CategoryArray: xs, ShowGrid: false, ZeroLine: false)
            .WithYAxisStyle<double, double, string>(TitleText: rowAxisTitle,
                AxisType: StyleParam.AxisType.Category, CategoryOrder: StyleParam.CategoryOrder.Array,
                CategoryArray: ys, ShowGrid: false, ZeroLine: false);
}
