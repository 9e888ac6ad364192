using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace Makemore.Tests.Plots;

public class LogTicksTests
{
    [Fact]
    public void AHandBuiltLogAxisKeepsItsStyleAndGetsPowersOfTen()
    {
        double[] ks = [0.01, 0.03, 0.1, 0.3, 1, 3, 10];
        var chart = Chart.Line<double, double, string>(ks, [2.24, 2.23, 2.23, 2.24, 2.25, 2.29, 2.37], Name: "n = 3")
            .WithXAxisStyle<double, double, string>(TitleText: "smoothing k (log scale)", AxisType: StyleParam.AxisType.Log)
            .WithLogXTicks(ks);
        var axis = ChartJson.Of(chart).GetProperty("layout").GetProperty("xaxis");
        Assert.Equal("log", axis.GetProperty("type").GetString());
        Assert.Equal("smoothing k (log scale)", ChartJson.TitleOf(axis));
        Assert.Equal([0.01, 0.1, 1, 10], ChartJson.Numbers(axis.GetProperty("tickvals")), new ChartJson.Close(1e-15));
        Assert.Equal(["0.01", "0.1", "1", "10"], ChartJson.Texts(axis.GetProperty("ticktext")));
    }

    [Fact]
    public void PowersOfTenSpanTheValuesAndReadAsDecimals()
    {
        Assert.Equal(["0.01", "0.1", "1", "10", "100"], ChartStyle.PowersOfTen(0.01, 100).Texts);
        Assert.Equal(["1e-6", "1e-5", "0.0001"], ChartStyle.PowersOfTen(2e-6, 1e-4).Texts);
        Assert.Equal(["1", "10"], ChartStyle.PowersOfTen(5, 5).Texts);
        Assert.Equal(["100000", "1000000", "1e7"], ChartStyle.PowersOfTen(1e5, 1e7).Texts);
        Assert.Throws<ArgumentException>(() => ChartStyle.PowersOfTen(0, 1));
        Assert.Throws<ArgumentException>(() => Chart.Line<double, double, string>([1.0], [1.0]).WithLogXTicks([]));
    }
}
