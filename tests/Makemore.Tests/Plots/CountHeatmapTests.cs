using Plotly.NET;
using static TorchSharp.torch;

namespace Makemore.Tests.Plots;

public class CountHeatmapTests
{
    // Rows: what comes first ('.', 'a', 'b'); columns: what follows. Row 'a' has 1 + 3 = 4 bigrams in all.
    static Tensor Counts() => tensor(new int[,] { { 0, 5, 2 }, { 1, 0, 3 }, { 4, 0, 0 } });

    [Fact]
    public void EveryCellShowsItsBigramAndCount()
    {
        var trace = ChartJson.Trace(CountHeatmap.Of(Counts(), ".ab"));
        Assert.Equal("heatmap", trace.GetProperty("type").GetString());
        Assert.Equal("%{text}", trace.GetProperty("texttemplate").GetString());
        Assert.Equal(
            [["..<br>0", ".a<br>5", ".b<br>2"], ["a.<br>1", "aa<br>0", "ab<br>3"], ["b.<br>4", "ba<br>0", "bb<br>0"]],
            ChartJson.Strings(trace.GetProperty("text")));
        Assert.Equal([[0L, 5, 2], [1, 0, 3], [4, 0, 0]],
            trace.GetProperty("z").EnumerateArray().Select(r => r.EnumerateArray().Select(e => e.GetInt64()).ToArray()).ToArray());
    }

    [Fact]
    public void HoverShowsBigramCountAndRowProbability()
    {
        var trace = ChartJson.Trace(CountHeatmap.Of(Counts(), ".ab"));
        var hover = ChartJson.Strings(trace.GetProperty("hovertext"));
        Assert.Equal("bigram <b>ab</b><br>count 3 of 4 after 'a'<br>P(b | a) = 0.7500", hover[1][2]);
        Assert.Equal("bigram <b>b.</b><br>count 4 of 4 after 'b'<br>P(. | b) = 1.0000", hover[2][0]);
        Assert.Equal("%{hovertext}<extra></extra>", trace.GetProperty("hovertemplate").GetString());
    }

    [Fact]
    public void AxesKeepTheSymbolOrderWithTheFirstRowOnTop()
    {
        var figure = ChartJson.Of(CountHeatmap.Of(Counts(), ".ab"));
        var layout = figure.GetProperty("layout");
        foreach (var axis in new[] { "xaxis", "yaxis" })
        {
            Assert.Equal("category", layout.GetProperty(axis).GetProperty("type").GetString());
            Assert.Equal([".", "a", "b"], layout.GetProperty(axis).GetProperty("categoryarray").EnumerateArray().Select(e => e.GetString()));
        }
        Assert.Equal("reversed", layout.GetProperty("yaxis").GetProperty("autorange").GetString());
    }

    [Fact]
    public void LabelsAndTitleShowAsWrittenNotAsPlotlysHtml()
    {
        string[] labels = ["<S>", "a", "<E>"];
        var figure = ChartJson.Of(CountHeatmap.Of(Counts(), labels, labels, "with <S> & <E>"));
        var trace = figure.GetProperty("data").EnumerateArray().Single();
        Assert.Equal("&lt;S&gt;a<br>5", ChartJson.Strings(trace.GetProperty("text"))[0][1]);
        Assert.StartsWith("bigram <b>a&lt;E&gt;</b>", ChartJson.Strings(trace.GetProperty("hovertext"))[1][2]);
        Assert.Equal(["&lt;S&gt;", "a", "&lt;E&gt;"],
            figure.GetProperty("layout").GetProperty("xaxis").GetProperty("categoryarray").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("with &lt;S&gt; &amp; &lt;E&gt;", trace.GetProperty("name").GetString());
        Assert.Equal("with &lt;S&gt; &amp; &lt;E&gt;", figure.GetProperty("layout").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void AnEmptyRowHasProbabilityZeroNotNaN()
    {
        var hover = ChartJson.Strings(ChartJson.Trace(CountHeatmap.Of(zeros(2, 2, dtype: int64), "xy")).GetProperty("hovertext"));
        Assert.Contains("P(y | x) = 0.0000", hover[0][1]);
    }

    [Fact]
    public void HtmlEmbedsThePlotlyFigure()
    {
        var html = GenericChart.toChartHTML(CountHeatmap.Of(Counts(), ".ab"));
        Assert.Contains("Plotly.newPlot", html);
        Assert.Contains("ab<br>3", html);
    }

    [Fact]
    public void RejectsWhatIsNotACountMatrix()
    {
        Assert.Contains("2-D", Assert.Throws<ArgumentException>(() => CountHeatmap.Of(zeros(3, dtype: int32), "abc")).Message);
        Assert.Contains("integer", Assert.Throws<ArgumentException>(() => CountHeatmap.Of(zeros(3, 3), ".ab")).Message);
        Assert.Contains("negative", Assert.Throws<ArgumentException>(() => CountHeatmap.Of(tensor(new long[,] { { -1 } }), "a")).Message);
        Assert.Contains("3×3", Assert.Throws<ArgumentException>(() => CountHeatmap.Of(Counts(), ".a")).Message);
        Assert.Contains("distinct", Assert.Throws<ArgumentException>(() => CountHeatmap.Of(Counts(), ".aa")).Message);
    }
}
