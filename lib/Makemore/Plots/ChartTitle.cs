using Plotly.NET;

namespace Makemore;

/// <summary>Plotly.NET.CSharp has no title setter; this wraps Plotly.NET's curried Chart.withTitle for C#.</summary>
public static class ChartTitle
{
    public static GenericChart WithTitleText(this GenericChart chart, string title) =>
        Plotly.NET.Chart.withTitle(title, null).Invoke(chart);
}
