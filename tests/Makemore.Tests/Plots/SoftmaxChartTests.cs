using static TorchSharp.torch;

namespace Makemore.Tests.Plots;

public class SoftmaxChartTests
{
    static readonly float[] Logits = [1.5f, -0.5f, 0f, 2f];

    [Fact]
    public void ThreePanelsOfLogitsTheirExpAndTheProbabilities()
    {
        var traces = ChartJson.Traces(SoftmaxChart.Of(tensor(Logits), ".abc"));
        Assert.Equal(3, traces.Length);
        Assert.All(traces, t => Assert.Equal("bar", t.GetProperty("type").GetString()));
        Assert.All(traces, t => Assert.Equal([".", "a", "b", "c"], ChartJson.Texts(t.GetProperty("x"))));
        Assert.Equal(Logits.Select(l => (double)l), ChartJson.Numbers(traces[0].GetProperty("y")));
        Assert.Equal(Logits.Select(l => Math.Exp(l)), ChartJson.Numbers(traces[1].GetProperty("y")), new ChartJson.Close(1e-12));
        var probabilities = ChartJson.Numbers(traces[2].GetProperty("y"));
        Assert.Equal(1.0, probabilities.Sum(), 12);
        Assert.Equal(softmax(tensor(Logits), 0).data<float>().ToArray().Select(p => (double)p), probabilities, new ChartJson.Close(1e-6));
    }

    [Fact]
    public void EveryPanelIsTitledAndHasAxisTitles()
    {
        var layout = ChartJson.Of(SoftmaxChart.Of(tensor(Logits), ".abc", title: "Softmax of logits[0]")).GetProperty("layout");
        Assert.Equal("Softmax of logits[0]", ChartJson.TitleOf(layout));
        var subtitles = ChartJson.Annotations(layout);
        Assert.Equal(3, subtitles.Length);
        Assert.StartsWith("1 · the logits", subtitles[0]);
        Assert.StartsWith("2 · exp(logits)", subtitles[1]);
        // The sum the counts are divided by: e^1.5 + e^-0.5 + e^0 + e^2.
        Assert.Equal($"3 · counts / their sum ({Math.Exp(1.5) + Math.Exp(-0.5) + 1 + Math.Exp(2):0.0000}): probabilities that add up to 1", subtitles[2]);
        var axes = ChartJson.Axes(layout);
        Assert.Equal(["next symbol", "next symbol", "next symbol"], new[] { "xaxis", "xaxis2", "xaxis3" }.Select(a => ChartJson.TitleOf(axes[a])));
        Assert.Equal(["logit", "exp(logit)", "probability"], new[] { "yaxis", "yaxis2", "yaxis3" }.Select(a => ChartJson.TitleOf(axes[a])));
    }

    [Fact]
    public void TheLabelsBarIsColouredAndCarriesItsValueInEveryPanel()
    {
        var traces = ChartJson.Traces(SoftmaxChart.Of(Logits.Select(l => (double)l).ToArray(), ".abc", label: 'b'));
        foreach (var trace in traces)
        {
            var colours = ChartJson.Texts(trace.GetProperty("marker").GetProperty("color"));
            Assert.Equal([2], Enumerable.Range(0, colours.Length).Where(i => colours[i] != colours[0]));
            var texts = ChartJson.Texts(trace.GetProperty("text"));
            Assert.Equal(["", "", ChartJson.Numbers(trace.GetProperty("y"))[2].ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture), ""], texts);
        }
        Assert.Contains("('b' in orange)", ChartJson.Annotations(ChartJson.Of(SoftmaxChart.Of(tensor(Logits), ".abc", label: 'b')).GetProperty("layout"))[0]);
    }

    [Fact]
    public void RejectsWhatItCannotDraw()
    {
        Assert.Contains("1-D", Assert.Throws<ArgumentException>(() => SoftmaxChart.Of(zeros(2, 4), ".abc")).Message);
        Assert.Contains("4 values but 3 symbols", Assert.Throws<ArgumentException>(() => SoftmaxChart.Of(tensor(Logits), ".ab")).Message);
        Assert.Contains("distinct", Assert.Throws<ArgumentException>(() => SoftmaxChart.Of(tensor(Logits), ".aab")).Message);
        Assert.Contains("'z' is not one of the symbols", Assert.Throws<ArgumentException>(() => SoftmaxChart.Of(tensor(Logits), ".abc", label: 'z')).Message);
        Assert.Contains("finite", Assert.Throws<ArgumentException>(() => SoftmaxChart.Of(new[] { 1.0, double.NaN }, "ab")).Message);
        Assert.Contains("overflows", Assert.Throws<ArgumentException>(() => SoftmaxChart.Of(new[] { 1000.0, 0 }, "ab")).Message);
    }
}
