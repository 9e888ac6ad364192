namespace Makemore.Notebooks.Tests;

/// <summary>Notebook 07, backpropagation by hand: the graph it draws and the gradients it checks, read from its executed copy.</summary>
public sealed class Notebook07Tests() : NotebookTests("07-backprop-by-hand.ipynb")
{
    static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void TheForwardPassOnEmmaIsTheLessons()
    {
        var data = Notebook.CellContaining("var ys = torch.tensor(ysList.ToArray());");
        data.Find(@"^xs\s+\[0, 5, 13, 13, 1\]$");
        data.Find(@"^ys\s+\[5, 13, 13, 1, 0\]$");
        data.Find(@"^n, the number of examples\s+5$");

        // PyTorch 1.13's loss on emma, and with the regularisation term, printed beside ours.
        var cell = Notebook.CellContaining("var loss = nll + reg;");
        var nll = ReferenceValues.Rounded("emma loss", 4);
        var loss = ReferenceValues.Rounded("emma loss with regularisation", 4);
        Assert.Equal(nll, cell.FindNumber(@"^nll\s+([\d.]+)$"));
        Assert.Equal(loss, cell.FindNumber(@"^loss = nll \+ reg\s+([\d.]+)$"));
        Assert.InRange(cell.FindNumber(@"^reg\s+([\d.]+)$"), 0.001, 0.1);
        cell.Find($@"^PyTorch 1\.13, the average NLL of emma's five examples.*: {nll:F4} · our nll: {nll:F4}$");
        cell.Find($@"^PyTorch 1\.13, that loss plus 0\.01 \* mean\(W\*\*2\).*: {loss:F4} · our loss: {loss:F4}$");
    }

    [Fact]
    public void TheGraphCellShowsAnSvgPictureWithANodePerOperationAndItsValue()
    {
        var svg = Picture("new ComputationGraph()");
        string[] Labels(string kind) => [.. Groups(svg).Where(g => (string?)g.Attribute("class") == kind)
            .Select(g => g.Elements(Svg + "text").First().Value)];
        Assert.Equal(["one_hot", "@", "exp", "sum(1, keepdim)", "/", "[arange(n), ys]", "log", "mean", "neg", "** 2", "mean", "* 0.01", "+"],
            Labels("operation"));
        Assert.Equal(["xs", "ys"], Labels("data"));
        Assert.Equal(["W"], Labels("parameter"));

        // Each node shows its tensor's shape and its value in short, from the tensors themselves.
        Assert.Equal(["sum(1, keepdim)", "countsSum", "5×1", "34.2 … 79"], Texts(svg, "countsSum"));
        Assert.Equal(["/", "probs", "5×27", "0.00216 … 0.238"], Texts(svg, "probs"));
        Assert.Equal(["+", "loss", "scalar", $"{ReferenceValues.Rounded("emma loss with regularisation", 4):F4}"], Texts(svg, "loss"));
        Assert.Equal(["xs", "5", "[0, 5, 13, 13, 1]"], Texts(svg, "xs"));
        Assert.Equal("W", Texts(svg, "W")[0]);
        var edges = svg.Descendants(Svg + "path").Count(p => (string?)p.Attribute("class") == "edge");
        Assert.Equal(17, edges);
        Assert.DoesNotContain(svg.Descendants(Svg + "text"), t => (string?)t.Attribute("class") == "gradient");
    }

    [Fact]
    public void TheGraphIsDrawnAgainWithEveryHandMadeGradient()
    {
        var svg = Picture("graph.ToSvg(\"The same graph after our backward pass");
        string Gradient(string name) => Groups(svg).Single(g => (string?)g.Attribute("data-name") == name)
            .Elements(Svg + "text").Single(t => (string?)t.Attribute("class") == "gradient").Value;
        Assert.Equal("grad 1.0000", Gradient("loss"));
        Assert.Equal("grad 1.0000", Gradient("reg"));
        Assert.Equal("grad -1.0000", Gradient("logpMean"));
        Assert.Equal("grad all -0.2000", Gradient("logp"));
        Assert.Equal("grad 0.0100", Gradient("WsqMean"));
        Assert.StartsWith("grad -0.198 … ", Gradient("logits"), StringComparison.Ordinal);
        Assert.StartsWith("grad -16.3 … ", Gradient("probs"), StringComparison.Ordinal);
        Assert.All(new[] { "xs", "ys", "xenc" }, name => Assert.Equal("no gradient", Gradient(name)));
        Assert.Equal(13, Groups(svg).Count(g => Gradient((string)g.Attribute("data-name")!).StartsWith("grad ", StringComparison.Ordinal)));
    }

