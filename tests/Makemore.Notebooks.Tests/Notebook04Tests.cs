namespace Makemore.Notebooks.Tests;

/// <summary>Notebook 04, the loss: the numbers it prints, read from its executed copy.</summary>
public sealed class Notebook04Tests() : NotebookTests("04-the-loss.ipynb")
{
    [Fact]
    public void TheModelsParametersAreThe729EntriesOfP()
    {
        var cell = Notebook.CellContaining("var P = (N + 1)");
        cell.Find(@"^names\s+32033$");
        cell.Find(@"^bigrams counted, N\.sum\(\)\s+228146$");
        cell.Find(@"^P\.shape\s+\[27, 27\]$");
        cell.Find(@"^P\.dtype\s+Float32$");
        cell.Find(@"^parameters, P\.numel\(\)\s+729$");
        cell.Find(@"^row '\.' sums to\s+1\.0000$");
        cell.Find(@"^the library's model\.P equals ours\s+True$");
    }

    [Fact]
    public void ShowsEachBigramOfTheFirstThreeNamesWithItsProbabilityAndLog()
    {
        var cell = Notebook.CellContaining("words.Take(3)");
        var bigrams = Regex.Matches(cell.Text, @"^(..)\s+([\d.]+)\s+(-[\d.]+)$", RegexOptions.Multiline);
        Assert.Equal([".e", "em", "mm", "ma", "a.", ".o", "ol", "li", "iv", "vi", "ia", "a.", ".a", "av", "va", "a."],
            bigrams.Select(m => m.Groups[1].Value));
        Assert.Equal(("0.0478", "-3.0410"), (bigrams[0].Groups[2].Value, bigrams[0].Groups[3].Value));
        Assert.Equal(("0.1958", "-1.6305"), (bigrams[4].Groups[2].Value, bigrams[4].Groups[3].Value));
        Assert.All(bigrams, m => Assert.Equal(Math.Log(m.Number(2)), m.Number(3), 0.002));
        cell.Find(@"^uniform guess\s+0\.0370\s+-3\.2958$");
    }

    [Fact]
    public void TheProductOfProbabilitiesUnderflowsButTheSumOfLogsDoesNot()
    {
        var rows = Regex.Matches(Notebook.CellContaining("product *=").Text, @"^\s*(\d+)\s+(\d+)\s+(\S+)$", RegexOptions.Multiline)
            .Select(m => (Names: m.Number(1), Bigrams: m.Number(2), Product: m.Number(3)))
            .ToList();
        Assert.Equal((3.0, 16.0), (rows[1].Names, rows[1].Bigrams));
        Assert.Equal(1.3985e-17, rows[1].Product, 1e-21);
        Assert.Equal((47.0, 317.0, 0.0), rows[^1]);
        Assert.All(rows.SkipLast(1), r => Assert.True(r.Product > 0));
        Assert.All(rows.Zip(rows.Skip(1)), pair => Assert.True(pair.Second.Product < pair.First.Product));

        var logs = Notebook.CellContaining("(\"sum of the 16 logs\"");
        var sum = logs.FindNumber(@"^sum of the 16 logs\s+(-[\d.]+)$");
        Assert.Equal(-38.8086, sum);
        Assert.Equal(sum, logs.FindNumber(@"^log of the product of the 16\s+(-[\d.]+)$"));
    }

