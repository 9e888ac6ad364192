namespace Makemore.Tests.Plots;

public class SweepChartTests
{
    static readonly SweepResult Valley = new([new(0.01, 2.18, 2.26), new(0.1, 2.19, 2.23), new(1, 2.21, 2.25)]);

    [Fact]
    public void PlotsTrainAndDevLossAgainstTheStrengthAndMarksTheBest()
    {
        var data = ChartJson.Of(SweepChart.Of(Valley, strengthName: "smoothing k")).GetProperty("data").EnumerateArray().ToArray();
        Assert.Equal(["train", "dev", "lowest dev loss: smoothing k = 0.1"], data.Select(t => t.GetProperty("name").GetString()));
        Assert.All(data[..2], t => Assert.Equal([0.01, 0.1, 1], t.GetProperty("x").EnumerateArray().Select(e => e.GetDouble())));
        Assert.Equal([2.18, 2.19, 2.21], data[0].GetProperty("y").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal([2.26, 2.23, 2.25], data[1].GetProperty("y").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal([0.1], data[2].GetProperty("x").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal([2.23], data[2].GetProperty("y").EnumerateArray().Select(e => e.GetDouble()));
    }

    [Fact]
    public void UsesALogarithmicStrengthAxis()
    {
        var layout = ChartJson.Of(SweepChart.Of(Valley, "regularisation strength", "Net")).GetProperty("layout");
        Assert.Equal("log", layout.GetProperty("xaxis").GetProperty("type").GetString());
        Assert.Equal("regularisation strength (log scale)", layout.GetProperty("xaxis").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("Net", layout.GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void RejectsWhatALogAxisOrPlotlyCannotShow()
    {
        Assert.Throws<ArgumentException>(() => SweepChart.Of(new SweepResult([])));
        Assert.Contains("positive finite strengths", Assert.Throws<ArgumentException>(() => SweepChart.Of(new SweepResult([new(0, 2.18, double.PositiveInfinity)]))).Message);
        Assert.Contains("only finite losses", Assert.Throws<ArgumentException>(() => SweepChart.Of(new SweepResult([new(1e-4, 2.18, double.PositiveInfinity)]))).Message);
    }

    [Fact]
    public void TheStrengthAxisIsTickedAtPowersOfTenAndTheLegendSitsUnderThePlot()
    {
        var wide = new SweepResult([new(3e-4, 2.18, 2.26), new(0.01, 2.19, 2.23), new(0.3, 2.21, 2.25)]);
        var layout = ChartJson.Of(SweepChart.Of(wide)).GetProperty("layout");
        var axis = layout.GetProperty("xaxis");
        Assert.Equal("array", axis.GetProperty("tickmode").GetString());
        Assert.Equal([1e-4, 1e-3, 1e-2, 1e-1, 1], ChartJson.Numbers(axis.GetProperty("tickvals")), new ChartJson.Close(1e-15));
        Assert.Equal(["0.0001", "0.001", "0.01", "0.1", "1"], ChartJson.Texts(axis.GetProperty("ticktext")));
        var legend = layout.GetProperty("legend");
        Assert.Equal("h", legend.GetProperty("orientation").GetString());
        Assert.True(legend.GetProperty("y").GetDouble() < 0, "the legend sits below the plot");
        Assert.Equal("top", legend.GetProperty("yanchor").GetString());
    }
}
