using System.Globalization;
using System.Xml.Linq;

namespace Makemore;

/// <summary>
/// The pieces the scriptless drawings (<see cref="ComputationGraph"/>, <see cref="BroadcastPicture"/>) are made of:
/// self-contained SVG with no scripts, fonts or styles to fetch, so it renders offline and in static viewers.
/// </summary>
internal static class Svg
{
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    public static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>The root element sized in pixels, with an arrowhead marker url(#arrow) and a white background.</summary>
    public static XElement Root(double width, double height, IEnumerable<object> content) =>
        new(Ns + "svg",
            new XAttribute("width", F(width)), new XAttribute("height", F(height)),
            new XAttribute("viewBox", $"0 0 {F(width)} {F(height)}"),
            new XAttribute("font-family", "Helvetica, Arial, sans-serif"),
            ArrowMarker("arrow", "#555"),
            new XElement(Ns + "rect", new XAttribute("width", "100%"), new XAttribute("height", "100%"), new XAttribute("fill", "white")),
            content);

    public static XElement Text(double x, double y, string text, double size, string weight = "normal", string anchor = "start",
        string colour = "#111", bool monospace = false)
    {
        var element = new XElement(Ns + "text",
            new XAttribute("x", F(x)), new XAttribute("y", F(y)),
            new XAttribute("font-size", F(size)), new XAttribute("font-weight", weight),
            new XAttribute("text-anchor", anchor), new XAttribute("fill", colour), text);
        if (monospace) element.Add(new XAttribute("font-family", "Menlo, Consolas, monospace"));
        return element;
    }

    /// <summary>A rectangle; a null <paramref name="strokeWidth"/> leaves the viewer's default (1).</summary>
    public static XElement Rect(double x, double y, double width, double height, string fill, string stroke, double? strokeWidth = 1.2,
        double radius = 0, string? dash = null)
    {
        var element = new XElement(Ns + "rect",
            new XAttribute("x", F(x)), new XAttribute("y", F(y)), new XAttribute("width", F(width)), new XAttribute("height", F(height)));
        if (radius > 0) element.Add(new XAttribute("rx", F(radius)));
        element.Add(new XAttribute("fill", fill), new XAttribute("stroke", stroke));
        if (strokeWidth is { } w) element.Add(new XAttribute("stroke-width", F(w)));
        if (dash is not null) element.Add(new XAttribute("stroke-dasharray", dash));
        return element;
    }

    public static XElement Line(double x1, double y1, double x2, double y2, string stroke, double width = 1.2, string? marker = null)
    {
        var element = new XElement(Ns + "line",
            new XAttribute("x1", F(x1)), new XAttribute("y1", F(y1)), new XAttribute("x2", F(x2)), new XAttribute("y2", F(y2)),
            new XAttribute("stroke", stroke), new XAttribute("stroke-width", F(width)));
        if (marker is not null) element.Add(new XAttribute("marker-end", $"url(#{marker})"));
        return element;
    }

    /// <summary>An arrowhead marker, referred to as url(#<paramref name="id"/>) by a line's or path's marker-end.</summary>
    static XElement ArrowMarker(string id, string colour) =>
        new(Ns + "defs",
            new XElement(Ns + "marker", new XAttribute("id", id), new XAttribute("viewBox", "0 0 10 10"),
                new XAttribute("refX", "10"), new XAttribute("refY", "5"), new XAttribute("markerWidth", "7"),
                new XAttribute("markerHeight", "7"), new XAttribute("orient", "auto-start-reverse"),
                new XElement(Ns + "path", new XAttribute("d", "M 0 0 L 10 5 L 0 10 z"), new XAttribute("fill", colour))));

    public static XElement Group(string @class, params object[] content) => new(Ns + "g", new XAttribute("class", @class), content);
}
