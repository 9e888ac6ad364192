namespace Makemore.Notebooks.Tests;

/// <summary>Notebook 05, the bigram model built as a neural network: the numbers and charts it prints, read from its executed copy.</summary>
public sealed class Notebook05Tests() : NotebookTests("05-neural-network.ipynb")
{
    [Fact]
    public void EmmaGivesTheLessonsInputsAndLabels()
    {
        Notebook.Find(@"xs = \[0, 5, 13, 13, 1\]   ys = \[5, 13, 13, 1, 0\]   \(Int64\)");
        var oneHot = Notebook.CellContaining("F.one_hot(xs, num_classes: 27)");
        oneHot.Find(@"xenc: 5×27 Float32");
        oneHot.Find(@"position of the 1 in each row: \[0, 5, 13, 13, 1\]");
    }

    [Fact]
    public void TheOneHotMatrixIsDrawnAsAHeatmap()
    {
        var html = Assert.Single(Notebook.CellContaining("MatrixHeatmap.Of(xenc").Html);
        Assert.Contains("Plotly.newPlot", html);
        Assert.Contains("\"type\":\"heatmap\"", html);
    }

    [Fact]
    public void AOneHotRowTimesWPicksARowOfW()
    {
        var cell = Notebook.CellContaining("var logits = xenc.matmul(W);");
        var product = cell.FindNumber(@"logits\[3, 13\] = (-?[\d.]+)");
        Assert.Equal(product, cell.FindNumber(@"\.sum\(\) = (-?[\d.]+)"));
        Assert.Equal(product, cell.FindNumber(@"W\[13, 13\] = (-?[\d.]+)"));
    }

    [Fact]
    public void ASingleNeuronGivesOneOutputPerExampleTheWeightOfItsInput()
    {
        var cell = Notebook.CellContaining("torch.randn(27, 1,");
        cell.Find(@"^xenc @ W: 5×1$");
        var outputs = cell.Find(@"one output per example:\s+\[(.+)\]").Groups[1].Value;
        Assert.Equal(5, outputs.Split(", ").Length);
        Assert.Equal(outputs, cell.Find(@"the weight of each input:\s+\[(.+)\]").Groups[1].Value);
        Notebook.Find(@"^W: 27×27, 729 weights$");
    }

    [Fact]
    public void LogitsAreLogProbabilitiesUpToOneConstantPerRow()
    {
        var cell = Notebook.CellContaining("probs.log() - logits");
        double[] Numbers(string label) => cell.Find($@"^{Regex.Escape(label)}\s+\[(.+)\]$").Groups[1].Value.Split(", ").Select(OutputNumbers.Parse).ToArray();
        var rowZero = Numbers("probs.log() - logits, row 0, first five entries:");
        Assert.All(rowZero, v => Assert.Equal(rowZero[0], v));
        var constants = Numbers("first entry of each row:");
        Assert.Equal(5, constants.Length);
        Assert.Equal(constants, Numbers("-logsumexp(logits) of each row:"));
        Assert.All(Numbers("spread along each row (max - min):"), spread => Assert.InRange(spread, 0, 1e-5));
        Assert.InRange(cell.FindNumber(@"row 0 of the logits plus 5: largest change in the probabilities (\S+)$"), 0, 1e-6);
        var softmax = cell.FindNumber(@"softmax\(\[z, 0\]\)\[0\] = ([\d.]+)");
        Assert.Equal(softmax, cell.FindNumber(@"sigmoid\(z\) = ([\d.]+)"));
    }

    [Fact]
    public void SquaredErrorStopsPushingWhenTheModelIsConfidentlyWrong()
    {
        var cell = Notebook.CellContaining("LossAndGradient(a,");
        var rows = Regex.Matches(cell.Text, @"^\s*(\d+)\s+(\S+)\s+([\d.]+)\s+(-[\d.]+)\s+([\d.]+)\s+(-[\d.]+)$", RegexOptions.Multiline)
            .Select(m => (A: m.Number(1), PLabel: m.Number(2), Nll: m.Number(3), NllGradient: m.Number(4), Squared: m.Number(5), SquaredGradient: m.Number(6)))
            .ToList();
        Assert.Equal([0, 2, 5, 10], rows.Select(r => r.A));
        Assert.Equal(3.2958, rows[0].Nll);
        Assert.All(rows, r => Assert.InRange(r.NllGradient, -1, -0.96));
        Assert.All(rows, r => Assert.InRange(r.Squared, 0, 2));
        Assert.All(rows.Zip(rows.Skip(1)), pair =>
        {
            Assert.True(pair.Second.Nll > pair.First.Nll);
            Assert.True(Math.Abs(pair.Second.SquaredGradient) < Math.Abs(pair.First.SquaredGradient));
        });
        Assert.InRange(Math.Abs(rows[^1].SquaredGradient), 0, 0.001);
    }

    [Fact]
    public void TheSeededNetworksLossOnEmmaIs3Point7693EveryWayItIsComputed()
    {
        var examples = Regex.Matches(Notebook.CellContaining("var nlls = torch.zeros(5);").Text,
            @"bigram (..)   input\s+(\d+)  label\s+(\d+)   p\(label\) = ([\d.]+)   log likelihood = (-[\d.]+)   NLL = ([\d.]+)");
        Assert.Equal([".e", "em", "mm", "ma", "a."], examples.Select(m => m.Groups[1].Value));
        // PyTorch 1.13 on the lesson's cell: the probability and NLL of each label, and their average.
        Assert.Equal(ReferenceValues.Numbers("emma, probability of each label").Select(p => Math.Round(p, 4)), examples.Select(m => m.Number(4)));
        Assert.Equal(ReferenceValues.Numbers("emma, NLL of each example").Select(p => Math.Round(p, 4)), examples.Select(m => m.Number(6)));
        var loss = ReferenceValues.Rounded("emma loss", 4);
        Assert.Equal(loss, Math.Round(examples.Average(m => m.Number(6)), 4));
        Assert.Equal(loss, Notebook.FindNumber(@"average NLL \(the loss\) = ([\d.]+)"));
        Assert.Equal(loss, Notebook.FindNumber(@"vectorised:\s+([\d.]+)"));
        Assert.Equal(loss, Notebook.FindNumber(@"NeuralForward.ManualNll:\s+([\d.]+)"));
        Assert.Equal(loss, Notebook.FindNumber(@"F.cross_entropy:\s+([\d.]+)"));
    }
}
