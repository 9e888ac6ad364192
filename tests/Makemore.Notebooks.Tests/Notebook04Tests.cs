namespace Makemore.Notebooks.Tests;

/// <summary>Notebook 04, the loss: the numbers it prints, read from its executed copy.</summary>
public sealed class Notebook04Tests() : NotebookTests("04-the-loss.ipynb")
{
    [Fact]
    public void ShowsEachBigramOfTheFirstThreeNamesWithItsProbabilityAndLog()
    {
        var cell = Notebook.CellContaining("words.Take(3)");
        var bigrams = Regex.Matches(cell.Text, @"^(..)   p = ([\d.]+)   log p = (-[\d.]+)$", RegexOptions.Multiline);
        Assert.Equal([".e", "em", "mm", "ma", "a.", ".o", "ol", "li", "iv", "vi", "ia", "a.", ".a", "av", "va", "a."],
            bigrams.Select(m => m.Groups[1].Value).Take(16));
        Assert.Equal(("0.0478", "-3.0410"), (bigrams[0].Groups[2].Value, bigrams[0].Groups[3].Value));
        Assert.Equal(("0.1958", "-1.6305"), (bigrams[4].Groups[2].Value, bigrams[4].Groups[3].Value));
    }

    [Fact]
    public void TheProductOfProbabilitiesUnderflowsButTheSumOfLogsDoesNot()
    {
        Assert.Equal(0, Notebook.FindNumber(@"after \d+ bigrams \(the first \d+ names\) the product is (\S+)"));
        var sum = Notebook.FindNumber(@"sum of the 16 logs:\s+(-[\d.]+)");
        Assert.Equal(sum, Notebook.FindNumber(@"log of the product:\s+(-[\d.]+)"));
    }

    [Fact]
    public void TheLessonsLoopPrints2Point4544WhereTheExactMeanIs2Point4546()
    {
        Notebook.Find(@"bigrams n = 228,146");
        // PyTorch 1.13's float32 running total, to the last bit, and the average it gives.
        Assert.Equal(ReferenceValues.Number("log likelihood, running sum"), Notebook.FindNumber(@"^log likelihood = (-[\d.]+)"));
        Assert.Equal(ReferenceValues.Rounded("average NLL, running sum", 4), Notebook.FindNumber(@"average negative log likelihood = ([\d.]+)"));
        Assert.Equal(0.0625, Notebook.FindNumber(@"spacing of float32 numbers near the total: ([\d.]+)"));
        Assert.Equal(2.4546, Notebook.FindNumber(@"average NLL from the double sum:\s+([\d.]+)"));
        Notebook.Find(@"the library's P equals ours: True");
        Assert.Equal(2.4546, Notebook.FindNumber(@"Evaluation.Nll: ([\d.]+)"));
    }

    [Fact]
    public void AndrejqHasAnInfiniteLossWithoutSmoothingAndAFiniteOneWithIt()
    {
        Notebook.Find(@"N\[j, q\] = 0");
        Notebook.Find(@"jq   no smoothing: p = 0.0000  log p = -Infinity");
        Notebook.Find(@"average NLL of andrejq without smoothing: Infinity");
        Assert.Equal(3.4834, Notebook.FindNumber(@"average NLL of andrejq with add-one smoothing: ([\d.]+)"));
    }

    [Fact]
    public void MoreSmoothingRaisesTheLossOnTheNamesTowardsTheUniformGuess()
    {
        var cell = Notebook.CellContaining("double[] strengths");
        var rows = Regex.Matches(cell.Text, @"^\s*([\d.]+)\s+([\d.]+)\s+(Infinity|[\d.]+)$", RegexOptions.Multiline)
            .Select(m => (K: m.Number(1), Names: m.Number(2), Andrejq: m.Groups[3].Value))
            .ToList();
        Assert.Equal([0, 0.01, 0.1, 1, 10, 100, 1000, 10000, 100000], rows.Select(r => r.K));
        Assert.Equal((2.4540, "Infinity"), (rows[0].Names, rows[0].Andrejq));
        Assert.Equal((2.4546, "3.4834"), (rows[3].Names, rows[3].Andrejq));
        Assert.All(rows.Zip(rows.Skip(1)), pair => Assert.True(pair.First.Names <= pair.Second.Names));
        Assert.InRange(rows[^1].Names, 3.2, Math.Log(27));
        cell.Find(@"uniform\s+3.2958\s+3.2958");
    }

    [Fact]
    public void TheModelsParametersAreThe729EntriesOfP()
    {
        Notebook.Find(@"^P: 27×27 Float32, 729 parameters; row '\.' sums to 1\.0000$");
    }

    [Fact]
    public void TheLossIsACrossEntropyWhoseFloorIsTheConditionalEntropy()
    {
        var crossEntropy = Notebook.CellContaining("-(N * P.log())");
        Assert.Equal(2.4546, crossEntropy.FindNumber(@"-sum\(N \* log P\) / n = ([\d.]+)"));
        Assert.Equal(2.4546, crossEntropy.FindNumber(@"Evaluation.Nll:\s+([\d.]+)"));

        var entropy = Notebook.CellContaining("conditionalEntropy =");
        var floor = entropy.FindNumber(@"H\(next \| previous\) = ([\d.]+) nats");
        Assert.Equal(2.4540, floor);
        Assert.Equal(floor, entropy.FindNumber(@"loss of the unsmoothed model \(k = 0\) in the table: ([\d.]+)"));
        var rows = Regex.Matches(entropy.Text, @"entropy of the symbol after '(.)': ([\d.]+) nats")
            .ToDictionary(m => m.Groups[1].Value, m => m.Number(2));
        Assert.Equal([".", "a", "q"], rows.Keys);
        Assert.True(rows["q"] < rows["a"] && rows["a"] < rows["."]);
    }

    [Fact]
    public void PerplexityAndBitsPerCharacterOfTheGuessTheModelAndTheFloor()
    {
        var cell = Notebook.CellContaining("Math.Exp(value)");
        var rows = Regex.Matches(cell.Text, @"^(.+?)\s{2,}([\d.]+)\s+([\d.]+)\s+([\d.]+)$", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value.Trim(), m => (Nll: m.Number(2), Perplexity: m.Number(3), Bits: m.Number(4)));
        Assert.Equal(["uniform guess", "counting model, k = 1", "the floor, k = 0"], rows.Keys);
        Assert.Equal((3.2958, 27.00, 4.755), rows["uniform guess"]);
        Assert.Equal((2.4546, 11.64, 3.541), rows["counting model, k = 1"]);
        Assert.Equal((2.4540, 11.63, 3.540), rows["the floor, k = 0"]);
        Assert.All(rows.Values, r =>
        {
            Assert.Equal(Math.Exp(r.Nll), r.Perplexity, 0.01);
            Assert.Equal(r.Nll / Math.Log(2), r.Bits, 0.001);
        });
    }

    [Fact]
    public void TheSmoothingChartIsAPlotlyChart()
    {
        var cell = Notebook.CellContaining("Chart.Combine");
        var html = Assert.Single(cell.Html);
        Assert.Contains("Plotly.newPlot", html);
        Assert.Contains("andrejq", html);
        Assert.Contains("\"type\":\"log\"", html);
    }
}
