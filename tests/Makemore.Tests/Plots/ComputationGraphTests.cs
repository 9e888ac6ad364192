using System.Xml.Linq;
using static TorchSharp.torch;

namespace Makemore.Tests.Plots;

public class ComputationGraphTests
{
    static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    // A small forward pass with a branch: y = exp(x @ W) / sum, plus a term of W alone.
    static ComputationGraph Example() => new ComputationGraph()
        .Data("x", [5, 27], lane: 1)
        .Parameter("W", [27, 27], lane: 2)
        .Operation("@", "logits", [5, 27], 1, "x", "W")
        .Operation("exp", "counts", [5, 27], 1, "logits")
        .Operation("sum(1, keepdim)", "countsSum", [5, 1], 0, "counts")
        .Operation("/", "probs", [5, 27], 1, "counts", "countsSum")
        .Operation("** 2", "Wsq", [27, 27], 3, "W")
        .Operation("+", "loss", [], 1, "probs", "Wsq");

    [Fact]
    public void ColumnsFollowTheDataFlow()
    {
        var columns = Example().Nodes.ToDictionary(n => n.Name, n => n.Column);
        // Operations one column right of their rightmost input; data and parameters just before their first use.
        Assert.Equal(0, columns["x"]);
        Assert.Equal(0, columns["W"]);
        Assert.Equal(1, columns["logits"]);
        Assert.Equal(2, columns["counts"]);
        Assert.Equal(3, columns["countsSum"]);
        Assert.Equal(4, columns["probs"]);
        Assert.Equal(1, columns["Wsq"]);
        Assert.Equal(5, columns["loss"]);

        var late = new ComputationGraph().Data("a", [2], 0).Operation("neg", "b", [2], 0, "a").Data("y", [2], 1)
            .Operation("+", "c", [2], 0, "b", "y");
        Assert.Equal(1, late.Nodes.Single(n => n.Name == "y").Column);
    }

