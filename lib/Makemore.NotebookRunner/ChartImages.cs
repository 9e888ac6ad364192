using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.DotNet.Interactive.Documents;

namespace Makemore.NotebookRunner;

/// <summary>
/// Gives every Plotly.NET chart output of an executed notebook a picture of itself (--chart-images), so the chart shows
/// where its script cannot run: GitHub and other static viewers (which strip scripts), and pages opened offline (where
/// the script's require.js and plotly.js never arrive from their CDNs). The PNG goes inside the chart's own div, with a
/// style rule that hides it once plotly has drawn the interactive chart there (a live kernel); plotly.js itself is
/// never embedded. Chart ids, random in each run, become ids derived from the notebook and the chart's position, so a
/// refresh that changes nothing leaves the notebook as it was.
/// </summary>
static partial class ChartImages
{
    /// <summary>The class of the fallback picture, which the freshness test and the browser test look for.</summary>
    public const string ImageClass = "makemore-chart-image";

    const string Placeholder = "<!-- Plotly chart will be drawn inside this DIV -->";
    const string HideOnceDrawn = $"<style>.js-plotly-plot > img.{ImageClass} {{ display: none; }}</style>";

    // Plotly.NET's chart HTML: <div id="GUID"><!-- Plotly chart ... --></div><script>... renderPlotly_GUIDHEX ...</script>
    [GeneratedRegex("""<div id="(?<id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"><!-- Plotly chart will be drawn inside this DIV --></div>""")]
    private static partial Regex ChartDiv();

    /// <summary>Adds the pictures to the executed notebook at <paramref name="path"/>; returns how many charts it has.</summary>
    public static async Task<int> AddAsync(string path, ChartRenderer renderer)
    {
        var document = NotebookFile.Read(path);
        var charts = 0;
        foreach (var cell in document.Elements)
            foreach (var output in cell.Outputs)
            {
                var data = output switch
                {
                    DisplayElement d => d.Data,
                    ReturnValueElement r => r.Data,
                    _ => null,
                };
                if (data is null || !data.TryGetValue("text/html", out var value) || Text(value) is not { } html) continue;
                var changed = html;
                foreach (var id in ChartDiv().Matches(html).Select(m => m.Groups["id"].Value).ToList())
                {
                    var stable = StableId(Path.GetFileName(path), ++charts);
                    changed = changed.Replace(id, stable).Replace(id.Replace("-", ""), stable.Replace("-", ""));
                    var png = await renderer.RenderAsync(changed, stable);
                    changed = changed.Replace(
                        $"<div id=\"{stable}\">{Placeholder}</div>",
                        $"<div id=\"{stable}\">{Placeholder}{HideOnceDrawn}<img class=\"{ImageClass}\" alt=\"{Title(changed)}\" " +
                        $"style=\"max-width: 100%\" src=\"data:image/png;base64,{Convert.ToBase64String(png)}\"></div>");
                }
                if (changed != html) data["text/html"] = changed;
            }
        NotebookFile.Write(document, path);
        return charts;
    }

    // Read back from a file, the document library holds text as a string or as the list of its lines.
    static string? Text(object? value) => value switch
    {
        string text => text,
        IEnumerable<object> lines => string.Concat(lines.Select(Text)),
        System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.String } json => json.GetString(),
        System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Array } json => string.Concat(json.EnumerateArray().Select(l => l.GetString())),
        _ => null,
    };

    // A GUID-shaped id (Plotly.NET's own form, so its script's function name stays valid) from the notebook and position.
    static string StableId(string notebook, int chart) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"{notebook}#{chart}")).AsSpan(0, 16)).ToString();

    [GeneratedRegex(@"var layout = (?<layout>\{.*\});\r?\n")]
    private static partial Regex Layout();

    // The chart's title (the layout's title.text, as text or as plotly's HTML-ish markup) as the picture's alt text.
    static string Title(string html)
    {
        var title = "";
        if (Layout().Match(html) is { Success: true } layout)
        {
            try
            {
                var node = System.Text.Json.Nodes.JsonNode.Parse(layout.Groups["layout"].Value)?["title"];
                title = (node is System.Text.Json.Nodes.JsonObject ? (string?)node["text"] : (string?)node) ?? "";
            }
            catch (System.Text.Json.JsonException)
            {
                // no title then
            }
        }
        title = Regex.Replace(title, "<[^>]*>", " ").Trim();
        return System.Net.WebUtility.HtmlEncode(title.Length > 0 ? $"Chart: {title}" : "Chart");
    }
}
