namespace Makemore.Notebooks.Tests;

/// <summary>Notebook 05, the bigram model built as a neural network: the numbers and charts it prints, read from its executed copy.</summary>
public sealed class Notebook05Tests() : NotebookTests("05-neural-network.ipynb")
{
    static double[] Numbers(string list) => [.. list.Split(", ").Select(OutputNumbers.Parse)];

    [Fact]
    public void EmmaGivesTheLessonsInputsAndLabels()
    {
        var examples = Notebook.CellContaining("xsList.Add(stoi[ch1]);");
        Assert.Equal([".e", "em", "mm", "ma", "a."],
            Regex.Matches(examples.Text, @"^(..): input \d+, label \d+$", RegexOptions.Multiline).Select(m => m.Groups[1].Value));
        examples.Find(@"^xs\s+\[0, 5, 13, 13, 1\]$");
        examples.Find(@"^ys\s+\[5, 13, 13, 1, 0\]$");
        examples.Find(@"^xs\.dtype\s+Int64$");
        var oneHot = Notebook.CellContaining("F.one_hot(xs, num_classes: 27)");
        oneHot.Find(@"^xenc\.shape\s+\[5, 27\]$");
        oneHot.Find(@"^xenc\.dtype\s+Float32$");
        oneHot.Find(@"^position of the 1 in each row\s+\[0, 5, 13, 13, 1\]$");
        oneHot.Find(@"^sum of each row\s+\[1\.0000, 1\.0000, 1\.0000, 1\.0000, 1\.0000\]$");
    }

    [Fact]
    public void TheOneHotMatrixIsDrawnAsAHeatmap()
    {
        var html = Assert.Single(Notebook.CellContaining("MatrixHeatmap.Of(xenc").Html);
        Assert.Contains("Plotly.newPlot", html);
        Assert.Contains("\"type\":\"heatmap\"", html);
    }

    [Fact]
    public void ASingleNeuronGivesOneOutputPerExampleTheWeightOfItsInputAsInPyTorch()
    {
        var cell = Notebook.CellContaining("torch.randn(27, 1,");
        cell.Find(@"^\(xenc @ W\)\.shape\s+\[5, 1\]$");
        var outputs = cell.Find(@"^xenc @ W, one output per example\s+\[(.+)\]$").Groups[1].Value;
        Assert.Equal(5, outputs.Split(", ").Length);
        Assert.Equal(outputs, cell.Find(@"^W\[xs, 0\], the weight of each input\s+\[(.+)\]$").Groups[1].Value);
        // The two examples whose input is 'm' get the same output.
        var values = Numbers(outputs);
        Assert.Equal(values[2], values[3]);
        // PyTorch 1.13 on the lesson's seed gives the same outputs, printed beside ours.
        Assert.Equal(ReferenceValues.Numbers("one neuron on emma").Select(v => Math.Round(v, 4)), values);
        cell.Find(@"^PyTorch 1\.13, xenc @ W for emma's five examples.*: \[(.+)\] · ours: \[\1\]$");
    }

    [Fact]
    public void AOneHotRowTimesWPicksARowOfWTheLessonsW()
    {
        var cell = Notebook.CellContaining("var logits = xenc.matmul(W);");
        cell.Find(@"^W\.shape\s+\[27, 27\]$");
        cell.Find(@"^weights, W\.numel\(\)\s+729$");
        cell.Find(@"^logits\.shape\s+\[5, 27\]$");
        var product = cell.FindNumber(@"^logits\[3, 13\], neuron 13 on example 3 \(input 'm'\)\s+(-?[\d.]+)$");
        Assert.Equal(0.0379, product);
        Assert.Equal(product, cell.FindNumber(@"^the weighted sum by hand, \(xenc\[3\] \* W\[:, 13\]\)\.sum\(\)\s+(-?[\d.]+)$"));
        Assert.Equal(product, cell.FindNumber(@"^W\[13, 13\]\s+(-?[\d.]+)$"));
        var firstRow = cell.Find(@"^PyTorch 1\.13, row 0 of the lesson's torch\.randn.*: \[(.+)\] · ours: \[(.+)\]$");
        Assert.Equal(firstRow.Groups[1].Value, firstRow.Groups[2].Value);
        Assert.Equal(ReferenceValues.Numbers("first row of W").Select(v => Math.Round(v, 4)), Numbers(firstRow.Groups[2].Value));
    }

    [Fact]
    public void TheLogitsOfExampleZeroAreShownUnderTheirSymbols()
    {
        var text = Notebook.CellContaining("TextTable.Row(itos, logits[0]").Text;
        Assert.Matches(@"^\s*\.\s+a\s+b\s+c", text);
        Assert.Contains("2.93", text);   // o, the largest logit: W[0, 15]
        Assert.Equal(27, Regex.Count(text, @"-?\d+\.\d\d"));
    }

