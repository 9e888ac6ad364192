namespace Makemore.Notebooks.Tests;

/// <summary>E06: bigram training from the count table, and the n-gram order sweep. Never checks timings.</summary>
public sealed class E06Tests() : NotebookTests("E06-our-own-exercise-solution.ipynb")
{
    [Fact]
    public void TheCountsGiveTheFullBatchLossAndGradient()
    {
        Assert.Equal(228_146, Notebook.FindNumber(@"^total\s+(\d+)$"));
        Assert.Equal(627, Notebook.FindNumber(@"^non-zero cells\s+(\d+)$"));
        Assert.Equal(33_885, Notebook.FindNumber(@"^largest row total\s+(\d+)$"));
        Assert.Equal(228_146, Notebook.FindNumber(@"^examples\s+(\d+)$"));
        var cell = Notebook.CellContaining("WithAutograd(CountLoss, float32)");
        // Columns: loss, |loss - exact|, max |gradient - exact|; exact = float64 on all examples.
        foreach (var name in new[] { "full batch, float32", "counts, float32", "counts, formula, float32", "counts, float64" })
        {
            var row = cell.Find($@"^{Regex.Escape(name)} +(\S+) +(\S+) +(\S+)$");
            Assert.Equal(ReferenceValues.Number("training loss, step 1"), row.Number(1), 6);
            Assert.True(row.Number(2) < 1e-5, $"{name}: |loss - exact| = {row.Groups[2].Value}");
            var gradient = row.Number(3);
            if (name == "full batch, float32")
                Assert.InRange(gradient, 1e-7, 1e-4); // summing 228,146 terms in float32: about 1.1e-5
            else
                Assert.True(gradient < (name == "counts, float64" ? 1e-12 : 1e-6), $"{name}: max |gradient - exact| = {gradient}");
        }
        var direct = cell.Find(@"counts vs full batch: \|loss difference\| (\S+), max \|gradient difference\| (\S+)");
        Assert.True(direct.Number(1) < 1e-5);
        Assert.InRange(direct.Number(2), 1e-7, 1e-4);
    }

    [Fact]
    public void TrainingFromTheCountsTakesTheLessonsSteps()
    {
        // The first and last loss of the lesson's loop in PyTorch 1.13, printed beside ours.
        var lessons = (ReferenceValues.Rounded("training loss, step 1", 4), ReferenceValues.Rounded("training loss, step 100", 4));
        var first = Notebook.Find(@"step 1 \(tests/reference/lesson_reference\.py\): (\S+) · ours from the counts: (\S+)$");
        var last = Notebook.Find(@"step 100, its last \(tests/reference/lesson_reference\.py\): (\S+) · ours from the counts: (\S+)$");
        Assert.Equal(lessons, (first.Number(1), last.Number(1)));
        Assert.Equal(lessons, (first.Number(2), last.Number(2)));
        Assert.Equal(lessons.Item1, Notebook.FindNumber(@"^full batch: loss at step 1\s+(\S+)$"));
        Assert.Equal(Notebook.FindNumber(@"^counts: loss at step 10\s+(\S+)$"), Notebook.FindNumber(@"^full batch: loss at step 10\s+(\S+)$"), 3);
        Assert.True(Notebook.FindNumber(@"^largest \|loss difference\| over the 10 steps\s+(\S+)$") < 1e-4);
        Assert.True(Notebook.FindNumber(@"^max \|W difference\| after 10 steps\s+(\S+)$") < 1e-2);

        Assert.Equal(627, Notebook.FindNumber(@"^distinct bigrams\s+(\d+)$"));
        Assert.Equal(228_146, Notebook.FindNumber(@"^examples they stand for\s+(\d+)$"));
        Assert.Equal(lessons, (Notebook.FindNumber(@"^library count trainer: loss at step 1\s+(\S+)$"), Notebook.FindNumber(@"^loss at step 100\s+(\S+)$")));
        Assert.True(Notebook.FindNumber(@"^largest \|loss difference\| from our loop\s+(\S+)$") < 1e-5);
        Assert.True(Notebook.FindNumber(@"^max \|W difference\| after 100 steps\s+(\S+)$") < 1e-4);
        Assert.True(Notebook.FindNumber(@"^⏱ full batch:\s+(\S+) ms per step") > 0);
        Assert.True(Notebook.FindNumber(@"^⏱ counts:\s+(\S+) ms per step") > 0);
    }

