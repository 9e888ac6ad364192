namespace Makemore.Tests.Plots;

public class NllCurveTests
{
    static readonly (string, double)[] Marks = [("certain", 1.0), ("a coin flip", 0.5), ("1/27", 1.0 / 27), (".e", 0.0478), ("<S>", 0.01)];

    [Fact]
    public void TheCurveIsMinusTheLogOfP()
    {
        var curve = ChartJson.Traces(NllCurve.Of(Marks))[0];
        var (ps, costs) = (ChartJson.Numbers(curve.GetProperty("x")), ChartJson.Numbers(curve.GetProperty("y")));
        Assert.Equal(1.0, ps[^1], 12);
        Assert.True(ps[0] <= 0.005, $"the curve starts at p = {ps[0]}, left of the smallest mark");
        Assert.All(ps.Zip(costs), point => Assert.Equal(-Math.Log(point.First), point.Second, 12));
    }

    [Fact]
    public void EachMarkIsAPointOnTheCurveWithItsLabel()
    {
        var figure = ChartJson.Of(NllCurve.Of(Marks, title: "Surprise"));
        var marks = figure.GetProperty("data")[1];
        Assert.Equal(Marks.Select(m => m.Item2), ChartJson.Numbers(marks.GetProperty("x")));
        Assert.Equal(Marks.Select(m => -Math.Log(m.Item2)), ChartJson.Numbers(marks.GetProperty("y")));
        var layout = figure.GetProperty("layout");
        // One label per mark, placed from p = 1 leftwards, written as given (HTML-escaped for plotly).
        Assert.Equal(["certain", "a coin flip", ".e", "1/27", "&lt;S&gt;"], ChartJson.Annotations(layout));
        var annotations = layout.GetProperty("annotations").EnumerateArray().ToArray();
        Assert.Equal([1.0, 0.5, 0.0478, 1.0 / 27, 0.01], annotations.Select(a => a.GetProperty("x").GetDouble()));
        Assert.Equal("Surprise", ChartJson.TitleOf(layout));
        Assert.Equal("p, the probability given to what came next", ChartJson.TitleOf(layout.GetProperty("xaxis")));
        Assert.Equal("−log p, the cost of that prediction (nats)", ChartJson.TitleOf(layout.GetProperty("yaxis")));
    }

    [Fact]
    public void CrowdedLabelsAreMovedApart()
    {
        // 1/27 and 0.0377 sit almost on one point: the second label placed moves up and is joined to its point by a line.
        var annotations = ChartJson.Of(NllCurve.Of([("1/27", 1.0 / 27), ("em", 0.0377)])).GetProperty("layout").GetProperty("annotations");
        var offsets = annotations.EnumerateArray().Select(a => a.GetProperty("ay").GetDouble()).ToArray();
        Assert.Equal(0, offsets[0]);
        Assert.True(offsets[1] <= -17, $"the second label moved {offsets[1]} pixels");
    }

    [Fact]
    public void OnALogAxisTheMarksAndTicksArePowersOfTen()
    {
        var layout = ChartJson.Of(NllCurve.Of(Marks, logAxis: true)).GetProperty("layout");
        var axis = layout.GetProperty("xaxis");
        Assert.Equal("log", axis.GetProperty("type").GetString());
        Assert.Equal(["0.001", "0.01", "0.1", "1"], ChartJson.Texts(axis.GetProperty("ticktext")));
        // Plotly places annotations on a log axis by log10 of the value.
        Assert.Equal(Math.Log10(0.5), layout.GetProperty("annotations")[1].GetProperty("x").GetDouble(), 12);
    }

    [Fact]
    public void RejectsProbabilitiesOffTheCurve()
    {
        Assert.Contains("infinite", Assert.Throws<ArgumentException>(() => NllCurve.Of([("impossible", 0.0)])).Message);
        Assert.Contains("(0, 1]", Assert.Throws<ArgumentException>(() => NllCurve.Of([("more than certain", 1.5)])).Message);
        Assert.Throws<ArgumentException>(() => NllCurve.Of([("nan", double.NaN)]));
    }
}
