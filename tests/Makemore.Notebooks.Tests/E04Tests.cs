namespace Makemore.Notebooks.Tests;

/// <summary>E04: W[xs] instead of one_hot(xs) @ W. Checks the printed results, never the timings.</summary>
public sealed class E04Tests() : NotebookTests("E04-indexing-instead-of-one-hot-solution.ipynb")
{
    [Fact]
    public void TheLogitsAndTheLossAreIdentical()
    {
        Assert.Equal(228_146, Notebook.FindNumber(@"^examples\s+(\d+)$"));
        Assert.Equal("Float32", Notebook.Find(@"^dtype\s+(\w+)$").Groups[1].Value);
        Assert.Equal("True", Notebook.Find(@"^every row sums to 1\s+(\w+)$").Groups[1].Value);
        Assert.Equal(0, Notebook.FindNumber(@"^max \|logits difference\|\s+(\S+)$"));
        // The lesson's first loss, PyTorch 1.13, printed beside ours both ways.
        var reference = ReferenceValues.Rounded("training loss, step 1", 6);
        var indexed = Notebook.Find(@"step 1 \(tests/reference/lesson_reference\.py\): (\S+) · ours with W\[xs\]: (\S+)$");
        var oneHot = Notebook.Find(@"step 1 \(tests/reference/lesson_reference\.py\): (\S+) · ours with one_hot\(xs\) @ W: (\S+)$");
        Assert.Equal((reference, reference), (indexed.Number(1), indexed.Number(2)));
        Assert.Equal(reference, oneHot.Number(2));
    }

    [Fact]
    public void TheGradientsAgreeInFloat64AndDifferOnlyByIndexingsFloat32Accumulation()
    {
        var cell = Notebook.CellContaining("LossAndGradient(ViaIndexing, float32)");
        Assert.Equal(0.0317, cell.FindNumber(@"largest \|gradient entry\|: (\S+)"));
        var losses = cell.Find(@"^\|loss difference\|\s+(\S+)\s+(\S+)$");
        Assert.True(losses.Number(1) < 1e-5 && losses.Number(2) < 1e-5);
        var gradient = cell.Find(@"^max \|gradient difference\|\s+(\S+)\s+(\S+)$");
        Assert.True(gradient.Number(2) < 1e-12, $"float64: {gradient.Groups[2].Value}");
        Assert.InRange(gradient.Number(1), 1e-7, 1e-4); // about 1e-5, from indexing's backward pass
        Assert.True(cell.FindNumber(@"^one-hot gradient vs exact\s+(\S+)$") < 1e-6);
        Assert.InRange(cell.FindNumber(@"^indexing gradient vs exact\s+(\S+)$"), 1e-7, 1e-4);
        Assert.Equal(272, Notebook.FindNumber(@"^fewest examples in a row of W\s+(\d+)$"));
        Assert.Equal(33_885, Notebook.FindNumber(@"^most examples in a row of W\s+(\d+)$"));
        Assert.Equal("a", Notebook.Find(@"^the busiest row\s+(\S+)$").Groups[1].Value);
        Assert.Equal("a", Notebook.Find(@"^row of indexing's largest gradient error\s+(\S+)$").Groups[1].Value);
        Assert.Equal(33_885, Notebook.FindNumber(@"^contributions that row adds up\s+(\d+)$"));
    }

    [Fact]
    public void TheLibrarysFunctionsGiveTheSameLogits()
    {
        Assert.Equal("True", Notebook.Find(@"^OneHotLogits equals one_hot\(xs\) @ W\s+(\w+)$").Groups[1].Value);
        Assert.Equal("True", Notebook.Find(@"^IndexedLogits equals W\[xs\]\s+(\w+)$").Groups[1].Value);
    }

    [Fact]
    public void TrainingWithRowIndexingFollowsTheOneHotLoopsLosses()
    {
        var cell = Notebook.CellContaining("TrainFromSeed(ViaOneHot, float32");
        // Rows: step, loss one-hot, loss W[xs], |difference|, NLL W[xs], perplexity exp(NLL).
        var rows = Regex.Matches(cell.Text, @"^ *(\d+) +(\S+) +(\S+) +(\S+) +(\S+) +(\S+)$", RegexOptions.Multiline).ToArray();
        Assert.Equal([1, 2, 3, 5, 10, 15, 20], rows.Select(r => (int)r.Number(1)));
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
        Assert.Equal(2.588681, rows[^1].Number(3));
        var largest = cell.FindNumber(@"largest \|loss difference\| over the 20 steps: (\S+)");
        Assert.InRange(largest, 1e-7, 5e-5); // the prose: a few units in the fifth decimal at most
        Assert.True(rows[^1].Number(4) < largest, "the prose: the gap has shrunk by step 20");

        // Float32 rounding of indexing's gradient shows in the last digits; in float64 the runs are the same.
        var aside = Notebook.CellContaining("TrainFromSeed(ViaOneHot, float64");
        Assert.Equal(largest, aside.FindNumber(@"^float32: one-hot vs W\[xs\]\s+(\S+)$")); // the largest difference is in the first steps
        Assert.InRange(aside.FindNumber(@"^float64: one-hot vs W\[xs\]\s+(\S+)$"), 0, 4.45e-16); // one float64 rounding step of losses between 2 and 4
        Assert.True(aside.FindNumber(@"^float32 W\[xs\] vs float64 one-hot\s+(\S+)$") > aside.FindNumber(@"^float32 one-hot vs float64 one-hot\s+(\S+)$"),
            "the prose says the W[xs] run is the one that drifts");
    }

    [Fact]
    public void ItReportsTheCostOfTheOneHotMatrixAndTimesBothWays()
    {
        Assert.Equal(24.6, Notebook.FindNumber(@"^one-hot matrix, MB of float32\s+(\S+)$"));
        Assert.Equal(228_146, Notebook.FindNumber(@"^its entries that are 1\s+(\d+)$"));
        Assert.Equal(228_146.0 * 27 * 27, Notebook.FindNumber(@"^multiply-adds in one_hot\(xs\) @ W\s+(\d+)$"));
        Assert.Equal(228_146.0 * 27, Notebook.FindNumber(@"^numbers copied by W\[xs\]\s+(\d+)$"));
        // Timings vary: only that both were measured.
        Assert.All(new[] { @"^⏱ logits only\s+(\S+) ms", @"^⏱ training step\s+(\S+) ms" },
            pattern => Assert.True(Notebook.FindNumber(pattern) > 0));
    }
}
