using System.Globalization;
using System.Xml.Linq;

namespace Makemore;

/// <summary>What a node of a <see cref="ComputationGraph"/> stands for; each kind is drawn in its own colour.</summary>
public enum GraphNodeKind
{
    /// <summary>Data that asks for no gradient (the inputs xs, the labels ys).</summary>
    Data,

    /// <summary>A parameter, a leaf tensor that asks for a gradient (the weights W).</summary>
    Parameter,

    /// <summary>An operation of the forward pass and the tensor it produces.</summary>
    Operation,
}

/// <summary>One node of a <see cref="ComputationGraph"/>.</summary>
/// <param name="Name">The variable that holds the node's tensor (unique in the graph).</param>
/// <param name="Operation">The operation's label (for example "exp"); for data and parameters, null.</param>
/// <param name="Shape">The tensor's shape as text, for example "5×27" or "scalar".</param>
/// <param name="Kind">Data, parameter or operation.</param>
/// <param name="Lane">The row the node is drawn in, counted from the top.</param>
/// <param name="Inputs">The names of the nodes the operation reads, in order; empty for data and parameters.</param>
/// <param name="Column">The column it is drawn in: data flows from left to right.</param>
public sealed record GraphNode(string Name, string? Operation, string Shape, GraphNodeKind Kind, int Lane,
    IReadOnlyList<string> Inputs, int Column);

/// <summary>
/// A forward pass drawn as a picture: the notebook declares each tensor next to the line of code that makes it (the
/// operation, the variable, its shape and the variables it reads), and <see cref="ToSvg"/> draws one box per node
/// with arrows in the direction data flows. TorchSharp does not expose autograd's graph (no grad_fn chain), so the
/// graph is declared from the forward code rather than read back from the tensors.
/// </summary>
/// <remarks>
/// Layout: an operation sits one column right of its rightmost input; data and parameters one column left of their
/// first use. The rows ("lanes") are the caller's choice, so that branches run side by side; an arrow that skips
/// columns runs straight along its source's lane, which should be free until just before its target. The picture is
/// a self-contained SVG (no scripts, no fonts or styles to fetch), so it renders offline and in static viewers.
/// </remarks>
public sealed class ComputationGraph
{
    const double NodeWidth = 112, NodeHeight = 60, ColumnGap = 34, LaneGap = 26, Margin = 16, TitleHeight = 30, LegendHeight = 28;

    readonly List<(string Name, string? Operation, string Shape, GraphNodeKind Kind, int Lane, string[] Inputs)> declared = [];
    readonly Dictionary<string, int> index = new(StringComparer.Ordinal);

    /// <summary>Adds a data tensor that needs no gradient (inputs, labels).</summary>
    public ComputationGraph Data(string name, IReadOnlyList<long> shape, int lane) =>
        Add(name, null, shape, GraphNodeKind.Data, lane, []);

    /// <summary>Adds a parameter: a leaf tensor whose gradient the backward pass computes.</summary>
    public ComputationGraph Parameter(string name, IReadOnlyList<long> shape, int lane) =>
        Add(name, null, shape, GraphNodeKind.Parameter, lane, []);

