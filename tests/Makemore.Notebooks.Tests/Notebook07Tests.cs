namespace Makemore.Notebooks.Tests;

/// <summary>Notebook 07, backpropagation by hand: the graph it draws and the gradients it checks, read from its executed copy.</summary>
public sealed class Notebook07Tests() : NotebookTests("07-backprop-by-hand.ipynb")
{
    [Fact]
    public void TheForwardPassOnEmmaIsTheLessons()
    {
        var cell = Notebook.CellContaining("var loss = nll + reg;");
        Notebook.Find(@"xs = \[0, 5, 13, 13, 1\]   ys = \[5, 13, 13, 1, 0\]   n = 5 examples");
        // PyTorch 1.13's loss on emma, and with the regularisation term.
        Assert.Equal(ReferenceValues.Rounded("emma loss", 4), cell.FindNumber(@"\(nll ([\d.]+) \+"));
        var reg = cell.FindNumber(@"\+ reg ([\d.]+)\)");
        Assert.InRange(reg, 0.001, 0.1);
        Assert.Equal(ReferenceValues.Rounded("emma loss with regularisation", 4), cell.FindNumber(@"^loss = ([\d.]+)"));
    }

    [Fact]
    public void TheGraphCellShowsAnSvgPictureWithANodePerOperation()
    {
        var cell = Notebook.CellContaining("new ComputationGraph()");
        var output = Assert.Single(cell.Outputs);
        Assert.Equal("display_data", (string?)output["output_type"]);
        var svgText = string.Concat(output["data"]!["image/svg+xml"]!.AsArray().Select(l => (string?)l));
        var svg = XDocument.Parse(svgText);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", svg.Root!.Name);
        Assert.DoesNotContain("<script", svgText, StringComparison.OrdinalIgnoreCase);

        var groups = svg.Descendants(ns + "g").ToList();
        string[] Labels(string kind) => [.. groups.Where(g => (string?)g.Attribute("class") == kind)
            .Select(g => g.Elements(ns + "text").First().Value)];
        Assert.Equal(["one_hot", "@", "exp", "sum(1, keepdim)", "/", "[arange(n), ys]", "log", "mean", "neg", "** 2", "mean", "* 0.01", "+"],
            Labels("operation"));
        Assert.Equal(["xs", "ys"], Labels("data"));
        Assert.Equal(["W"], Labels("parameter"));

        // Each node shows its tensor's shape, from the tensors themselves.
        string[] Texts(string name) => [.. groups.Single(g => (string?)g.Attribute("data-name") == name).Elements(ns + "text").Select(t => t.Value)];
        Assert.Equal(["sum(1, keepdim)", "countsSum", "5×1"], Texts("countsSum"));
        Assert.Equal(["/", "probs", "5×27"], Texts("probs"));
        Assert.Equal(["+", "loss", "scalar"], Texts("loss"));
        Assert.Equal(["W", "27×27"], Texts("W"));
        var edges = svg.Descendants(ns + "path").Count(p => (string?)p.Attribute("class") == "edge");
        Assert.Equal(17, edges);
    }

    [Fact]
    public void EveryHandMadeGradientOnEmmaIsAutogradsWithin1EMinus6()
    {
        var cells = Notebook.CodeCells.Where(c => c.Source.Contains("Diff(", StringComparison.Ordinal)).ToList();
        var differences = cells.SelectMany(c => Regex.Matches(c.Stdout, @"difference to autograd: ([^\n]+)").Select(m => m.Groups[1].Value))
            .SelectMany(text => Regex.Matches(text, @"(?<![\w.])(\d[\d.E+-]*)").Select(m => OutputNumbers.Parse(m.Groups[1].Value)))
            .ToList();
        // dlogpMean and dlogp, dp, dprobs, dcountsSum, dcounts, dlogits
        Assert.Equal(7, differences.Count);
        Assert.All(differences, d => Assert.InRange(d, 0, 1e-6));
        Notebook.Find(@"dlogp = \[-0\.2, -0\.2, -0\.2, -0\.2, -0\.2\]");
        Notebook.Find(@"non-zero entries: 5 \(one per example\)");
        Notebook.Find(@"rows of dW the data reaches: 0 '\.', 1 'a', 5 'e', 13 'm'$");
        Assert.InRange(Notebook.FindNumber(@"largest \|dW - W.grad\| on emma: (\S+)"), 0, 1e-6);
        Notebook.Find(@"on emma: \S+   \(at most 1e-6: True\)");
    }

    [Fact]
    public void TheFusedFormMatchesTheChainAndCrossEntropy()
    {
        var cell = Notebook.CellContaining("var dlogitsFused");
        Assert.InRange(cell.FindNumber(@"the chain of section 2\): (\S+)"), 0, 1e-6);
        Assert.InRange(cell.FindNumber(@"\(autograd\):\s+(\S+)"), 0, 1e-6);
        Assert.InRange(cell.FindNumber(@"cross_entropy's gradient\|:\s+(\S+)"), 0, 1e-6);
        Assert.InRange(cell.FindNumber(@"largest row sum of dlogitsFused: (\S+)"), 0, 1e-6);
    }

