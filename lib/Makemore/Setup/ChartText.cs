using System.Net;
using System.Text.RegularExpressions;
using Plotly.NET;

namespace Makemore;

/// <summary>
/// The plain text of a Plotly.NET chart in a notebook: one line with its title, where .NET Interactive's default would
/// be kilobytes of the chart's object tree. Text viewers, terminal front ends and <c>nbconvert --to markdown</c> show a
/// notebook's text/plain; everything else shows the chart itself (its HTML).
/// </summary>
internal static partial class ChartText
{
    /// <summary>Both kernels send what these give: the HTML (the chart, drawn by plotly.js) and this one line.</summary>
    public static readonly string[] MimeTypes = ["text/html", "text/plain"];

    /// <summary>For example "Chart: Loss over 300 steps (interactive; picture in the HTML output)".</summary>
    public static string Of(GenericChart chart)
    {
        var title = Title(chart);
        return $"Chart{(title.Length > 0 ? ": " + title : "")} (interactive; picture in the HTML output)";
    }

    /// <summary>The layout's title as a reader sees it: plotly's markup (&lt;b&gt;, &lt;br&gt;, entities) made plain, on one line.</summary>
    internal static string Title(GenericChart chart)
    {
        var layout = GenericChart.getLayout(chart);
        var title = layout.TryGetTypedPropertyValue<Title>("title");
        var text = title is null ? null : title.Value.TryGetTypedPropertyValue<string>("text");
        if (text is null) return "";
        return Whitespace().Replace(WebUtility.HtmlDecode(Markup().Replace(text.Value, " ")), " ").Trim();
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Markup();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
