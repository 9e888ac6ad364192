using System.Globalization;
using Microsoft.FSharp.Core;
using Plotly.NET;
using Plotly.NET.CSharp;

namespace Makemore;

/// <summary>
/// The lesson's picture of a bigram count matrix: one square per (first, second) pair, shaded by its count and labelled
/// with the bigram and the count. Hovering over a square also shows the probability of the second symbol given the
/// first, the row's count divided by the row's total, which is what the counts turn into next.
/// </summary>
public static class CountHeatmap
{
    /// <summary>A heatmap of a square count matrix whose rows and columns are both indexed by <paramref name="symbols"/>.</summary>
    public static GenericChart Of(Tensor counts, IEnumerable<char> symbols, string title = "Bigram counts")
    {
        var labels = symbols.Select(c => c.ToString()).ToList();
        return Of(counts, labels, labels, title);
    }

    /// <summary>
    /// A heatmap of a 2-D count matrix: row i is what comes first (<paramref name="rowLabels"/>[i]), column j what follows
    /// (<paramref name="columnLabels"/>[j]); a cell's label is the two joined, e.g. "an". Rows run top to bottom as in
    /// the matrix.
    /// </summary>
    public static GenericChart Of(Tensor counts, IReadOnlyList<string> rowLabels, IReadOnlyList<string> columnLabels,
        string title = "Counts")
    {
        var matrix = ToMatrix(counts);
        var rows = matrix.GetLength(0);
        var columns = matrix.GetLength(1);
        Heatmap.CheckLabels(rows, columns, rowLabels, columnLabels);
        string[] xs = Heatmap.Texts(columnLabels), ys = Heatmap.Texts(rowLabels);

        var z = new long[rows][];
        var cellText = new string[rows][];
        var hoverText = new string[rows][];
        for (var i = 0; i < rows; i++)
        {
            z[i] = new long[columns];
            cellText[i] = new string[columns];
            hoverText[i] = new string[columns];
            long rowTotal = 0;
            for (var j = 0; j < columns; j++) rowTotal += matrix[i, j];
            for (var j = 0; j < columns; j++)
            {
                var count = matrix[i, j];
                var bigram = ys[i] + xs[j];
                var probability = rowTotal == 0 ? 0.0 : (double)count / rowTotal;
                z[i][j] = count;
                cellText[i][j] = $"{bigram}<br>{count}";
                hoverText[i][j] = string.Create(CultureInfo.InvariantCulture,
                    $"bigram <b>{bigram}</b><br>count {count:N0} of {rowTotal:N0} after '{ys[i]}'<br>" +
                    $"P({xs[j]} | {ys[i]}) = {probability:0.0000}");
            }
        }

        var cellSize = Heatmap.CellSize(rows, columns);
        // The lesson's matplotlib "Blues": white for few, dark blue for many, each square labelled.
        return Heatmap.Of(z, xs, ys, "Blues", trace =>
            {
                trace.SetProperty("text", cellText);
                trace.SetProperty("texttemplate", "%{text}");
                trace.SetProperty("textfont", Font.init(null, FSharpOption<double>.Some(Math.Max(7, cellSize / 3.3)), null));
                trace.SetProperty("hovertext", hoverText);
                trace.SetProperty("hovertemplate", "%{hovertext}<extra></extra>");
            }, Heatmap.Text(title))
            .WithTitleText(Heatmap.Text(title))
            .WithCategoryAxes(xs, ys, "next symbol", "previous symbol")
            .WithSize(Width: cellSize * columns + 180, Height: cellSize * rows + 160);
    }

    static long[,] ToMatrix(Tensor counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.dim() != 2)
            throw new ArgumentException($"Expected a 2-D count matrix, got a tensor of shape [{string.Join(", ", counts.shape)}].", nameof(counts));
        if (counts.is_floating_point() || counts.is_complex() || counts.dtype == ScalarType.Bool)
            throw new ArgumentException($"Expected integer counts, got {counts.dtype}.", nameof(counts));
        using var scope = NewDisposeScope();
        var values = counts.detach().cpu().to(ScalarType.Int64).contiguous().data<long>().ToArray();
        if (values.Any(v => v < 0))
            throw new ArgumentException("Counts cannot be negative.", nameof(counts));
        var (rows, columns) = ((int)counts.shape[0], (int)counts.shape[1]);
        var matrix = new long[rows, columns];
        Buffer.BlockCopy(values, 0, matrix, 0, values.Length * sizeof(long));
        return matrix;
    }
}