    [Fact]
    public void APredictionCostsMinusLogPAndTheCurveMarksEmmasBigrams()
    {
        var costs = Regex.Matches(Notebook.CellContaining("0 - Math.Log(p)").Text, @"^\s*([\d.]+)\s+(Infinity|[\d.]+)$", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        Assert.Equal(["1", "0.5", "0.1", "0.037", "0.01", "0.0001", "0"], costs.Keys);
        Assert.Equal(("0.0000", "0.6931", "3.2958", "Infinity"), (costs["1"], costs["0.5"], costs["0.037"], costs["0"]));

        var (html, text) = Assert.Single(Notebook.CellContaining("NllCurve.Of(marks").Charts);
        Assert.Equal("Chart: What one prediction costs, −log p, with emma's bigrams marked (interactive; picture in the HTML output)", text);
        foreach (var label in new[] { ".e", "em", "mm", "ma", "a.", "1/27, the blind guess" })
            Assert.Contains($"\"{label}\"", html);
    }

    [Fact]
    public void TheLessonsLoopPrints2Point4544WhereTheExactMeanIs2Point4546()
    {
        var loop = Notebook.CellContaining("logLikelihood.add_(logprob)");
        loop.Find(@"^bigrams n\s+228146$");
        // PyTorch 1.13's float32 running total, to the last bit, and the average it gives, printed beside ours.
        var total = ReferenceValues.Number("log likelihood, running sum");
        Assert.Equal(total, loop.FindNumber(@"^log likelihood\s+(-[\d.]+)$"));
        Assert.Equal(-total, loop.FindNumber(@"^negative log likelihood\s+([\d.]+)$"));
        Assert.Equal(ReferenceValues.Rounded("average NLL, running sum", 4), loop.FindNumber(@"^average NLL, nll / n\s+([\d.]+)$"));
        loop.Find(@"^PyTorch 1\.13, the lesson's loop .*In \[435\].*: -559951\.5625 · ours: -559951\.5625$");
        loop.Find(@"^PyTorch 1\.13, that total, negated .*: 2\.4544 · ours: 2\.4544$");

        var aside = Notebook.CellContaining("logLikelihood64 +=");
        Assert.Equal(0.0625, aside.FindNumber(@"^spacing of float32 numbers near the total\s+([\d.]+)$"));
        Assert.Equal(total, aside.FindNumber(@"^log likelihood summed in float32\s+(-[\d.]+)$"));
        Assert.Equal(2.4546, aside.FindNumber(@"^average NLL from the double sum\s+([\d.]+)$"));
        Assert.Equal(ReferenceValues.Rounded("average NLL, mean", 4), aside.FindNumber(@"^Evaluation\.Nll\s+([\d.]+)$"));
        aside.Find(@"^PyTorch 1\.13, the same model's loss as one float32 mean .*: 2\.4546 · ours: 2\.4546$");
    }

    [Fact]
    public void AndrejqHasAnInfiniteLossWithoutSmoothingAndAFiniteOneWithIt()
    {
        var cell = Notebook.CellContaining("var chs = \".andrejq.\";");
        var bigrams = Regex.Matches(cell.Text, @"^(..)\s+(\d+)\s+([\d.]+)\s+(Infinity|[\d.]+)\s+([\d.]+)\s+([\d.]+)$", RegexOptions.Multiline);
        Assert.Equal([".a", "an", "nd", "dr", "re", "ej", "jq", "q."], bigrams.Select(m => m.Groups[1].Value));
        cell.Find(@"^jq\s+0\s+0\.0000\s+Infinity\s+0\.0003\s+7\.9817$");
        var average = cell.Find(@"^average NLL\s+(Infinity)\s+([\d.]+)$");
        Assert.Equal(3.4834, average.Number(2));
        Assert.Equal(bigrams.Average(m => m.Number(6)), average.Number(2), 0.0001);
    }

    [Fact]
    public void MoreSmoothingRaisesTheLossOnTheNamesTowardsTheUniformGuess()
    {
        var cell = Notebook.CellContaining("double[] strengths");
        var rows = Regex.Matches(cell.Text, @"^([\d.]+)\s+([\d.]+)\s+(Infinity|[\d.]+)$", RegexOptions.Multiline)
            .Select(m => (K: m.Number(1), Names: m.Number(2), Andrejq: m.Groups[3].Value))
            .ToList();
        Assert.Equal([0, 0.01, 0.1, 1, 10, 100, 1000, 10000, 100000], rows.Select(r => r.K));
        Assert.Equal((2.4540, "Infinity"), (rows[0].Names, rows[0].Andrejq));
        Assert.Equal((2.4546, "3.4834"), (rows[3].Names, rows[3].Andrejq));
        Assert.All(rows.Zip(rows.Skip(1)), pair => Assert.True(pair.First.Names <= pair.Second.Names));
        // andrejq's loss falls to its lowest at k = 1000, then rises towards the uniform guess.
        Assert.Equal(1000, rows.MinBy(r => OutputNumbers.Parse(r.Andrejq)).K);
        Assert.InRange(rows[^1].Names, 3.2, Math.Log(27));
        cell.Find(@"^uniform\s+3\.2958\s+3\.2958$");
    }

    [Fact]
    public void TheSmoothingChartIsAPlotlyChartWithCleanLogTicks()
    {
        var (html, text) = Assert.Single(Notebook.CellContaining("Chart.Combine").Charts);
        Assert.Equal("Chart: The loss against the smoothing strength (interactive; picture in the HTML output)", text);
        Assert.Contains("andrejq", html);
        Assert.Contains("\"type\":\"log\"", html);
        Assert.Contains("\"tickmode\":\"array\"", html);
        Assert.Contains("\"ticktext\":[\"0.01\",\"0.1\",\"1\",\"10\",\"100\",\"1000\",\"10000\",\"100000\"]", html);
    }

    [Fact]
    public void PerplexityAndBitsPerCharacterOfTheGuessTheModelAndTheRawCounts()
    {
        var cell = Notebook.CellContaining("Math.Exp(value)");
        var rows = Regex.Matches(cell.Text, @"^(.+?)\s{2,}([\d.]+)\s+([\d.]+)\s+([\d.]+)$", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value.Trim(), m => (Nll: m.Number(2), Perplexity: m.Number(3), Bits: m.Number(4)));
        Assert.Equal(["uniform guess", "counting model, k = 1", "raw counts, k = 0"], rows.Keys);
        Assert.Equal((3.2958, 27.00, 4.755), rows["uniform guess"]);
        Assert.Equal((2.4546, 11.64, 3.541), rows["counting model, k = 1"]);
        Assert.Equal((2.4540, 11.63, 3.540), rows["raw counts, k = 0"]);
        Assert.All(rows.Values, r =>
        {
            Assert.Equal(Math.Exp(r.Nll), r.Perplexity, 0.01);
            Assert.Equal(r.Nll / Math.Log(2), r.Bits, 0.001);
        });
    }

    [Fact]
    public void TheLossIsACrossEntropyWhoseFloorIsTheConditionalEntropy()
    {
        var crossEntropy = Notebook.CellContaining("-(N * P.log())");
        Assert.Equal(2.4546, crossEntropy.FindNumber(@"^-sum\(N \* log P\) / n\s+([\d.]+)$"));
        Assert.Equal(2.4546, crossEntropy.FindNumber(@"^Evaluation\.Nll\s+([\d.]+)$"));

        var entropy = Notebook.CellContaining("conditionalEntropy =");
        var floor = entropy.FindNumber(@"^any symbol: H\(next \| previous\)\s+([\d.]+)\s+228,146$");
        Assert.Equal(2.4540, floor);
        Assert.Equal(floor, entropy.FindNumber(@"^loss of the raw counts, k = 0\s+([\d.]+)$"));
        var rows = Regex.Matches(entropy.Text, @"^'(.)'\s+([\d.]+)\s+([\d,]+)$", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value, m => (Entropy: m.Number(2), Bigrams: m.Number(3)));
        Assert.Equal([".", "a", "q"], rows.Keys);
        Assert.Equal(32033, rows["."].Bigrams);
        Assert.True(rows["q"].Entropy < rows["a"].Entropy && rows["a"].Entropy < rows["."].Entropy);
    }
}