    [Fact]
    public void EveryNodeIsAGroupWithItsOperationNameAndShape()
    {
        var svg = XDocument.Parse(Example().ToSvg("A title"));
        Assert.Equal(Svg + "svg", svg.Root!.Name);
        var groups = svg.Descendants(Svg + "g").ToList();
        Assert.Equal(["x", "W", "logits", "counts", "countsSum", "probs", "Wsq", "loss"], groups.Select(g => (string?)g.Attribute("data-name")));
        Assert.Equal(6, groups.Count(g => (string?)g.Attribute("class") == "operation"));
        Assert.Equal(1, groups.Count(g => (string?)g.Attribute("class") == "parameter"));
        Assert.Equal(1, groups.Count(g => (string?)g.Attribute("class") == "data"));

        string[] Texts(string name) => [.. groups.Single(g => (string?)g.Attribute("data-name") == name).Elements(Svg + "text").Select(t => t.Value)];
        Assert.Equal(["sum(1, keepdim)", "countsSum", "5×1"], Texts("countsSum"));
        Assert.Equal(["+", "loss", "scalar"], Texts("loss"));
        Assert.Equal(["W", "27×27"], Texts("W"));
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "A title");
    }

    [Fact]
    public void EveryInputIsAnArrowFromItsSourceToItsOperation()
    {
        var svg = XDocument.Parse(Example().ToSvg());
        var edges = svg.Descendants(Svg + "path").Where(p => (string?)p.Attribute("class") == "edge")
            .Select(p => ((string?)p.Attribute("data-from"), (string?)p.Attribute("data-to"))).ToList();
        Assert.Equal([("x", "logits"), ("W", "logits"), ("logits", "counts"), ("counts", "countsSum"), ("counts", "probs"),
            ("countsSum", "probs"), ("W", "Wsq"), ("probs", "loss"), ("Wsq", "loss")], edges);
        Assert.All(svg.Descendants(Svg + "path").Where(p => (string?)p.Attribute("class") == "edge"),
            p => Assert.Equal("url(#arrow)", (string?)p.Attribute("marker-end")));
    }

    [Fact]
    public void ThePictureIsSelfContained()
    {
        var text = Example().ToSvg();
        Assert.DoesNotContain("<script", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", text.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", text, StringComparison.Ordinal);
    }

    [Fact]
    public void LabelsAreEscaped()
    {
        var svg = new ComputationGraph().Data("a<b", [2], 0).Operation("x & y", "c", [2], 0, "a<b").ToSvg();
        var texts = XDocument.Parse(svg).Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("a<b", texts);
        Assert.Contains("x & y", texts);
    }

    [Fact]
    public void ShapesReadAsInTheLesson()
    {
        Assert.Equal("228146×27", ComputationGraph.ShapeText([228146, 27]));
        Assert.Equal("5", ComputationGraph.ShapeText([5]));
        Assert.Equal("scalar", ComputationGraph.ShapeText([]));
    }

    [Fact]
    public void RejectsInputsNotYetDeclaredRepeatedNamesAndEmptyGraphs()
    {
        var unknown = Assert.Throws<ArgumentException>(() => new ComputationGraph().Operation("exp", "counts", [5], 0, "logits"));
        Assert.Contains("\"logits\", which is not in the graph yet", unknown.Message);
        var repeated = Assert.Throws<ArgumentException>(() => new ComputationGraph().Data("x", [5], 0).Parameter("x", [5], 1));
        Assert.Contains("already has a node named \"x\"", repeated.Message);
        Assert.Throws<ArgumentException>(() => new ComputationGraph().Data("x", [5], 0).Operation("neg", "y", [5], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ComputationGraph().Data("x", [5], -1));
        Assert.Throws<InvalidOperationException>(() => new ComputationGraph().ToSvg());
    }

    // The same small pass declared with its tensors: x·w, its exp, their mean.
    static (ComputationGraph Graph, Tensor X, Tensor W, Tensor Y, Tensor E, Tensor M) WithTensors()
    {
        var x = tensor(new long[] { 0, 2, 1 });
        var w = tensor(new[] { 0.5f, -1f, 2f }).requires_grad_();
        var y = w[x];
        var e = y.exp();
        var m = e.mean();
        var graph = new ComputationGraph()
            .Data("x", x, lane: 0)
            .Parameter("w", w, lane: 1)
            .Operation("[x]", "y", y, 0, "w", "x")
            .Operation("exp", "e", e, 0, "y")
            .Operation("mean", "m", m, 0, "e");
        return (graph, x, w, y, e, m);
    }

    static Dictionary<string, string> Lines(XDocument svg, string @class) =>
        svg.Descendants(Svg + "g").Where(g => g.Attribute("data-name") is not null)
            .ToDictionary(g => (string)g.Attribute("data-name")!, g => g.Elements(Svg + "text").SingleOrDefault(t => (string?)t.Attribute("class") == @class)?.Value ?? "");

    [Fact]
    public void NodesDeclaredWithTheirTensorsShowTheirValuesInShort()
    {
        var (graph, _, _, _, _, m) = WithTensors();
        var values = Lines(XDocument.Parse(graph.ToSvg()), "value");
        Assert.Equal("[0, 2, 1]", values["x"]);
        Assert.Equal("-1 … 2", values["w"]);
        Assert.Equal("0.368 … 7.39", values["e"]);
        Assert.Equal(m.item<float>().ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture), values["m"]);
        Assert.Equal(["3", "3", "3", "3", "scalar"], graph.Nodes.Select(n => n.Shape));
    }

    [Fact]
    public void DrawnWithGradientsEachBoxShowsTheGradientItWasGiven()
    {
        var (graph, _, w, y, e, m) = WithTensors();
        foreach (var t in new[] { y, e }) t.retain_grad();
        m.backward();
        var svg = XDocument.Parse(graph.ToSvg("after backward", new Dictionary<string, Tensor>
        {
            ["m"] = ones_like(m),
            ["e"] = e.grad!,
            ["y"] = y.grad!,
            ["w"] = w.grad!,
        }));
        var gradients = Lines(svg, "gradient");
        Assert.Equal("grad 1.0000", gradients["m"]);
        Assert.Equal("grad all 0.3333", gradients["e"]);                  // d mean / d e = 1/3 each
        Assert.Equal($"grad {ComputationGraph.Summary(y.grad!)}", gradients["y"]);
        Assert.Equal("grad 0.123 … 2.46", gradients["w"]);                 // each w[k] is read once: exp(w[k]) / 3
        Assert.Equal("no gradient", gradients["x"]);
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value.Contains("grad: the gradient of the loss", StringComparison.Ordinal));
    }

    [Fact]
    public void SummariesReadAsTheNotebooksPrintNumbers()
    {
        Assert.Equal("3.7790", ComputationGraph.Summary(tensor(3.779f)));
        Assert.Equal("1.37e-05", ComputationGraph.Summary(tensor(1.3717e-5f)));
        Assert.Equal("all -0.2000", ComputationGraph.Summary(full(5, -0.2f)));
        Assert.Equal("[5, 13, 13, 1, 0]", ComputationGraph.Summary(tensor(new long[] { 5, 13, 13, 1, 0 })));
        Assert.Equal("0 … 9", ComputationGraph.Summary(arange(10)));
        Assert.Equal("-16.3 … 0", ComputationGraph.Summary(tensor(new[] { -16.28f, 0f, -2.71f })));
        Assert.Equal("1.22e-08 … 8.6", ComputationGraph.Summary(tensor(new[] { 1.22e-8f, 8.6f })));
    }

    [Fact]
    public void AGradientMustBelongToANodeThatTakesOneAndHaveItsShape()
    {
        var (graph, _, _, _, _, _) = WithTensors();
        Assert.Contains("\"q\", which is not a node", Assert.Throws<ArgumentException>(() => graph.ToSvg(null, new Dictionary<string, Tensor> { ["q"] = ones(3) })).Message);
        Assert.Contains("\"x\" is data", Assert.Throws<ArgumentException>(() => graph.ToSvg(null, new Dictionary<string, Tensor> { ["x"] = ones(3) })).Message);
        Assert.Contains("The gradient for \"e\" is 2, but e is 3", Assert.Throws<ArgumentException>(() => graph.ToSvg(null, new Dictionary<string, Tensor> { ["e"] = ones(2) })).Message);
    }
}