    [Fact]
    public void FiniteDifferencesAgreeWithWGradInRowsEmmaUsesAndInRowsItDoesNot()
    {
        var byHand = Notebook.Find(@"central difference = (-?[\d.]+)   W.grad\[0, 5\] = (-?[\d.]+)");
        Assert.Equal(byHand.Number(2), byHand.Number(1), 6);

        var cell = Notebook.CellContaining("GradientCheck.CentralDifference(Loss64");
        var rows = Regex.Matches(cell.Stdout, @"^W\[(.),(.)\]\s+(yes|no)\s+(\S+)\s+(\S+)\s+(\S+)$", RegexOptions.Multiline);
        Assert.Equal(10, rows.Count);
        Assert.Equal(6, rows.Count(m => m.Groups[3].Value == "yes"));
        Assert.Equal(4, rows.Count(m => m.Groups[3].Value == "no"));
        foreach (Match row in rows)
        {
            var (autograd, estimate, relative) = (row.Number(4), row.Number(5), row.Number(6));
            Assert.True(autograd != 0, $"W[{row.Groups[1]},{row.Groups[2]}] has a gradient (the regularisation reaches every row)");
            Assert.InRange(relative, 0, 1e-5);
            Assert.InRange(Math.Abs(autograd - estimate) / Math.Abs(estimate), 0, 1e-5);
        }
        // Rows emma never uses get only the regularisation's small gradient; the rows it uses, far more.
        Assert.True(rows.Where(m => m.Groups[3].Value == "no").Max(m => Math.Abs(m.Number(4))) < 1e-4);
        Assert.True(rows.Where(m => m.Groups[3].Value == "yes").Max(m => Math.Abs(m.Number(4))) > 0.1);
        Assert.InRange(cell.FindNumber(@"largest relative difference: (\S+)"), 0, 1e-5);
        // The check catches a backward pass that forgets a path.
        Assert.True(cell.FindNumber(@"forgotten, W\[\.,a\] would get \S+: relative difference (\S+)") > 0.5);
    }

    [Fact]
    public void CallingBackwardTwiceDoublesTheGradient()
    {
        var cell = Notebook.CellContaining("loss2.backward(retain_graph: true);");
        var match = cell.Find(@"after one backward\(\): (-?[\d.]+), after two: (-?[\d.]+)");
        Assert.Equal(2 * match.Number(1), match.Number(2), 5);
        Assert.NotEqual(0, match.Number(1));
        Assert.Equal(0, cell.FindNumber(@"largest \|after two - 2 × after one\|: (\S+)"));
    }

    [Fact]
    public void TheHandMadeGradientOnAllExamplesIsAutogradsWithin1EMinus6()
    {
        Assert.Equal(0, Notebook.FindNumber(@"emma: loss [\d.]+, largest \|dW - the cells' dW\| = (\S+)"));
        Notebook.Find(@"^228,146 examples, xenc 228,146×27$");
        var cell = Notebook.CellContaining("var (handLoss, handdW) = LossAndGradient(W, xenc, ys);");
        // The first loss of the lesson's loop in PyTorch 1.13.
        Assert.Equal(ReferenceValues.Rounded("training loss, step 1", 4), cell.FindNumber(@"loss: autograd ([\d.]+)"));
        Assert.Equal(ReferenceValues.Rounded("training loss, step 1", 4), cell.FindNumber(@", ours ([\d.]+)"));
        Assert.InRange(cell.FindNumber(@"on all 228,146 examples: (\S+)"), 0, 1e-6);
    }

    [Fact]
    public void TenStepsWithoutAutogradGiveTheAutogradLoopsLosses()
    {
        var cell = Notebook.CellContaining("var Wnograd = torch.randn");
        cell.Find(@"W requires_grad: True; Wnograd requires_grad: False");
        var steps = Regex.Matches(cell.Stdout, @"^\s+(\d+)   ([\d.]+)   ([\d.]+)$", RegexOptions.Multiline);
        Assert.Equal(Enumerable.Range(1, 10), steps.Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)));
        Assert.All(steps, m => Assert.InRange(Math.Abs(m.Number(2) - m.Number(3)), 0, 1e-6));
        // The lesson's loop in PyTorch 1.13: the same losses, up to float32 rounding of the gradient that the learning
        // rate of 50 magnifies (a few 1e-5 in the first steps, from another BLAS summing the products).
        var reference = ReferenceValues.Numbers("training losses");
        Assert.All(steps.Select((m, k) => m.Number(2) - reference[k]), difference => Assert.InRange(Math.Abs(difference), 0, 5e-5));
        Assert.All(steps.Zip(steps.Skip(1)), pair => Assert.True(pair.Second.Number(2) < pair.First.Number(2)));
        Assert.InRange(cell.FindNumber(@"largest difference of the ten losses: (\S+)"), 0, 1e-6);
        Assert.InRange(cell.FindNumber(@"largest difference of the weights after ten steps: (\S+)"), 0, 1e-5);
    }
}
