using static TorchSharp.torch;

namespace Makemore.Tests.Plots;

public class CumulativeStripTests
{
    static readonly float[] Row = [0.1f, 0.4f, 0f, 0.3f, 0.2f];

    [Fact]
    public void EachSymbolOwnsAStretchAsLongAsItsProbability()
    {
        var bars = ChartJson.Traces(CumulativeStrip.Of(Row, ".abcd", 0.5))[0];
        Assert.Equal("h", bars.GetProperty("orientation").GetString());
        var starts = ChartJson.Numbers(bars.GetProperty("base"));
        var widths = ChartJson.Numbers(bars.GetProperty("x"));
        Assert.Equal([0, 0.1, 0.5, 0.5, 0.8], starts, new ChartJson.Close(1e-6));
        Assert.Equal(Row.Select(p => (double)p), widths, new ChartJson.Close(1e-6));
        Assert.Equal(1.0, starts[^1] + widths[^1], 12);
    }

    [Fact]
    public void TheStretchUFallsInIsHighlightedTitledAndMarked()
    {
        var figure = ChartJson.Of(CumulativeStrip.Of(tensor(Row), ".abcd", 0.55, rowName: "P[0]"));
        Assert.Equal(3, Highlighted(figure));
        var layout = figure.GetProperty("layout");
        // 'b' has probability 0: its stretch is empty, and u = 0.55 lands in 'c''s, from 0.5 to 0.8.
        Assert.Equal("A uniform u = 0.5500 lands in the stretch of 'c' (from 0.5000 to 0.8000)", ChartJson.TitleOf(layout));
        Assert.Equal("P[0]", ChartJson.TitleOf(layout.GetProperty("yaxis")));
        Assert.StartsWith("running total of the probabilities", ChartJson.TitleOf(layout.GetProperty("xaxis")));
        Assert.Equal([".", "a", "b", "<b>c</b>", "d", "u = 0.5500 → 'c'"], ChartJson.Annotations(layout));
        var line = layout.GetProperty("shapes")[0];
        Assert.Equal((0.55, 0.55), (line.GetProperty("x0").GetDouble(), line.GetProperty("x1").GetDouble()));
    }

    [Fact]
    public void TheHighlightedStretchIsTheLessonSamplersDraw()
    {
        // The lesson's draw takes one float64 uniform from the generator; drawing u from an equal generator, the picture
        // highlights the symbol LessonSampler.Draw returns, for every seed tried.
        using var p = softmax(Seeded.Randn(1, 27, 7).squeeze(0) * 2, 0);
        var symbols = NamesData.Alphabet.Itos;
        for (ulong seed = 0; seed < 40; seed++)
        {
            using var forU = new Generator(seed);
            using var forDraw = new Generator(seed);
            using var u = rand(1, dtype: ScalarType.Float64, generator: forU);
            var figure = ChartJson.Of(CumulativeStrip.Of(p, symbols, u.item<double>()));
            Assert.Equal(LessonSampler.Draw(p, forDraw), Highlighted(figure));
        }
    }

    [Fact]
    public void RejectsWhatIsNotOneRowOrNotAUniformNumber()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CumulativeStrip.Of(Row, ".abcd", 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => CumulativeStrip.Of(Row, ".abcd", -0.1));
        Assert.Contains("1-D float32", Assert.Throws<ArgumentException>(() => CumulativeStrip.Of(zeros(2, 5), ".abcd", 0.5)).Message);
        Assert.Contains("5 values but 4 symbols", Assert.Throws<ArgumentException>(() => CumulativeStrip.Of(Row, ".abc", 0.5)).Message);
        Assert.Contains("sum to 0", Assert.Throws<ArgumentException>(() => CumulativeStrip.Of(new float[5], ".abcd", 0.5)).Message);
    }

    /// <summary>The one bar whose colour differs from the alternating blues.</summary>
    static int Highlighted(System.Text.Json.JsonElement figure)
    {
        var colours = ChartJson.Texts(figure.GetProperty("data")[0].GetProperty("marker").GetProperty("color"));
        return Assert.Single(Enumerable.Range(0, colours.Length), i => colours[i] == "#FF7F0E");
    }
}
