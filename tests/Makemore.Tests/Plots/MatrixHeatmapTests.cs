using System.Text.Json;
using Plotly.NET;
using static TorchSharp.torch;

namespace Makemore.Tests.Plots;

public class MatrixHeatmapTests
{
    static readonly string[] Rows = ["0: .", "1: e"];
    static readonly string[] Columns = [".", "a", "e"];

    static JsonElement Figure(GenericChart chart) => JsonDocument.Parse(GenericChart.toJson(chart)).RootElement;

    static double[][] Numbers(JsonElement matrix) =>
        [.. matrix.EnumerateArray().Select(row => row.EnumerateArray().Select(e => e.GetDouble()).ToArray())];

    [Fact]
    public void DrawsTheValuesWithTheirLabelsInMatrixOrder()
    {
        using var oneHot = tensor(new float[] { 1, 0, 0, 0, 0, 1 }, [2, 3]);
        var figure = Figure(MatrixHeatmap.Of(oneHot, Rows, Columns, "one-hot", rowAxisTitle: "example", columnAxisTitle: "symbol"));
        var trace = figure.GetProperty("data").EnumerateArray().Single();
        Assert.Equal([[1.0, 0, 0], [0, 0, 1]], Numbers(trace.GetProperty("z")));
        Assert.Equal(Columns, trace.GetProperty("x").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(Rows, trace.GetProperty("y").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(("Blues", 0.0, 1.0), (trace.GetProperty("colorscale").GetString(),
            trace.GetProperty("zmin").GetDouble(), trace.GetProperty("zmax").GetDouble()));
        var layout = figure.GetProperty("layout");
        Assert.Equal("one-hot", layout.GetProperty("title").GetProperty("text").GetString());
        // The title clears the column labels and axis title above the matrix.
        Assert.Equal(140, layout.GetProperty("margin").GetProperty("t").GetDouble());
        Assert.Equal("symbol", layout.GetProperty("xaxis").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("category", layout.GetProperty("xaxis").GetProperty("type").GetString());
        Assert.Equal("reversed", layout.GetProperty("yaxis").GetProperty("autorange").GetString());
    }

    [Fact]
    public void DivergingColoursAreSymmetricAroundZeroUnlessARangeIsGiven()
    {
        using var weights = tensor(new float[] { -0.5f, 2, 0, 1, -1, 0.25f }, [2, 3]);
        var symmetric = Figure(MatrixHeatmap.Of(weights, Rows, Columns, scale: HeatmapScale.Diverging)).GetProperty("data")[0];
        Assert.Equal(("RdBu", -2.0, 2.0), (symmetric.GetProperty("colorscale").GetString(),
            symmetric.GetProperty("zmin").GetDouble(), symmetric.GetProperty("zmax").GetDouble()));
        var given = Figure(MatrixHeatmap.Of(weights, Rows, Columns, scale: HeatmapScale.Diverging, range: (-5, 3))).GetProperty("data")[0];
        Assert.Equal((-5.0, 3.0), (given.GetProperty("zmin").GetDouble(), given.GetProperty("zmax").GetDouble()));
    }

    [Fact]
    public void SideBySideSharesOneColourScaleSpanningBothMatrices()
    {
        using var left = tensor(new float[] { 1, -1, 0, 0.5f }, [2, 2]);
        using var right = tensor(new float[] { 3, 0, 0, -2 }, [2, 2]);
        var figure = Figure(MatrixHeatmap.SideBySide(left, right, ".a", "counts", "weights", "both"));
        var traces = figure.GetProperty("data").EnumerateArray().ToArray();
        Assert.Equal(2, traces.Length);
        Assert.Equal([[1.0, -1], [0, 0.5]], Numbers(traces[0].GetProperty("z")));
        Assert.Equal([[3.0, 0], [0, -2]], Numbers(traces[1].GetProperty("z")));
        Assert.All(traces, t => Assert.Equal((-3.0, 3.0), (t.GetProperty("zmin").GetDouble(), t.GetProperty("zmax").GetDouble())));
        var layout = figure.GetProperty("layout");
        Assert.Equal(["counts", "weights"], ChartJson.Annotations(layout));
        Assert.Equal(["x domain", "x2 domain"], layout.GetProperty("annotations").EnumerateArray().Select(a => a.GetProperty("xref").GetString()));
        foreach (var axis in new[] { "xaxis", "xaxis2" }) Assert.Equal("next symbol", ChartJson.TitleOf(layout.GetProperty(axis)));
        foreach (var axis in new[] { "yaxis", "yaxis2" }) Assert.Equal("previous symbol", ChartJson.TitleOf(layout.GetProperty(axis)));
        Assert.Equal("both", layout.GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void RejectsWhatItCannotDraw()
    {
        using var matrix = zeros(2, 3);
        Assert.Contains("2 row labels and 2 column labels", Assert.Throws<ArgumentException>(() => MatrixHeatmap.Of(matrix, Rows, Rows)).Message);
        Assert.Contains("distinct", Assert.Throws<ArgumentException>(() => MatrixHeatmap.Of(matrix, ["m", "m"], Columns)).Message);
        using var vector = zeros(3);
        Assert.Contains("2-D", Assert.Throws<ArgumentException>(() => MatrixHeatmap.Of(vector, Rows, Columns)).Message);
        using var infinite = tensor(new[] { 0f, 1, 2, 3, float.NegativeInfinity, 5 }, [2, 3]);
        Assert.Contains("[1, 1] is -Infinity", Assert.Throws<ArgumentException>(() => MatrixHeatmap.Of(infinite, Rows, Columns)).Message);
        Assert.Throws<ArgumentException>(() => MatrixHeatmap.Of(matrix, Rows, Columns, range: (1, 1)));
    }
}