    [Fact]
    public void SoftmaxGivesTheLessonsProbabilitiesAndIsDrawnInThreePanels()
    {
        var cell = Notebook.CellContaining("var probs = counts / counts.sum(1, keepdim: true);");
        cell.Find(@"^probs\.shape\s+\[5, 27\]$");
        cell.Find(@"^each row sums to\s+\[1\.0000, 1\.0000, 1\.0000, 1\.0000, 1\.0000\]$");
        Assert.InRange(cell.FindNumber(@"^largest difference to torch\.softmax\s+(\S+)$"), 0, 1e-6);
        var row = cell.Find(@"^PyTorch 1\.13, the softmax of the logits of emma's first example.*: \[(.+)\] · ours: \[(.+)\]$");
        Assert.Equal(row.Groups[1].Value, row.Groups[2].Value);
        Assert.Equal(ReferenceValues.Numbers("probabilities after '.'").Select(v => Math.Round(v, 3)), Numbers(row.Groups[2].Value));

        var (html, text) = Assert.Single(Notebook.CellContaining("SoftmaxChart.Of(logits[0]").Charts);
        Assert.Equal("Chart: Softmax of example 0 (input '.', label 'e'): logits → exp → probabilities (interactive; picture in the HTML output)", text);
        foreach (var panel in new[] { "logit", "exp(logit)", "probability" })
            Assert.Contains($"{{\"type\":\"bar\",\"name\":\"{panel}\"", html);
    }

    [Fact]
    public void LogitsAreLogProbabilitiesUpToOneConstantPerRow()
    {
        var cell = Notebook.CellContaining("probs.log() - logits");
        double[] List(string label) => Numbers(cell.Find($@"^{Regex.Escape(label)}\s+\[(.+)\]$").Groups[1].Value);
        var rowZero = List("probs.log() - logits, row 0, first five entries");
        Assert.All(rowZero, v => Assert.Equal(rowZero[0], v));
        var constants = List("first entry of each row");
        Assert.Equal(5, constants.Length);
        Assert.Equal(constants, List("-logsumexp(logits) of each row"));
        Assert.InRange(cell.FindNumber(@"^largest spread along a row \(max - min\)\s+(\S+)$"), 0, 1e-5);
        Assert.InRange(cell.FindNumber(@"^row 0 plus 5: largest change in probs\s+(\S+)$"), 0, 1e-6);
        var softmax = cell.FindNumber(@"^softmax\(\[z, 0\]\)\[0\]\s+([\d.]+)$");
        Assert.Equal(softmax, cell.FindNumber(@"^sigmoid\(z\)\s+([\d.]+)$"));
    }

    [Fact]
    public void TheSeededNetworksLossOnEmmaIs3Point7693EveryWayItIsComputed()
    {
        var cell = Notebook.CellContaining("var nlls = torch.zeros(5);");
        var examples = Regex.Matches(cell.Text, @"^(\d)\s+(..)\s+(\d+)\s+(\d+)\s+([\d.]+)\s+(-[\d.]+)\s+([\d.]+)$", RegexOptions.Multiline);
        Assert.Equal([".e", "em", "mm", "ma", "a."], examples.Select(m => m.Groups[2].Value));
        // PyTorch 1.13 on the lesson's cell: the probability and NLL of each label, and their average.
        Assert.Equal(ReferenceValues.Numbers("emma, probability of each label").Select(p => Math.Round(p, 4)), examples.Select(m => m.Number(5)));
        Assert.Equal(ReferenceValues.Numbers("emma, NLL of each example").Select(p => Math.Round(p, 4)), examples.Select(m => m.Number(7)));
        Assert.All(examples, m => Assert.Equal(-m.Number(6), m.Number(7)));
        var loss = ReferenceValues.Rounded("emma loss", 4);
        Assert.Equal(loss, Math.Round(examples.Average(m => m.Number(7)), 4));
        Assert.Equal(loss, cell.FindNumber(@"^mean\s+([\d.]+)$"));
        cell.Find(@"^PyTorch 1\.13, the average NLL of emma's five examples.*: 3\.7693 · ours: 3\.7693$");
        cell.Find(@"^PyTorch 1\.13, minus the logs of those probabilities.*: \[(.+)\] · ours: \[\1\]$");
        // Worse than the blind guess.
        Assert.True(loss > Math.Log(27));

        var vectorised = Notebook.CellContaining("var loss = -probs[torch.arange(5), ys]");
        Assert.Equal(loss, vectorised.FindNumber(@"^vectorised\s+([\d.]+)$"));
        Assert.Equal(loss, vectorised.FindNumber(@"^NeuralForward\.ManualNll\s+([\d.]+)$"));
        Assert.Equal(loss, vectorised.FindNumber(@"^F\.cross_entropy\s+([\d.]+)$"));
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
        Assert.Equal((-1.0, -0.000181), (rows[^1].NllGradient, rows[^1].SquaredGradient));
    }
}
