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

/// <summary>One node of a <see cref="ComputationGraph"/>, as laid out for drawing.</summary>
/// <param name="Name">The variable that holds the node's tensor (unique in the graph).</param>
/// <param name="Operation">The operation's label (for example "exp"); for data and parameters, null.</param>
/// <param name="Shape">The tensor's shape as text, for example "5×27" or "scalar".</param>
/// <param name="Kind">Data, parameter or operation.</param>
/// <param name="Lane">The row the node is drawn in, counted from the top.</param>
/// <param name="Inputs">The names of the nodes the operation reads, in order; empty for data and parameters.</param>
/// <param name="Column">The column it is drawn in: data flows from left to right.</param>
/// <param name="Value">The tensor's values in short (see <see cref="ComputationGraph.Summary"/>), if it was declared with its tensor.</param>
internal sealed record GraphNode(string Name, string? Operation, string Shape, GraphNodeKind Kind, int Lane,
    IReadOnlyList<string> Inputs, int Column, string? Value);

/// <summary>
/// A forward pass drawn as a picture: the notebook declares each tensor next to the line of code that makes it (the
/// operation, the variable, the tensor or its shape, and the variables it reads), and <see cref="ToSvg"/> draws one box
/// per node with arrows in the direction data flows. TorchSharp does not expose autograd's graph (no grad_fn chain), so
/// the graph is declared from the forward code rather than read back from the tensors. Drawn again after a backward
/// pass with the gradients, each box also shows the gradient of the loss with respect to its tensor.
/// </summary>
/// <remarks>
/// Layout: an operation sits one column right of its rightmost input; data and parameters one column left of their
/// first use. The rows ("lanes") are the caller's choice, so that branches run side by side; an arrow that skips
/// columns runs straight along its source's lane, which should be free until just before its target. The picture is
/// a self-contained SVG (no scripts, no fonts or styles to fetch), so it renders offline and in static viewers.
/// </remarks>
public sealed class ComputationGraph
{
    const double NodeWidth = 112, NodeHeight = 60, WideNodeWidth = 150, TallNodeHeight = 92;
    const double ColumnGap = 34, LaneGap = 26, Margin = 16, TitleHeight = 30, LegendHeight = 28;
    const string GradientColour = "#b03a2e";

    readonly List<(string Name, string? Operation, string Shape, GraphNodeKind Kind, int Lane, string[] Inputs, string? Value)> declared = [];
    readonly Dictionary<string, int> index = new(StringComparer.Ordinal);

    /// <summary>Adds a data tensor that needs no gradient (inputs, labels), by its shape.</summary>
    public ComputationGraph Data(string name, long[] shape, int lane) =>
        Add(name, null, shape, null, GraphNodeKind.Data, lane, []);

    /// <summary>Adds a data tensor that needs no gradient (inputs, labels); its box also shows its values in short.</summary>
    public ComputationGraph Data(string name, Tensor value, int lane) =>
        Add(name, null, Shape(value), Summary(value), GraphNodeKind.Data, lane, []);

    /// <summary>Adds a parameter, a leaf tensor whose gradient the backward pass computes, by its shape.</summary>
    public ComputationGraph Parameter(string name, long[] shape, int lane) =>
        Add(name, null, shape, null, GraphNodeKind.Parameter, lane, []);

    /// <summary>Adds a parameter, a leaf tensor whose gradient the backward pass computes; its box also shows its values in short.</summary>
    public ComputationGraph Parameter(string name, Tensor value, int lane) =>
        Add(name, null, Shape(value), Summary(value), GraphNodeKind.Parameter, lane, []);

    /// <summary>
    /// Adds an operation: its label (<paramref name="operation"/>, for example "exp"), the variable that holds its
    /// result and that result's shape, and the variables it reads, which must already be in the graph.
    /// </summary>
    public ComputationGraph Operation(string operation, string name, long[] shape, int lane, params string[] inputs) =>
        AddOperation(operation, name, shape, null, lane, inputs);