    /// <summary>
    /// Each order's best smoothing and losses: what Sweep.Smoothing returns for DataSplit.Of(names.txt) (seed 42) and
    /// k = Sweep.LogSpaced(0.01, 10, 7), computed with the library in a separate process.
    /// </summary>
    [Theory]
    [InlineData(1, 10, 2.8245, 2.8203)]
    [InlineData(2, 0.32, 2.4537, 2.4645)]
    [InlineData(3, 0.1, 2.1855, 2.2338)]
    [InlineData(4, 0.1, 1.9158, 2.1139)]
    [InlineData(5, 0.1, 1.7515, 2.1566)]
    public void TheOrderSweepTableIsTheLibrarysSweep(int order, double bestK, double train, double dev)
    {
        Assert.Equal("25,626 train, 3,203 dev, 3,204 test words", Notebook.Find(@"^split\s+(.+)$").Groups[1].Value);
        var sweep = Notebook.CellContaining("byOrder.AddRow");
        var row = sweep.Find($@"^ *{order} +(\S+) +(\S+) +(\S+) +(\S+)");
        Assert.Equal((bestK, train, dev), (row.Number(1), row.Number(2), row.Number(3)));
        Assert.Equal(dev - train, row.Number(4), 3);
        // The last two columns: the best dev NLL as perplexity and as bits per character.
        var scales = sweep.Find($@"^ *{order} .* (\S+) +(\S+)$");
        Assert.InRange(Math.Abs(Math.Exp(dev) - scales.Number(1)), 0, 0.01);
        Assert.InRange(Math.Abs(dev / Math.Log(2) - scales.Number(2)), 0, 0.001);
    }

