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
    public void TakesExplicitStepsAndSinglePrecisionLosses()
    {
        var single = ChartJson.Trace(LossCurve.Of([3f, 2.5f]));
        Assert.Equal([3.0, 2.5], single.GetProperty("y").EnumerateArray().Select(e => e.GetDouble()));
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
}
