namespace Makemore.Tests.Plots;

public class LossCurveTests
{
    [Fact]
    public void PlotsEachLossAgainstItsStep()
    {
        var trace = ChartJson.Trace(LossCurve.Of([3.0, 2.5, 2.48], name: "train"));
        Assert.Equal([0, 1, 2], trace.GetProperty("x").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal([3.0, 2.5, 2.48], trace.GetProperty("y").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal("train", trace.GetProperty("name").GetString());
    }

    [Fact]
    public void TakesExplicitSteps()
    {
        var every10 = ChartJson.Trace(LossCurve.Of([0, 10, 20], [3.0, 2.7, 2.6]));
        Assert.Equal([0, 10, 20], every10.GetProperty("x").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public void LogScaleSetsTheYAxisType()
    {
        var layout = ChartJson.Of(LossCurve.Of([3.0, 2.5], logScale: true)).GetProperty("layout");
        Assert.Equal("log", layout.GetProperty("yaxis").GetProperty("type").GetString());
        Assert.Equal("Loss", layout.GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void RejectsMismatchedEmptyOrNonFiniteLosses()
    {
        Assert.Throws<ArgumentException>(() => LossCurve.Of(Array.Empty<double>()));
        Assert.Contains("3 steps but 2 losses", Assert.Throws<ArgumentException>(() => LossCurve.Of([0, 1, 2], [1.0, 2.0])).Message);
        Assert.Contains("step 1 is NaN", Assert.Throws<ArgumentException>(() => LossCurve.Of([2.0, double.NaN])).Message);
    }

    // Two curves that fall alike and then part: b levels off higher and zigzags.
    static readonly double[] A = [4.0, 3.0, 2.5, 2.40, 2.38, 2.37, 2.36];
    static readonly double[] B = [4.2, 3.1, 2.6, 2.45, 2.41, 2.43, 2.40];

    [Fact]
    public void ZoomedDrawsEachCurveInBothPanelsInOneColourWithOneLegendEntry()
    {
        var figure = ChartJson.Of(LossCurve.Zoomed([("lr 30", A), ("lr 50", B)], zoomFrom: 3, title: "Two rates"));
        var traces = figure.GetProperty("data").EnumerateArray().ToArray();
        Assert.Equal(["lr 30", "lr 50", "lr 30", "lr 50"], traces.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal([true, true, false, false], traces.Select(t => t.GetProperty("showlegend").GetBoolean()));
        Assert.Equal(traces[0].GetProperty("line").GetProperty("color").GetString(), traces[2].GetProperty("line").GetProperty("color").GetString());
        Assert.NotEqual(traces[0].GetProperty("line").GetProperty("color").GetString(), traces[1].GetProperty("line").GetProperty("color").GetString());
        Assert.Equal(A, ChartJson.Numbers(traces[0].GetProperty("y")));
        Assert.Equal([3, 4, 5, 6], traces[2].GetProperty("x").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(A[3..], ChartJson.Numbers(traces[2].GetProperty("y")));
    }

    [Fact]
    public void TheZoomedPanelFitsItsLossAxisToTheLaterSteps()
    {
        var layout = ChartJson.Of(LossCurve.Zoomed([("lr 30", A), ("lr 50", B)], zoomFrom: 3, title: "Two rates", logScale: true)).GetProperty("layout");
        var range = ChartJson.Numbers(layout.GetProperty("yaxis2").GetProperty("range"));
        // 2.36 to 2.45, padded by 6% of that span: the early losses (up to 4.2) are off this scale.
        Assert.Equal([2.36 - 0.09 * 0.06, 2.45 + 0.09 * 0.06], range, new ChartJson.Close(1e-9));
        Assert.Equal([3.0, 6], ChartJson.Numbers(layout.GetProperty("xaxis2").GetProperty("range")));
        Assert.Equal("log", layout.GetProperty("yaxis").GetProperty("type").GetString());
        Assert.Equal(["all steps (0 to 6)", "steps 3 to 6, finer loss scale"], ChartJson.Annotations(layout));
        Assert.Equal("Two rates", ChartJson.TitleOf(layout));
        Assert.Equal("h", layout.GetProperty("legend").GetProperty("orientation").GetString());
    }

    [Fact]
    public void ZoomedCanEndEarlyAndCountStepsFromOne()
    {
        var layout = ChartJson.Of(LossCurve.Zoomed([("a", A)], zoomFrom: 4, zoomTo: 5, firstStep: 1)).GetProperty("layout");
        Assert.Equal(["all steps (1 to 7)", "steps 4 to 5, finer loss scale"], ChartJson.Annotations(layout));
        // Steps 4 and 5 are A[3] and A[4], 2.40 and 2.38.
        Assert.Equal([2.38 - 0.02 * 0.06, 2.40 + 0.02 * 0.06], ChartJson.Numbers(layout.GetProperty("yaxis2").GetProperty("range")), new ChartJson.Close(1e-9));
    }

    [Fact]
    public void ZoomedRejectsAZoomOutsideTheStepsAndBadLosses()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LossCurve.Zoomed([("a", A)], zoomFrom: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => LossCurve.Zoomed([("a", A)], zoomFrom: 6));
        Assert.Throws<ArgumentOutOfRangeException>(() => LossCurve.Zoomed([("a", A)], zoomFrom: 3, zoomTo: 9));
        Assert.Throws<ArgumentException>(() => LossCurve.Zoomed([], zoomFrom: 3));
        Assert.Contains("step 1 is Infinity", Assert.Throws<ArgumentException>(() => LossCurve.Zoomed([("a", [3.0, double.PositiveInfinity, 2])], zoomFrom: 1)).Message);
    }
}