    [Fact]
    public void CountingStopsPayingOffAfterOrderFour()
    {
        var sweep = Notebook.CellContaining("byOrder.AddRow");
        var dev = Enumerable.Range(1, 5).Select(n => sweep.Find($@"^ *{n} +\S+ +\S+ +(\S+)").Number(1)).ToArray();
        Assert.Equal(4, Array.IndexOf(dev, dev.Min()) + 1);
        Assert.Equal(dev[4] - dev[3], sweep.Find(@"^ *5 +\S+ +\S+ +\S+ +\S+ +(\S+)").Number(1), 3);
        foreach (var chart in new[] { "var lossByOrder", "var devBySmoothing", "var devByModel" })
            Assert.Contains(Notebook.CellContaining(chart).Html, html => html.Contains("plotly", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void TheBigramColumnStartsWithTheLessonsSamples()
    {
        var lines = Notebook.CellContaining("LessonSampler.Sample(model, generator, SampleCount)").Stdout.Split('\n');
        var header = Array.FindIndex(lines, l => l.StartsWith("n = 1 (k 10)", StringComparison.Ordinal));
        Assert.Equal("n = 1 (k 10)    n = 2 (k 0.32)  n = 3 (k 0.1)   n = 4 (k 0.1)   n = 5 (k 0.1)", lines[header].TrimEnd());
        var rows = lines.Skip(header + 1).Take(12).ToArray();
        Assert.All(rows, r => Assert.Equal(5 * 16, r.TrimEnd('\r').Length));
        // The same seed and nearly the lesson's bigram probabilities: the lesson's first five words (PyTorch 1.13's).
        Assert.Equal(ReferenceValues.Texts("names, add-one smoothing").Select(n => n.TrimEnd('.')), rows.Take(5).Select(r => r.Substring(16, 16).Trim()));
        Assert.Contains(rows, r => r[..16].Trim() == "(empty)"); // order 1 draws the end marker first now and then
        Assert.Contains(rows, r => r[64..].Contains('*')); // order 5 copies training words
    }

    /// <summary>Of 1,000 sampled words per order: training words, average length, words using an unseen n-gram or context.</summary>
    [Theory]
    [InlineData(1, 19, 6.72, 0, 0)]
    [InlineData(2, 88, 6.39, 1, 0)]
    [InlineData(3, 168, 6.39, 31, 11)]
    [InlineData(4, 228, 7.81, 250, 178)]
    [InlineData(5, 261, 16.43, 571, 517)]
    public void HigherOrdersCopyMoreAndWanderIntoUnseenContexts(int order, int copied, double length, int unseenNGram, int unseenContext)
    {
        var cell = Notebook.CellContaining("LessonSampler.Sample(model, generator, SampleCount)");
        var row = cell.Find($@"^ *{order} +([\d,]+) +([\d,]+) +(\S+) +([\d,]+) +([\d,]+)$");
        Assert.Equal((copied, length, unseenNGram, unseenContext), ((int)row.Number(1), row.Number(3), (int)row.Number(4), (int)row.Number(5)));
        Assert.InRange(row.Number(1) + row.Number(2), 0, 1000); // new distinct words and copies are among the 1,000
        Assert.Equal(6.13, cell.FindNumber(@"training words: average length ([\d.]+)"));
    }

    /// <summary>Contexts seen in training and the shares of dev examples with an unseen context or n-gram, per order.</summary>
    [Theory]
    [InlineData(1, 1, 0.00, 0.00)]
    [InlineData(2, 27, 0.00, 0.03)]
    [InlineData(3, 595, 0.03, 0.64)]
    [InlineData(4, 5_466, 0.61, 5.07)]
    [InlineData(5, 20_261, 4.57, 13.85)]
    public void SparsityGrowsWithTheOrder(int order, int seenContexts, double unseenContextPercent, double unseenNGramPercent)
    {
        var sparsity = Notebook.CellContaining("sparsity.AddRow");
        var row = sparsity.Find($@"^ *{order} +([\d,]+) +([\d,]+) +([\d,.]+) +(\S+) % +(\S+) % +([\d,]+) +(\S+)$");
        Assert.Equal(Math.Pow(27, order - 1), row.Number(1));
        Assert.Equal(seenContexts, row.Number(2));
        Assert.Equal((unseenContextPercent, unseenNGramPercent), (row.Number(4), row.Number(5)));
        Assert.Equal(Math.Pow(27, order), row.Number(6));
    }

    /// <summary>
    /// Kneser–Ney, add-k at the k the sweep chose, and the net after 300 steps, by order on the seed-42 split: the dev NLL
    /// of each, as KneserNeyModel, Sweep.Smoothing and NeuralNGram.Train give them (the Kneser–Ney and add-k numbers are
    /// those the library's author measured; the net's are this notebook's training).
    /// </summary>
    [Theory]
    [InlineData(1, 2.8203, 2.8203, null)]
    [InlineData(2, 2.4645, 2.4649, 2.4719)]
    [InlineData(3, 2.2338, 2.2295, 2.3635)]
    [InlineData(4, 2.1139, 2.0692, 2.3106)]
    [InlineData(5, 2.1566, 1.9919, 2.3038)]
    public void KneserNeyAddKAndTheNetSideBySide(int order, double addK, double kneserNey, double? net)
    {
        var table = Notebook.CellContaining("sideBySide.AddRow");
        var row = table.Find(net is null ? $@"^ *{order} +\S+ +(\S+) +(\S+) +(\S+) +(\S+)$" : $@"^ *{order} +\S+ +(\S+) +(\S+) +(\S+) +(\S+) +(\S+) +(\S+)$");
        Assert.Equal((addK, kneserNey), (row.Number(1), row.Number(3)));
        Assert.InRange(Math.Abs(Math.Exp(addK) - row.Number(2)), 0, 0.01);
        Assert.InRange(Math.Abs(Math.Exp(kneserNey) - row.Number(4)), 0, 0.01);
        if (net is { } loss)
        {
            Assert.Equal(loss, row.Number(5));
            Assert.InRange(Math.Abs(Math.Exp(loss) - row.Number(6)), 0, 0.01);
        }
        if (order >= 3) Assert.True(kneserNey < addK && kneserNey < net, "the prose: Kneser–Ney is the best from order 3 on");
    }

    [Fact]
    public void TheNetsAreStillLearningAndTheirTrainingIsTimed()
    {
        var cell = Notebook.CellContaining("netTraining.AddRow");
        Assert.True(cell.FindNumber(@"^⏱ 4 nets, 300 steps each: (\S+) s$") > 0);
        Assert.Equal(0.0291, cell.FindNumber(@"^ *5 +12\.5 +\S+ +\S+ +(\S+)$"));
        foreach (var order in new[] { 2, 3, 4, 5 })
            Assert.True(cell.FindNumber($@"^ *{order} +\S+ +\S+ +\S+ +(\S+)$") > 0, $"order {order}'s net still improves");
    }

    /// <summary>Of each model's 1,000 words (the lesson's sampler, seed 2147483647): training words and average length.</summary>
    [Theory]
    [InlineData(3, "add-k", 168, 6.39)]
    [InlineData(3, "Kneser–Ney", 166, 6.26)]
    [InlineData(3, "net", 128, 6.35)]
    [InlineData(5, "add-k", 261, 16.43)]
    [InlineData(5, "Kneser–Ney", 325, 6.36)]
    [InlineData(5, "net", 86, 6.22)]
    public void WordsSampledFromEachModel(int order, string model, int copied, double length)
    {
        var row = Notebook.CellContaining("samples.AddRow").Find($@"^ *{order} +{Regex.Escape(model)} +(\d+) +(\S+) +(.+)$");
        Assert.Equal((copied, length), ((int)row.Number(1), row.Number(2)));
        Assert.Equal(4, row.Groups[3].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
