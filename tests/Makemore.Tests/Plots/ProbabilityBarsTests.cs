using static TorchSharp.torch;

namespace Makemore.Tests.Plots;

public class ProbabilityBarsTests
{
    [Fact]
    public void OneBarPerSymbolInVocabularyOrder()
    {
        var figure = ChartJson.Of(ProbabilityBars.Of(tensor(new[] { 0.5f, 0.25f, 0.25f }), ".ab", name: "P[0]", title: "first letter"));
        var trace = figure.GetProperty("data").EnumerateArray().Single();
        Assert.Equal("bar", trace.GetProperty("type").GetString());
        Assert.Equal([".", "a", "b"], trace.GetProperty("x").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([0.5, 0.25, 0.25], trace.GetProperty("y").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal("P[0]", trace.GetProperty("name").GetString());
        Assert.Equal("first letter", figure.GetProperty("layout").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal([".", "a", "b"], figure.GetProperty("layout").GetProperty("xaxis").GetProperty("categoryarray").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void RejectsMismatchedValuesAndSymbols()
    {
        Assert.Throws<ArgumentException>(() => ProbabilityBars.Of(tensor(new[] { 0.5f, 0.5f }), "abc"));
        Assert.Throws<ArgumentException>(() => ProbabilityBars.Of(zeros(2, 2), "ab"));
        Assert.Throws<ArgumentException>(() => ProbabilityBars.Of([0.5, 0.5], "aa"));
    }
}
