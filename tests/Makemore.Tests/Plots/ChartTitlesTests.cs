using Plotly.NET;
using static TorchSharp.torch;

namespace Makemore.Tests.Plots;

/// <summary>Every chart the library builds, with its default arguments, has a title and a title on each of its axes.</summary>
public class ChartTitlesTests
{
    static readonly Dictionary<string, Func<GenericChart>> Charts = new()
    {
        ["CountHeatmap"] = () => CountHeatmap.Of(tensor(new long[,] { { 1, 2 }, { 3, 4 } }), ".a"),
        ["MatrixHeatmap with labels"] = () => MatrixHeatmap.Of(ones(2, 3), ["0", "1"], ["x", "y", "z"]),
        ["MatrixHeatmap over symbols"] = () => MatrixHeatmap.Of(ones(2, 2), ".a"),
        ["MatrixHeatmap side by side"] = () => MatrixHeatmap.SideBySide(ones(2, 2), zeros(2, 2), ".a", "left", "right"),
        ["LossCurve"] = () => LossCurve.Of([3.0, 2.5]),
        ["LossCurve zoomed"] = () => LossCurve.Zoomed([("loss", [3.0, 2.5, 2.4, 2.3])], zoomFrom: 1),
        ["ProbabilityBars"] = () => ProbabilityBars.Of(tensor(new[] { 0.5f, 0.5f }), ".a"),
        ["SweepChart"] = () => SweepChart.Of(new SweepResult([new(0.1, 2.2, 2.3), new(1, 2.3, 2.4)])),
        ["SoftmaxChart"] = () => SoftmaxChart.Of(tensor(new[] { 1f, -1f }), ".a"),
        ["NllCurve"] = () => NllCurve.Of([("half", 0.5)]),
        ["CumulativeStrip"] = () => CumulativeStrip.Of(new[] { 0.5f, 0.5f }, ".a", 0.3),
    };

    public static TheoryData<string> Names() => [.. Charts.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void EveryChartHasATitleAndAxisTitles(string name)
    {
        var layout = ChartJson.Of(Charts[name]()).GetProperty("layout");
        Assert.False(string.IsNullOrWhiteSpace(ChartJson.TitleOf(layout)), $"{name} has no title");
        var axes = ChartJson.Axes(layout);
        Assert.Contains("xaxis", axes.Keys);
        Assert.Contains("yaxis", axes.Keys);
        Assert.All(axes, axis => Assert.False(string.IsNullOrWhiteSpace(ChartJson.TitleOf(axis.Value)), $"{name}: {axis.Key} has no title"));
    }
}
