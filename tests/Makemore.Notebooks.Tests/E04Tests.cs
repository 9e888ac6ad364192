namespace Makemore.Notebooks.Tests;

/// <summary>E04: W[xs] instead of one_hot(xs) @ W. Checks the printed results, never the timings.</summary>
public sealed class E04Tests() : NotebookTests("E04-indexing-instead-of-one-hot-solution.ipynb")
{
    [Fact]
    public void TheLogitsAndTheLossAreIdentical()
    {
        Assert.Equal(228_146, Notebook.Find(@"examples: ([\d,]+)").Number(1));
        Assert.Equal(0, Notebook.FindNumber(@"max \|logits difference\| = (\S+)"));
        var oneHot = Notebook.FindNumber(@"loss \(one-hot, float32\):\s+(\S+)");
        var indexed = Notebook.FindNumber(@"loss \(indexing, float32\):\s+(\S+)");
        Assert.Equal(ReferenceValues.Number("training loss, step 1"), oneHot, 6); // the lesson's first loss, PyTorch 1.13
        Assert.Equal(oneHot, indexed);
        var lossDifference = Notebook.Find(@"^\|loss difference\|\s+(\S+)\s+(\S+)");
        Assert.True(lossDifference.Number(1) < 1e-5);
        Assert.True(lossDifference.Number(2) < 1e-5);
    }

    [Fact]
    public void TheGradientsAgreeInFloat64AndDifferOnlyByIndexingsFloat32Accumulation()
    {
        var gradient = Notebook.Find(@"^max \|gradient difference\|\s+(\S+)\s+(\S+)");
        Assert.True(gradient.Number(2) < 1e-12, $"float64: {gradient.Groups[2].Value}");
        // Float32: about 1e-5 (it varies between runs, the accumulation is threaded), from indexing's backward pass.
        Assert.InRange(gradient.Number(1), 1e-7, 1e-4);
        Assert.True(Notebook.FindNumber(@"^one-hot gradient vs exact\s+(\S+)") < 1e-6);
        Assert.InRange(Notebook.FindNumber(@"^indexing gradient vs exact\s+(\S+)"), 1e-7, 1e-4);
        var rows = Notebook.Find(@"examples per row of W: ([\d,]+) to ([\d,]+) \(row 'a'\)");
        Assert.Equal(272, rows.Number(1));
        Assert.Equal(33_885, rows.Number(2));
    }

    [Fact]
    public void TheLibrarysFunctionsGiveTheSameLogits()
    {
        Assert.Equal("True", Notebook.Find(@"OneHotLogits equals one_hot\(xs\) @ W: (\w+)").Groups[1].Value);
        Assert.Equal("True", Notebook.Find(@"IndexedLogits equals W\[xs\]: (\w+)").Groups[1].Value);
    }

    [Fact]
    public void TrainingWithRowIndexingFollowsTheOneHotLoopsLosses()
    {
        var cell = Notebook.CellContaining("TrainFromSeed(w => w[xs]");
        // Rows: step, loss one-hot, loss W[xs], |difference|, NLL W[xs], perplexity exp(NLL).
        var rows = System.Text.RegularExpressions.Regex.Matches(cell.Text, @"^ *(\d+) +(\S+) +(\S+) +(\S+) +(\S+) +(\S+)$",
            System.Text.RegularExpressions.RegexOptions.Multiline).ToArray();
        Assert.Equal(new[] { 1, 2, 3, 5, 10, 15, 20 }, rows.Select(r => (int)r.Number(1)));
        foreach (var row in rows)
        {
            var (oneHot, indexed) = (row.Number(2), row.Number(3));
            Assert.True(Math.Abs(oneHot - indexed) < 1e-4, $"step {row.Groups[1].Value}: {oneHot} against {indexed}");
            Assert.InRange(Math.Abs(Math.Abs(oneHot - indexed) - row.Number(4)), 0, 2e-6); // from unrounded losses
            Assert.InRange(Math.Abs(Math.Exp(row.Number(5)) - row.Number(6)), 0, 0.01);
            Assert.InRange(indexed - row.Number(5), 0, 0.02); // the regularisation term is small and positive
        }
        var first = ReferenceValues.Rounded("training loss, step 1", 6); // the lesson's first loss, PyTorch 1.13
        Assert.Equal((first, first), (rows[0].Number(2), rows[0].Number(3)));
        Assert.Equal(2.5887, rows[^1].Number(3), 4);

        // Float32 rounding of indexing's gradient shows in the last digits; in float64 the runs are the same.
        var float32 = cell.Find(@"^float32: largest \|loss difference\| over 20 steps (\S+), max \|W difference\| after them (\S+)");
        Assert.InRange(float32.Number(1), 1e-7, 5e-5); // the prose: a few units in the fifth decimal at most
        Assert.True(rows[^1].Number(4) < float32.Number(1), "the prose: the gap has shrunk by step 20");
        Assert.InRange(float32.Number(2), 1e-6, 1e-2);
        var float64 = cell.Find(@"^float64: largest \|loss difference\| over 5 steps (\S+), max \|W difference\| after them (\S+)");
        Assert.InRange(float64.Number(1), 0, 4.45e-16); // the prose: within one float64 rounding step of losses between 2 and 4
        Assert.True(float64.Number(2) < 1e-10, $"float64 W difference {float64.Groups[2].Value}");
        var exact = cell.Find(@"float64 one-hot run: float32 W\[xs\] run (\S+), float32 one-hot run (\S+)");
        Assert.True(exact.Number(1) > exact.Number(2), "the prose says the W[xs] run is the one that drifts");
    }

    [Fact]
    public void ItReportsTheCostOfTheOneHotMatrixAndTimesBothWays()
    {
        Assert.Equal(24.6, Notebook.FindNumber(@"one-hot matrix: [\d,]+ × 27 float32 = (\S+) MB"));
        var work = Notebook.Find(@"multiply-adds in one_hot\(xs\) @ W: ([\d,]+); numbers copied by W\[xs\]: ([\d,]+)");
        Assert.Equal(228_146.0 * 27 * 27, work.Number(1));
        Assert.Equal(228_146.0 * 27, work.Number(2));
        // Timings vary: only that both were measured.
        Assert.All(new[] { @"^⏱ logits only\s+(\S+) ms", @"^⏱ training step\s+(\S+) ms" },
            pattern => Assert.True(Notebook.FindNumber(pattern) > 0));
    }
}