    /// <summary>
    /// Adds an operation with the tensor it produced: its label (<paramref name="operation"/>, for example "exp"), the
    /// variable that holds the result, the result itself (its box shows its shape and values in short), and the
    /// variables it reads, which must already be in the graph.
    /// </summary>
    public ComputationGraph Operation(string operation, string name, Tensor value, int lane, params string[] inputs) =>
        AddOperation(operation, name, Shape(value), Summary(value), lane, inputs);

    ComputationGraph AddOperation(string operation, string name, long[] shape, string? value, int lane, string[] inputs)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operation);
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Length == 0) throw new ArgumentException($"The operation \"{operation}\" ({name}) reads no input.", nameof(inputs));
        foreach (var input in inputs)
        {
            if (!index.ContainsKey(input))
                throw new ArgumentException($"\"{name}\" reads \"{input}\", which is not in the graph yet: declare nodes in the order the forward pass computes them.", nameof(inputs));
        }
        return Add(name, operation, shape, value, GraphNodeKind.Operation, lane, inputs);
    }

    /// <summary>The nodes in the order they were declared, each with its column.</summary>
    internal IReadOnlyList<GraphNode> Nodes
    {
        get
        {
            var columns = Columns();
            return declared.Select((d, i) => new GraphNode(d.Name, d.Operation, d.Shape, d.Kind, d.Lane, d.Inputs, columns[i], d.Value)).ToList();
        }
    }

    /// <summary>A shape as the picture shows it: "5×27", "5", or "scalar" for a tensor of no dimensions.</summary>
    public static string ShapeText(IReadOnlyList<long> shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return shape.Count == 0 ? "scalar" : string.Join("×", shape.Select(d => d.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// A tensor in a few characters, as a box shows its value or gradient: a scalar's value ("3.7790"); "all -0.2000"
    /// when every entry is the same; a small integer tensor's entries ("[0, 5, 13, 13, 1]"); otherwise the smallest
    /// and the largest entry ("-0.198 … 0.0482").
    /// </summary>
    internal static string Summary(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.numel() == 0) return "empty";
        using var scope = NewDisposeScope();
        var values = tensor.detach().cpu().to(ScalarType.Float64).flatten().data<double>().ToArray();
        var integers = !tensor.is_floating_point() && !tensor.is_complex();
        if (values.Length == 1) return integers ? Whole(values[0]) : Fixed(values[0]);
        if (integers && values.Length <= 6) return $"[{string.Join(", ", values.Select(Whole))}]";
        var (min, max) = (values.Min(), values.Max());
        if (min == max) return $"all {(integers ? Whole(min) : Fixed(min))}";
        return integers ? $"{Whole(min)} … {Whole(max)}" : $"{Short(min)} … {Short(max)}";
    }

    static string Whole(double v) => v.ToString("0", CultureInfo.InvariantCulture);

    // Four decimals, as the notebooks print losses, unless that would show a small non-zero number as 0.0000.
    static string Fixed(double v) => v == 0 || (Math.Abs(v) >= 1e-3 && Math.Abs(v) < 1e5)
        ? v.ToString("0.0000", CultureInfo.InvariantCulture)
        : v.ToString("0.00e+00", CultureInfo.InvariantCulture);

    static string Short(double v) => v.ToString("G3", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal);

    /// <summary>
    /// The graph as an SVG document (show it in a notebook with <c>svg.DisplayAs("image/svg+xml")</c>). Each node is a
    /// group of class "operation", "data" or "parameter" with a title naming its variable. With
    /// <paramref name="gradients"/> (the variable's name to the gradient of the loss with respect to it, such as
    /// <c>["logits"] = dlogits</c> or autograd's <c>logits.grad</c>) each box also shows its gradient in short.
    /// </summary>
    public string ToSvg(string? title = null, IReadOnlyDictionary<string, Tensor>? gradients = null)
    {
        if (declared.Count == 0) throw new InvalidOperationException("The graph has no nodes to draw.");
        var nodes = Nodes;
        var gradientTexts = GradientTexts(nodes, gradients);
        var showValues = nodes.Any(n => n.Value is not null);
        var tall = showValues || gradients is not null;
        var (nodeWidth, nodeHeight) = tall ? (WideNodeWidth, TallNodeHeight) : (NodeWidth, NodeHeight);
        var top = Margin + (title is null ? 0 : TitleHeight);
        double X(int column) => Margin + column * (nodeWidth + ColumnGap);
        double Y(int lane) => top + lane * (nodeHeight + LaneGap);
        var width = X(nodes.Max(n => n.Column) + 1) - ColumnGap + Margin;
        var legendTop = Y(nodes.Max(n => n.Lane) + 1) - LaneGap + 14;
        var explainLines = showValues || gradients is not null;
        var height = legendTop + LegendHeight * (explainLines ? 2 : 1);

        var content = new List<object>();
        if (title is not null) content.Add(Svg.Text(Margin, Margin + 16, title, 16, "bold"));

        // Arrows first, so the boxes sit on top of their ends.
        var byName = nodes.ToDictionary(n => n.Name, StringComparer.Ordinal);
        foreach (var target in nodes)
        {
            foreach (var input in target.Inputs)
            {
                var source = byName[input];
                var (x1, y1) = (X(source.Column) + nodeWidth, Y(source.Lane) + nodeHeight / 2);
                var (x2, y2) = (X(target.Column), Y(target.Lane) + nodeHeight / 2);
                // A long arrow runs along its source's lane to the gap before the target's column, then bends in.
                var bendStart = x2 - ColumnGap;
                var straight = bendStart > x1 ? $" H {Svg.F(bendStart)}" : "";
                var from = Math.Max(x1, bendStart);
                var mid = (from + x2) / 2;
                content.Add(new XElement(Svg.Ns + "path",
                    new XAttribute("class", "edge"), new XAttribute("data-from", source.Name), new XAttribute("data-to", target.Name),
                    new XAttribute("d", $"M {Svg.F(x1)} {Svg.F(y1)}{straight} C {Svg.F(mid)} {Svg.F(y1)}, {Svg.F(mid)} {Svg.F(y2)}, {Svg.F(x2 - 1)} {Svg.F(y2)}"),
                    new XAttribute("fill", "none"), new XAttribute("stroke", "#555"), new XAttribute("stroke-width", "1.4"),
                    new XAttribute("marker-end", "url(#arrow)")));
            }
        }

        foreach (var node in nodes)
        {
            var (x, y) = (X(node.Column), Y(node.Lane));
            var (fill, stroke) = Colours(node.Kind);
            var group = new XElement(Svg.Ns + "g",
                new XAttribute("class", node.Kind.ToString().ToLowerInvariant()), new XAttribute("data-name", node.Name),
                new XElement(Svg.Ns + "title", node.Operation is null ? $"{node.Name}: {node.Shape}" : $"{node.Name} = {node.Operation}({string.Join(", ", node.Inputs)}): {node.Shape}"),
                Svg.Rect(x, y, nodeWidth, nodeHeight, fill, stroke, 1.5, 7));
            var centre = x + nodeWidth / 2;
            if (node.Operation is null)
            {
                group.Add(Svg.Text(centre, y + 26, node.Name, 15, "bold", "middle"));
                group.Add(Svg.Text(centre, y + 46, node.Shape, 12, "normal", "middle", "#444"));
            }
            else
            {
                group.Add(Svg.Text(centre, y + 19, node.Operation, 13, "bold", "middle"));
                group.Add(Svg.Text(centre, y + 36, node.Name, 12, "normal", "middle", "#1d3c6e", monospace: true));
                group.Add(Svg.Text(centre, y + 52, node.Shape, 11, "normal", "middle", "#444"));
            }
            if (node.Value is not null)
                group.Add(Labelled(Svg.Text(centre, y + 69, node.Value, 11, "normal", "middle", "#222"), "value"));
            if (gradients is not null)
            {
                var gradient = gradientTexts.GetValueOrDefault(node.Name);
                group.Add(Labelled(Svg.Text(centre, y + 85, gradient is null ? "no gradient" : $"grad {gradient}", 11,
                    gradient is null ? "normal" : "bold", "middle", gradient is null ? "#888" : GradientColour), "gradient"));
            }
            content.Add(group);
        }

        // The legend: one sample box per kind in use, then what the lines of a box mean.
        var legendX = (double)Margin;
        foreach (var (kind, text) in new[]
                 {
                     (GraphNodeKind.Data, "data (no gradient)"), (GraphNodeKind.Parameter, "parameter (requires grad)"),
                     (GraphNodeKind.Operation, "operation: its result, its shape"),
                 })
        {
            if (nodes.All(n => n.Kind != kind)) continue;
            var (fill, stroke) = Colours(kind);
            content.Add(Svg.Rect(legendX, legendTop, 16, 12, fill, stroke, null, 3));
            content.Add(Svg.Text(legendX + 22, legendTop + 11, text, 12, "normal", "start", "#333"));
            legendX += 34 + 7 * text.Length;
        }
        content.Add(Svg.Text(legendX, legendTop + 11, "arrows: the direction data flows in the forward pass", 12, "normal", "start", "#333"));
        if (explainLines)
        {
            var lines = new List<string>();
            if (showValues) lines.Add("value: the tensor in short (one number, all equal, or smallest … largest)");
            if (gradients is not null) lines.Add("grad: the gradient of the loss with respect to that tensor, in the same short form");
            content.Add(Svg.Text(Margin, legendTop + LegendHeight + 11, string.Join("; ", lines), 12, "normal", "start",
                gradients is null ? "#333" : GradientColour));
        }

        return new XDocument(Svg.Root(width, height, content)).ToString();
    }

    static XElement Labelled(XElement text, string @class)
    {
        text.Add(new XAttribute("class", @class));
        return text;
    }

    // Each gradient belongs to a node that takes one, and has its tensor's shape: a gradient drawn on the wrong box
    // would silently teach the wrong thing.
    static Dictionary<string, string> GradientTexts(IReadOnlyList<GraphNode> nodes, IReadOnlyDictionary<string, Tensor>? gradients)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        if (gradients is null) return texts;
        var byName = nodes.ToDictionary(n => n.Name, StringComparer.Ordinal);
        foreach (var (name, gradient) in gradients)
        {
            if (!byName.TryGetValue(name, out var node))
                throw new ArgumentException($"There is a gradient for \"{name}\", which is not a node of the graph.", nameof(gradients));
            if (node.Kind == GraphNodeKind.Data)
                throw new ArgumentException($"\"{name}\" is data, which asks for no gradient.", nameof(gradients));
            ArgumentNullException.ThrowIfNull(gradient, nameof(gradients));
            var shape = ShapeText(gradient.shape);
            if (shape != node.Shape)
                throw new ArgumentException($"The gradient for \"{name}\" is {shape}, but {name} is {node.Shape}: a gradient has its tensor's shape.", nameof(gradients));
            texts[name] = Summary(gradient);
        }
        return texts;
    }

    static long[] Shape(Tensor value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.shape;
    }

    ComputationGraph Add(string name, string? operation, long[] shape, string? value, GraphNodeKind kind, int lane, string[] inputs)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentOutOfRangeException.ThrowIfNegative(lane);
        if (!index.TryAdd(name, declared.Count))
            throw new ArgumentException($"The graph already has a node named \"{name}\".", nameof(name));
        declared.Add((name, operation, ShapeText(shape), kind, lane, inputs, value));
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
}