    /// <summary>
    /// Adds an operation: its label (<paramref name="operation"/>, for example "exp"), the variable that holds its
    /// result and that result's shape, and the variables it reads, which must already be in the graph.
    /// </summary>
    public ComputationGraph Operation(string operation, string name, IReadOnlyList<long> shape, int lane, params string[] inputs)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operation);
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Length == 0) throw new ArgumentException($"The operation \"{operation}\" ({name}) reads no input.", nameof(inputs));
        foreach (var input in inputs)
        {
            if (!index.ContainsKey(input))
                throw new ArgumentException($"\"{name}\" reads \"{input}\", which is not in the graph yet: declare nodes in the order the forward pass computes them.", nameof(inputs));
        }
        return Add(name, operation, shape, GraphNodeKind.Operation, lane, inputs);
    }

    /// <summary>The nodes in the order they were declared, each with its column.</summary>
    public IReadOnlyList<GraphNode> Nodes
    {
        get
        {
            var columns = Columns();
            return declared.Select((d, i) => new GraphNode(d.Name, d.Operation, d.Shape, d.Kind, d.Lane, d.Inputs, columns[i])).ToList();
        }
    }

    /// <summary>A shape as the picture shows it: "5×27", "5", or "scalar" for a tensor of no dimensions.</summary>
    public static string ShapeText(IReadOnlyList<long> shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return shape.Count == 0 ? "scalar" : string.Join("×", shape.Select(d => d.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// The graph as an SVG document (show it in a notebook with <c>svg.DisplayAs("image/svg+xml")</c>). Each node is a
    /// group of class "operation", "data" or "parameter" with a title naming its variable.
    /// </summary>
    public string ToSvg(string? title = null)
    {
        if (declared.Count == 0) throw new InvalidOperationException("The graph has no nodes to draw.");
        XNamespace svg = "http://www.w3.org/2000/svg";
        var nodes = Nodes;
        var top = Margin + (title is null ? 0 : TitleHeight);
        double X(int column) => Margin + column * (NodeWidth + ColumnGap);
        double Y(int lane) => top + lane * (NodeHeight + LaneGap);
        var width = X(nodes.Max(n => n.Column) + 1) - ColumnGap + Margin;
        var legendTop = Y(nodes.Max(n => n.Lane) + 1) - LaneGap + 14;
        var height = legendTop + LegendHeight;

        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        var root = new XElement(svg + "svg",
            new XAttribute("width", F(width)), new XAttribute("height", F(height)),
            new XAttribute("viewBox", $"0 0 {F(width)} {F(height)}"),
            new XAttribute("font-family", "Helvetica, Arial, sans-serif"),
            new XElement(svg + "defs",
                new XElement(svg + "marker", new XAttribute("id", "arrow"), new XAttribute("viewBox", "0 0 10 10"),
                    new XAttribute("refX", "10"), new XAttribute("refY", "5"), new XAttribute("markerWidth", "7"),
                    new XAttribute("markerHeight", "7"), new XAttribute("orient", "auto-start-reverse"),
                    new XElement(svg + "path", new XAttribute("d", "M 0 0 L 10 5 L 0 10 z"), new XAttribute("fill", "#555")))),
            new XElement(svg + "rect", new XAttribute("width", "100%"), new XAttribute("height", "100%"), new XAttribute("fill", "white")));
        if (title is not null)
        {
            root.Add(Text(svg, Margin, Margin + 16, title, 16, "bold", "start"));
        }

        // Arrows first, so the boxes sit on top of their ends.
        var byName = nodes.ToDictionary(n => n.Name, StringComparer.Ordinal);
        foreach (var target in nodes)
        {
            foreach (var input in target.Inputs)
            {
                var source = byName[input];
                var (x1, y1) = (X(source.Column) + NodeWidth, Y(source.Lane) + NodeHeight / 2);
                var (x2, y2) = (X(target.Column), Y(target.Lane) + NodeHeight / 2);
                // A long arrow runs along its source's lane to the gap before the target's column, then bends in.
                var bendStart = x2 - ColumnGap;
                var straight = bendStart > x1 ? $" H {F(bendStart)}" : "";
                var from = Math.Max(x1, bendStart);
                var mid = (from + x2) / 2;
                root.Add(new XElement(svg + "path",
                    new XAttribute("class", "edge"), new XAttribute("data-from", source.Name), new XAttribute("data-to", target.Name),
                    new XAttribute("d", $"M {F(x1)} {F(y1)}{straight} C {F(mid)} {F(y1)}, {F(mid)} {F(y2)}, {F(x2 - 1)} {F(y2)}"),
                    new XAttribute("fill", "none"), new XAttribute("stroke", "#555"), new XAttribute("stroke-width", "1.4"),
                    new XAttribute("marker-end", "url(#arrow)")));
            }
        }

        foreach (var node in nodes)
        {
            var (x, y) = (X(node.Column), Y(node.Lane));
            var (fill, stroke) = Colours(node.Kind);
            var group = new XElement(svg + "g",
                new XAttribute("class", node.Kind.ToString().ToLowerInvariant()), new XAttribute("data-name", node.Name),
                new XElement(svg + "title", node.Operation is null ? $"{node.Name}: {node.Shape}" : $"{node.Name} = {node.Operation}({string.Join(", ", node.Inputs)}): {node.Shape}"),
                new XElement(svg + "rect", new XAttribute("x", F(x)), new XAttribute("y", F(y)),
                    new XAttribute("width", F(NodeWidth)), new XAttribute("height", F(NodeHeight)), new XAttribute("rx", "7"),
                    new XAttribute("fill", fill), new XAttribute("stroke", stroke), new XAttribute("stroke-width", "1.5")));
            var centre = x + NodeWidth / 2;
            if (node.Operation is null)
            {
                group.Add(Text(svg, centre, y + 26, node.Name, 15, "bold", "middle"));
                group.Add(Text(svg, centre, y + 46, node.Shape, 12, "normal", "middle", "#444"));
            }
            else
            {
                group.Add(Text(svg, centre, y + 19, node.Operation, 13, "bold", "middle"));
                group.Add(Text(svg, centre, y + 36, node.Name, 12, "normal", "middle", "#1d3c6e", monospace: true));
                group.Add(Text(svg, centre, y + 52, node.Shape, 11, "normal", "middle", "#444"));
            }
            root.Add(group);
        }

        // The legend: one sample box per kind in use.
        var legendX = (double)Margin;
        foreach (var (kind, text) in new[]
                 {
                     (GraphNodeKind.Data, "data (no gradient)"), (GraphNodeKind.Parameter, "parameter (requires grad)"),
                     (GraphNodeKind.Operation, "operation: its result, its shape"),
                 })
        {
            if (nodes.All(n => n.Kind != kind)) continue;
            var (fill, stroke) = Colours(kind);
            root.Add(new XElement(svg + "rect", new XAttribute("x", F(legendX)), new XAttribute("y", F(legendTop)),
                new XAttribute("width", "16"), new XAttribute("height", "12"), new XAttribute("rx", "3"),
                new XAttribute("fill", fill), new XAttribute("stroke", stroke)));
            root.Add(Text(svg, legendX + 22, legendTop + 11, text, 12, "normal", "start", "#333"));
            legendX += 34 + 7 * text.Length;
        }
        root.Add(Text(svg, legendX, legendTop + 11, "arrows: the direction data flows in the forward pass", 12, "normal", "start", "#333"));

        return new XDocument(root).ToString();
    }

    ComputationGraph Add(string name, string? operation, IReadOnlyList<long> shape, GraphNodeKind kind, int lane, string[] inputs)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentOutOfRangeException.ThrowIfNegative(lane);
        if (!index.TryAdd(name, declared.Count))
            throw new ArgumentException($"The graph already has a node named \"{name}\".", nameof(name));
        declared.Add((name, operation, ShapeText(shape), kind, lane, inputs));
        return this;
    }

    // Operations as early as their inputs allow; data and parameters just before their first use.
    int[] Columns()
    {
        var columns = new int[declared.Count];
        for (var i = 0; i < declared.Count; i++)
        {
            var inputs = declared[i].Inputs;
            columns[i] = inputs.Length == 0 ? 0 : inputs.Max(input => columns[index[input]]) + 1;
        }
        for (var i = 0; i < declared.Count; i++)
        {
            if (declared[i].Inputs.Length > 0) continue;
            var name = declared[i].Name;
            var uses = Enumerable.Range(0, declared.Count).Where(j => declared[j].Inputs.Contains(name)).Select(j => columns[j]).ToList();
            if (uses.Count > 0) columns[i] = uses.Min() - 1;
        }
        return columns;
    }

    static (string Fill, string Stroke) Colours(GraphNodeKind kind) => kind switch
    {
        GraphNodeKind.Data => ("#eeeeee", "#888888"),
        GraphNodeKind.Parameter => ("#ffedd2", "#d0841e"),
        _ => ("#e6eefa", "#4a6fa5"),
    };

    static XElement Text(XNamespace svg, double x, double y, string text, int size, string weight, string anchor,
        string colour = "#111", bool monospace = false)
    {
        var element = new XElement(svg + "text",
            new XAttribute("x", x.ToString("0.#", CultureInfo.InvariantCulture)), new XAttribute("y", y.ToString("0.#", CultureInfo.InvariantCulture)),
            new XAttribute("font-size", size.ToString(CultureInfo.InvariantCulture)), new XAttribute("font-weight", weight),
            new XAttribute("text-anchor", anchor), new XAttribute("fill", colour), text);
        if (monospace) element.Add(new XAttribute("font-family", "Menlo, Consolas, monospace"));
        return element;
    }
}
