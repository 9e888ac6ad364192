namespace Makemore.Notebooks.Tests;

/// <summary>E06: bigram training from the count table, and the n-gram order sweep. Never checks timings.</summary>
public sealed class E06Tests() : NotebookTests("E06-our-own-exercise-solution.ipynb")
{
    [Fact]
    public void TheCountsGiveTheFullBatchLossAndGradient()
    {
        var table = Notebook.Find(@"total ([\d,]+), non-zero cells (\d+)");
        Assert.Equal(228_146, table.Number(1));
        Assert.Equal(627, table.Number(2));
        var cell = Notebook.CellContaining("WithAutograd(CountLoss, float32)");
        // Columns: loss, |loss - exact|, max |gradient - exact|; exact = float64 on all examples.
        foreach (var name in new[] { "full batch, float32", "counts, float32", "counts, formula, float32", "counts, float64" })
        {
            var row = cell.Find($@"^{System.Text.RegularExpressions.Regex.Escape(name)} +(\S+) +(\S+) +(\S+)$");
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
        // The first and last loss of the lesson's loop in PyTorch 1.13.
        var lessons = (ReferenceValues.Rounded("training loss, step 1", 4), ReferenceValues.Rounded("training loss, step 100", 4));
        var counts = Notebook.Find(@"from the counts: loss (\S+) at step 1, (\S+) at step 100");
        Assert.Equal(lessons, (counts.Number(1), counts.Number(2)));
        var fullBatch = Notebook.Find(@"full batch: loss (\S+) at step 1, (\S+) at step 10; counts at step 10: (\S+)");
        Assert.Equal(lessons.Item1, fullBatch.Number(1));
        Assert.Equal(fullBatch.Number(3), fullBatch.Number(2), 3);
        Assert.True(Notebook.FindNumber(@"largest \|loss difference\| over the 10 steps: (\S+)") < 1e-4);
        Assert.True(Notebook.FindNumber(@"max \|W difference\| after 10 steps: (\S+)") < 1e-2);

        Assert.Equal(627, Notebook.FindNumber(@"weighted examples: (\d+) \(for 228,146 examples\)"));
        var library = Notebook.Find(@"library count trainer: loss (\S+) at step 1, (\S+) at step 100");
        Assert.Equal(lessons, (library.Number(1), library.Number(2)));
        Assert.True(Notebook.FindNumber(@"largest \|loss difference\| from our loop over 100 steps: (\S+)") < 1e-5);
        Assert.True(Notebook.FindNumber(@"max \|W difference\| after 100 steps: (\S+)") < 1e-4);
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
        Assert.Equal("25,626 train, 3,203 dev, 3,204 test words", Notebook.Find(@"^[\d,]+ train, [\d,]+ dev, [\d,]+ test words").Value);
        var sweep = Notebook.CellContaining("Sweep.Smoothing(");
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
        var sweep = Notebook.CellContaining("Sweep.Smoothing(");
        var dev = Enumerable.Range(1, 5).Select(n => sweep.Find($@"^ *{n} +\S+ +\S+ +(\S+)").Number(1)).ToArray();
        Assert.Equal(4, Array.IndexOf(dev, dev.Min()) + 1);
        Assert.Equal(dev[4] - dev[3], sweep.Find(@"^ *5 +\S+ +\S+ +\S+ +\S+ +(\S+)").Number(1), 3);
        foreach (var chart in new[] { "var lossByOrder", "var devBySmoothing" })
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
        var sparsity = Notebook.CellContaining("NGramCounts.Of(split.Train");
        var row = sparsity.Find($@"^ *{order} +([\d,]+) +([\d,]+) +([\d,.]+) +(\S+) % +(\S+) % +([\d,]+) +(\S+) MB");
        Assert.Equal(Math.Pow(27, order - 1), row.Number(1));
        Assert.Equal(seenContexts, row.Number(2));
        Assert.Equal((unseenContextPercent, unseenNGramPercent), (row.Number(4), row.Number(5)));
        Assert.Equal(Math.Pow(27, order), row.Number(6));
    }
}