    [Fact]
    public void EveryHandMadeGradientOnEmmaIsAutogradsWithin1EMinus6()
    {
        var rows = Notebook.CodeCells.Where(c => c.Source.Contains("Compare(", StringComparison.Ordinal))
            .SelectMany(c => Regex.Matches(c.Text, @"^(d[A-Za-z]+)\s{2,}.*?(\S+)$", RegexOptions.Multiline))
            .ToDictionary(m => m.Groups[1].Value, m => OutputNumbers.Parse(m.Groups[2].Value));
        Assert.Equal(["dnll", "dreg", "dlogpMean", "dlogp", "dp", "dprobs", "dcountsSum", "dcounts", "dlogits", "dWsqMean", "dWsq", "dW"], rows.Keys);
        Assert.All(rows.Values, d => Assert.InRange(d, 0, 1e-6));
        Notebook.Find(@"^dlogp\s+\[-0\.2000, -0\.2000, -0\.2000, -0\.2000, -0\.2000\]\s+0$");
        Notebook.Find(@"^non-zero entries of dprobs\s+5$");
        Notebook.Find(@"^rows of dW the data reaches\s+\[0, 1, 5, 13\]$");
        Notebook.Find(@"^their symbols\s+\[\., a, e, m\]$");
    }

    [Fact]
    public void Row0OfDlogitsIsNegativeOnlyAtItsLabelAndSumsToZero()
    {
        var cell = Notebook.CellContaining("var dlogits = counts * dcounts;");
        // TextTable.Row: the symbols on one line, the values under them, in blocks of columns.
        var lines = cell.Text.Split('\n');
        var row = new Dictionary<string, double>();
        for (var i = 0; i + 1 < lines.Length; i++)
        {
            var symbols = lines[i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (symbols.Length == 0 || symbols.Any(s => s.Length != 1)) continue;
            var values = lines[i + 1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var (symbol, value) in symbols.Zip(values)) row[symbol] = OutputNumbers.Parse(value);
        }
        Assert.Equal(27, row.Count);
        Assert.Equal(["e"], row.Where(r => r.Value < 0).Select(r => r.Key));
        Assert.Equal(-0.198, row["e"]);
        Assert.InRange(Math.Abs(cell.FindNumber(@"^row 0 adds up to\s+(-?[\d.]+)$")), 0, 1e-4);
    }

    [Fact]
    public void TheFusedFormMatchesTheChainAndCrossEntropy()
    {
        var cell = Notebook.CellContaining("var dlogitsFused");
        Assert.InRange(cell.FindNumber(@"^dlogitsFused against the chain's dlogits \(section 2\)\s+(\S+)$"), 0, 1e-6);
        Assert.InRange(cell.FindNumber(@"^dlogitsFused against autograd's logits\.grad\s+(\S+)$"), 0, 1e-6);
        Assert.InRange(cell.FindNumber(@"^dlogitsFused against cross_entropy's gradient\s+(\S+)$"), 0, 1e-6);
        Assert.InRange(cell.FindNumber(@"^the largest row sum of dlogitsFused\s+(\S+)$"), 0, 1e-6);
    }

    [Fact]
    public void FiniteDifferencesAgreeWithWGradInRowsEmmaUsesAndInRowsItDoesNot()
    {
        var cell = Notebook.CellContaining("GradientCheck.CentralDifference(Loss64");
        Assert.Equal(cell.FindNumber(@"^W\.grad\[0, 5\]\s+(-?[\d.]+)$"), cell.FindNumber(@"^central difference\s+(-?[\d.]+)$"), 6);
        Assert.True(cell.FindNumber(@"^L\(w \+ h\)\s+([\d.]+)$") < cell.FindNumber(@"^L\(w - h\)\s+([\d.]+)$"));

        var rows = Regex.Matches(cell.Text, @"^W\[(.),(.)\]\s+(yes|no)\s+(\S+)\s+(\S+)\s+(\S+)$", RegexOptions.Multiline);
        Assert.Equal(10, rows.Count);
        Assert.Equal(6, rows.Count(m => m.Groups[3].Value == "yes"));
        Assert.Equal(4, rows.Count(m => m.Groups[3].Value == "no"));
        foreach (Match row in rows)
        {
            var (autograd, estimate, relative) = (row.Number(4), row.Number(5), row.Number(6));
            Assert.True(autograd != 0, $"W[{row.Groups[1]},{row.Groups[2]}] has a gradient (the regularisation reaches every row)");
            Assert.InRange(relative, 0, 1e-6);
            Assert.InRange(Math.Abs(autograd - estimate) / Math.Abs(estimate), 0, 1e-5);
        }
        // Rows emma never uses get only the regularisation's small gradient; the rows it uses, far more.
        Assert.True(rows.Where(m => m.Groups[3].Value == "no").Max(m => Math.Abs(m.Number(4))) < 1e-4);
        Assert.True(rows.Where(m => m.Groups[3].Value == "yes").Max(m => Math.Abs(m.Number(4))) > 0.1);
        // The check catches a backward pass that forgets a path.
        Assert.True(cell.FindNumber(@"^W\[\.,a\] without countsSum's path\s+yes\s+\S+\s+\S+\s+(\S+)$") > 0.5);
    }

    [Fact]
    public void CallingBackwardTwiceDoublesTheGradient()
    {
        var cell = Notebook.CellContaining("loss2.backward(retain_graph: true);");
        var once = cell.FindNumber(@"^W\.grad\[0, 5\] after one backward\(\)\s+(-?[\d.]+)$");
        Assert.Equal(2 * once, cell.FindNumber(@"^W\.grad\[0, 5\] after two\s+(-?[\d.]+)$"), 5);
        Assert.NotEqual(0, once);
        Assert.Equal(0, cell.FindNumber(@"^largest \|after two - 2 × after one\|\s+(\S+)$"));
    }

    [Fact]
    public void TheHandMadeGradientOnAllExamplesIsAutogradsWithin1EMinus6()
    {
        Assert.Equal(0, Notebook.FindNumber(@"^largest \|dW - the cells' dW\|\s+(\S+)$"));
        var cell = Notebook.CellContaining("var (handLoss, handdW) = LossAndGradient(W, xenc, ys);");
        cell.Find(@"^examples, xenc\.shape\s+\[228146, 27\]$");
        // The first loss of the lesson's loop in PyTorch 1.13.
        var first = ReferenceValues.Rounded("training loss, step 1", 4);
        Assert.Equal(first, cell.FindNumber(@"^loss, autograd\s+([\d.]+)$"));
        Assert.Equal(first, cell.FindNumber(@"^loss, ours by hand\s+([\d.]+)$"));
        cell.Find($@"^PyTorch 1\.13, the lesson's training loop, step 1 .*: {first:F4} · ours by hand: {first:F4}$");
        Assert.InRange(cell.FindNumber(@"^largest \|dW - W\.grad\|\s+(\S+)$"), 0, 1e-6);
        cell.Find(@"^at most 1e-6\s+True$");
    }

    [Fact]
    public void TenStepsWithoutAutogradGiveTheAutogradLoopsLosses()
    {
        var cell = Notebook.CellContaining("var Wnograd = torch.randn");
        cell.Find(@"^W\.requires_grad, Wnograd\.requires_grad\s+\[True, False\]$");
        var steps = Regex.Matches(cell.Text, @"^\s+(\d+)\s+([\d.]+)\s+([\d.]+)$", RegexOptions.Multiline);
        Assert.Equal(Enumerable.Range(1, 10), steps.Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)));
        Assert.All(steps, m => Assert.InRange(Math.Abs(m.Number(2) - m.Number(3)), 0, 1e-6));
        // The lesson's loop in PyTorch 1.13: the same losses, up to float32 rounding of the gradient that the learning
        // rate of 50 magnifies (a few 1e-5 in the first steps, from another BLAS summing the products).
        var reference = ReferenceValues.Numbers("training losses");
        Assert.All(steps.Select((m, k) => m.Number(2) - reference[k]), difference => Assert.InRange(Math.Abs(difference), 0, 5e-5));
        Assert.All(steps.Zip(steps.Skip(1)), pair => Assert.True(pair.Second.Number(2) < pair.First.Number(2)));
        Assert.InRange(cell.FindNumber(@"^largest difference of the ten losses\s+(\S+)$"), 0, 1e-6);
        Assert.InRange(cell.FindNumber(@"^largest difference of the weights after ten steps\s+(\S+)$"), 0, 1e-5);
    }

    XDocument Picture(string source)
    {
        var output = Assert.Single(Notebook.CellContaining(source).Outputs);
        Assert.Equal("display_data", (string?)output["output_type"]);
        var svgText = string.Concat(output["data"]!["image/svg+xml"]!.AsArray().Select(l => (string?)l));
        Assert.DoesNotContain("<script", svgText, StringComparison.OrdinalIgnoreCase);
        var svg = XDocument.Parse(svgText);
        Assert.Equal(Svg + "svg", svg.Root!.Name);
        return svg;
    }

    static List<XElement> Groups(XDocument svg) => [.. svg.Descendants(Svg + "g").Where(g => g.Attribute("data-name") is not null)];

    static string[] Texts(XDocument svg, string name) =>
        [.. Groups(svg).Single(g => (string?)g.Attribute("data-name") == name).Elements(Svg + "text").Select(t => t.Value)];
}
