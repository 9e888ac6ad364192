using System.Globalization;
using Microsoft.FSharp.Core;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace Makemore;

/// <summary>How a <see cref="MatrixHeatmap"/> maps values to colours.</summary>
public enum HeatmapScale
{
    /// <summary>White for the smallest value, dark blue for the largest: for values that only grow (a one-hot matrix, probabilities).</summary>
    Sequential,
    /// <summary>
    /// Red below zero, pale at zero, blue above, symmetric around zero: for values with a sign (weights, centred
    /// log-probabilities). Blue for large values, as in <see cref="Sequential"/>.
    /// </summary>
    Diverging,
}

/// <summary>
/// A heatmap of any 2-D matrix of real numbers with named rows and columns: a one-hot encoding, a weight matrix,
/// log-probabilities. (<see cref="CountHeatmap"/> is the lesson's picture of integer bigram counts.) Rows run top to
/// bottom as in the matrix; hovering over a square shows its row, column and value.
/// </summary>
public static class MatrixHeatmap
{
    const double TopMarginWithTitle = 140;

    /// <summary>
    /// A heatmap of <paramref name="values"/> (2-D, any real dtype). The colours span <paramref name="range"/> when
    /// given, so that several heatmaps can share one scale; otherwise the values' own range (for
    /// <see cref="HeatmapScale.Diverging"/>, symmetric around zero).
    /// </summary>
    public static GenericChart Of(Tensor values, IReadOnlyList<string> rowLabels, IReadOnlyList<string> columnLabels,
        string title = "Matrix", HeatmapScale scale = HeatmapScale.Sequential, (double Min, double Max)? range = null,
        string rowAxisTitle = "row", string columnAxisTitle = "column")
    {
        var z = ToRows(values);
        var (rows, columns) = (z.Length, z[0].Length);
        Heatmap.CheckLabels(rows, columns, rowLabels, columnLabels);
        var (min, max) = range ?? DefaultRange(z, scale);
        if (!(double.IsFinite(min) && double.IsFinite(max) && min < max))
            throw new ArgumentException($"The colour range is two finite numbers, the first below the second, not ({min}, {max}).", nameof(range));

        string[] xs = Heatmap.Texts(columnLabels), ys = Heatmap.Texts(rowLabels);
        var cellSize = Heatmap.CellSize(rows, columns);
        var chart = Heatmap.Of(z, xs, ys, scale == HeatmapScale.Sequential ? "Blues" : "RdBu", trace =>
        {
            trace.SetProperty("zmin", min);
            trace.SetProperty("zmax", max);
            trace.SetProperty("hovertemplate", "row %{y}, column %{x}: %{z:.4f}<extra></extra>");
        });
        return WithTitle(chart, title)
            .WithCategoryAxes(xs, ys, columnAxisTitle, rowAxisTitle)
            .WithSize(Width: cellSize * columns + 200, Height: cellSize * rows + 200);
    }

    /// <summary>A square matrix whose rows and columns are both indexed by <paramref name="symbols"/> (a 27×27 weight matrix).</summary>
    public static GenericChart Of(Tensor values, IEnumerable<char> symbols, string title = "Matrix over the symbols",
        HeatmapScale scale = HeatmapScale.Sequential, (double Min, double Max)? range = null,
        string rowAxisTitle = "previous symbol", string columnAxisTitle = "next symbol")
    {
        var labels = symbols.Select(c => c.ToString()).ToList();
        return Of(values, labels, labels, title, scale, range, rowAxisTitle, columnAxisTitle);
    }

