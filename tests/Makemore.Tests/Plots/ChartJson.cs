using System.Text.Json;
using Plotly.NET;

namespace Makemore.Tests.Plots;

/// <summary>A chart's plotly.js figure (data and layout), as the notebook's HTML output embeds it.</summary>
static class ChartJson
{
    public static JsonElement Of(GenericChart chart) => JsonDocument.Parse(GenericChart.toJson(chart)).RootElement;

    public static JsonElement Trace(GenericChart chart) => Of(chart).GetProperty("data").EnumerateArray().Single();

    public static JsonElement[] Traces(GenericChart chart) => [.. Of(chart).GetProperty("data").EnumerateArray()];

    public static string[][] Strings(JsonElement matrix) =>
        [.. matrix.EnumerateArray().Select(row => row.EnumerateArray().Select(e => e.GetString()!).ToArray())];

    public static double[] Numbers(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetDouble())];

    public static string[] Texts(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    /// <summary>The title text of a layout or axis object, or null when it has none.</summary>
    public static string? TitleOf(JsonElement element) =>
        element.TryGetProperty("title", out var title) && title.TryGetProperty("text", out var text) ? text.GetString() : null;

    /// <summary>Every x and y axis the layout defines (xaxis, xaxis2, …, yaxis, …), by name.</summary>
    public static Dictionary<string, JsonElement> Axes(JsonElement layout) =>
        layout.EnumerateObject().Where(p => p.Name.StartsWith("xaxis", StringComparison.Ordinal) || p.Name.StartsWith("yaxis", StringComparison.Ordinal))
            .ToDictionary(p => p.Name, p => p.Value);

    /// <summary>The texts of the layout's annotations (subplot titles, labels), in order.</summary>
    public static string[] Annotations(JsonElement layout) =>
        layout.TryGetProperty("annotations", out var annotations) ? [.. annotations.EnumerateArray().Select(a => a.GetProperty("text").GetString()!)] : [];

    /// <summary>Doubles equal up to <paramref name="tolerance"/>, for comparing sequences.</summary>
    public sealed class Close(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
