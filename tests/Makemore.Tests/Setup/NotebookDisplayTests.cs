using Microsoft.DotNet.Interactive.Formatting;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Makemore.Tests.Setup;

public class NotebookDisplayTests
{
    static void Installed() => Assert.True(NotebookDisplay.Install(typeof(Formatter).Assembly));

    static Tensor LessonProbabilities()
    {
        var p = rand(3, generator: new Generator(2147483647));
        return p / p.sum();
    }

    [Fact]
    public void TensorsShowTheirValuesAsPlainText()
    {
        Installed();
        var p = LessonProbabilities();
        Assert.Equal(["text/plain"], Formatter.GetPreferredMimeTypesFor(typeof(Tensor)));
        Assert.Equal("[3], type = Float32, device = cpu\n 0.6064 0.3033 0.0903", p.ToDisplayString("text/plain").ReplaceLineEndings("\n"));
    }

    [Fact]
    public void InsideHtmlATensorIsPreformattedText()
    {
        Installed();
        var html = LessonProbabilities().ToDisplayString("text/html");
        Assert.StartsWith("<pre>[3], type = Float32", html);
        Assert.Contains("0.6064 0.3033 0.0903", html);
    }

    [Fact]
    public void ParametersAreTensorsToo()
    {
        Installed();
        using var weights = new Parameter(ones(2, 2));
        Assert.StartsWith("[2x2], type = Float32", weights.ToDisplayString("text/plain"));
    }

    [Fact]
    public void AWhole27By27CountMatrixIsShown()
    {
        Installed();
        var text = NotebookDisplay.ToText(arange(27 * 27, dtype: int32).reshape(27, 27));
        Assert.DoesNotContain("...", text);
        Assert.Equal(28, text.ReplaceLineEndings("\n").Split('\n').Length);
        Assert.EndsWith(" 728", text);
    }

    [Fact]
    public void FloatsUsePyTorchsPrecisionRule()
    {
        Assert.Equal("0.0000", NotebookDisplay.FloatFormat(tensor(new[] { 0.5f, 0.01f, 0f })));
        Assert.Equal("0.0000e+00", NotebookDisplay.FloatFormat(tensor(new[] { 0.5f, 0.00001f })));
        Assert.Equal("0.0000e+00", NotebookDisplay.FloatFormat(tensor(new[] { 1f, 2000f })));
        Assert.Equal("0.0000", NotebookDisplay.FloatFormat(tensor(new[] { float.NaN, 0f })));
        Assert.Equal("0.0000", NotebookDisplay.FloatFormat(tensor(new[] { 5, 1_000_000 })));
    }

    [Fact]
    public void AChartsPlainTextIsOneLineWithItsTitle()
    {
        Installed();
        var chart = LossCurve.Of([3.0, 2.6, 2.5], title: "Loss over 3 steps");
        Assert.Equal("Chart: Loss over 3 steps (interactive; picture in the HTML output)", chart.ToDisplayString("text/plain"));
        // The stock kernel sends exactly the preferred types: the chart's HTML (Plotly.NET.Interactive's) and this line.
        Assert.Equal(["text/html", "text/plain"], Formatter.GetPreferredMimeTypesFor(chart.GetType()));
    }

    [Fact]
    public void AChartTitlesMarkupIsMadePlainAndAChartWithoutTitleSaysSo()
    {
        Installed();
        var marked = LossCurve.Of([3.0, 2.5]).WithTitleText("The first table, with &lt;S&gt; and<br><b>&lt;E&gt;</b>");
        Assert.Equal("Chart: The first table, with <S> and <E> (interactive; picture in the HTML output)", marked.ToDisplayString("text/plain"));
        var untitled = Plotly.NET.CSharp.Chart.Line<int, int, string>(x: [1, 2], y: [3, 4]);
        Assert.Equal("Chart (interactive; picture in the HTML output)", untitled.ToDisplayString("text/plain"));
    }

    [Fact]
    public void ChartsOfSeveralPartsGetOneLineToo()
    {
        Installed();
        var symbols = ".ab";
        var grid = MatrixHeatmap.SideBySide(eye(3), ones(3, 3), symbols, "left", "right", title: "Two matrices");
        Assert.Equal("Chart: Two matrices (interactive; picture in the HTML output)", grid.ToDisplayString("text/plain"));
    }

    [Fact]
    public void OutsideDotNetInteractiveNothingIsRegistered()
    {
        Assert.False(NotebookDisplay.Install(formatting: null));
    }
}