    /// <summary>
    /// Two square matrices over the same symbols side by side on one colour scale (spanning both), so equal colours
    /// mean equal values: for instance the log-probabilities of the counting model beside a trained network's weights.
    /// Each half is named above its column labels.
    /// </summary>
    public static GenericChart SideBySide(Tensor left, Tensor right, IEnumerable<char> symbols, string leftTitle, string rightTitle,
        string title = "Two matrices on one colour scale", HeatmapScale scale = HeatmapScale.Diverging)
    {
        var labels = symbols.Select(c => c.ToString()).ToList();
        var (leftRows, rightRows) = (ToRows(left), ToRows(right));
        var (min, max) = DefaultRange([.. leftRows, .. rightRows], scale);
        var charts = new[]
        {
            Of(left, labels, labels, "", scale, (min, max), "previous symbol", "next symbol"),
            Of(right, labels, labels, "", scale, (min, max), "previous symbol", "next symbol"),
        };
        var cellSize = Math.Clamp(600 / labels.Count, 10, 30); // two matrices share the width
        var grid = Chart.Grid(charts, 1, 2, XGap: 0.1).WithSize(Width: 2 * cellSize * labels.Count + 300, Height: cellSize * labels.Count + 250);
        // The subplot titles of a grid would sit on the column labels above each matrix: the names go above those.
        var names = new[] { ("x domain", leftTitle), ("x2 domain", rightTitle) }.Select(n => new Dictionary<string, object>
        {
            ["xref"] = n.Item1,
            ["yref"] = "paper",
            ["x"] = 0.5,
            ["y"] = 1,
            ["yanchor"] = "bottom",
            ["yshift"] = 62,
            ["showarrow"] = false,
            ["text"] = Heatmap.Text(n.Item2),
            ["font"] = new Dictionary<string, object> { ["size"] = 14 },
        }).ToArray();
        return WithTitle(grid.WithLayout(layout => layout.SetProperty("annotations", names)), title, TopMarginWithTitle + 40);
    }

    // The column labels and their axis title sit above the matrix, so the chart title gets a taller top margin to clear them.
    static GenericChart WithTitle(GenericChart chart, string title, double topMargin = TopMarginWithTitle)
    {
        if (title.Length == 0) return chart;
        var none = FSharpOption<double>.None;
        var margin = Plotly.NET.LayoutObjects.Margin.init<double, double, double, double, double, bool>(
            none, none, FSharpOption<double>.Some(topMargin), none, none, FSharpOption<bool>.None);
        chart = GenericChart.mapLayout(FuncConvert.FromFunc<Layout, Layout>(layout =>
        {
            layout.SetProperty("margin", margin);
            return layout;
        }), chart);
        return chart.WithTitleText(Heatmap.Text(title));
    }

    static (double, double) DefaultRange(double[][] z, HeatmapScale scale)
    {
        var all = z.SelectMany(r => r).ToArray();
        var (min, max) = (all.Min(), all.Max());
        if (scale == HeatmapScale.Diverging)
        {
            var largest = Math.Max(Math.Abs(min), Math.Abs(max));
            return largest > 0 ? (-largest, largest) : (-1, 1);
        }
        return min < max ? (min, max) : (min - 1, min + 1);
    }

    static double[][] ToRows(Tensor values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.dim() != 2 || values.shape[0] == 0 || values.shape[1] == 0)
            throw new ArgumentException($"Expected a non-empty 2-D matrix, got a tensor of shape [{string.Join(", ", values.shape)}].", nameof(values));
        if (values.is_complex())
            throw new ArgumentException($"Expected real numbers, got {values.dtype}.", nameof(values));
        using var scope = NewDisposeScope();
        var flat = values.detach().cpu().to(ScalarType.Float64).contiguous().data<double>().ToArray();
        var bad = Array.FindIndex(flat, v => !double.IsFinite(v));
        if (bad >= 0)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Entry [{bad / values.shape[1]}, {bad % values.shape[1]}] is {flat[bad]}: a heatmap shows finite numbers only."), nameof(values));
        var columns = (int)values.shape[1];
        return Enumerable.Range(0, (int)values.shape[0]).Select(i => flat.AsSpan(i * columns, columns).ToArray()).ToArray();
    }
}
