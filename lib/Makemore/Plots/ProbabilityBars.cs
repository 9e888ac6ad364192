using Microsoft.FSharp.Core;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace Makemore;

/// <summary>
/// One bar per symbol: a probability distribution over the vocabulary (a row of the probability matrix), or how often
/// each symbol was drawn. Two distributions compare side by side with Plotly's Chart.Combine.
/// </summary>
public static class ProbabilityBars
{
    /// <summary>Bars for a 1-D tensor whose i-th value belongs to <paramref name="symbols"/>[i].</summary>
    public static GenericChart Of(Tensor values, IEnumerable<char> symbols, string name = "probability", string title = "Probability of each symbol")
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.dim() != 1)
            throw new ArgumentException($"Expected a 1-D tensor, got shape [{string.Join(", ", values.shape)}].", nameof(values));
        using var scope = NewDisposeScope();
        IReadOnlyList<double> numbers = values.detach().cpu().to(ScalarType.Float64).data<double>().ToArray();
        return Of(numbers, symbols, name, title);
    }

    public static GenericChart Of(IReadOnlyList<double> values, IEnumerable<char> symbols, string name = "probability", string title = "Probability of each symbol")
    {
        string[] labels = [.. symbols.Select(c => c.ToString())];
        if (labels.Length != values.Count)
            throw new ArgumentException($"There are {values.Count} values but {labels.Length} symbols.", nameof(values));
        if (labels.Distinct().Count() != labels.Length)
            throw new ArgumentException("The symbols must be distinct: each names one bar.", nameof(symbols));
        var chart = Chart.Column<double, string, string>(values.ToArray(), Keys: labels, Name: name);
        chart = GenericChart.mapTrace(FuncConvert.FromFunc<Trace, Trace>(trace =>
        {
            trace.SetProperty("hovertemplate", "'%{x}': %{y:.4f}");
            return trace;
        }), chart)
            .WithTraceInfo(Name: name, ShowLegend: true)
            .WithXAxisStyle<double, double, string>(TitleText: "symbol", AxisType: StyleParam.AxisType.Category,
                CategoryOrder: StyleParam.CategoryOrder.Array, CategoryArray: labels)
            .WithYAxisStyle<double, double, string>(TitleText: "probability")
            // Wide enough for Plotly to label every one of 27 bars instead of every other one.
            .WithSize(Width: Math.Max(600, 32 * labels.Length + 250), Height: 420);
        return chart.WithTitleText(ChartStyle.Text(title));
    }
}
