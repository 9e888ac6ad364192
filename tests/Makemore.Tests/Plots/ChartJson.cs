using System.Text.Json;
using Plotly.NET;

namespace Makemore.Tests.Plots;

/// <summary>A chart's plotly.js figure (data and layout), as the notebook's HTML output embeds it.</summary>
static class ChartJson
{
    public static JsonElement Of(GenericChart chart) => JsonDocument.Parse(GenericChart.toJson(chart)).RootElement;

    public static JsonElement Trace(GenericChart chart) => Of(chart).GetProperty("data").EnumerateArray().Single();

    public static string[][] Strings(JsonElement matrix) =>
        [.. matrix.EnumerateArray().Select(row => row.EnumerateArray().Select(e => e.GetString()!).ToArray())];
}
