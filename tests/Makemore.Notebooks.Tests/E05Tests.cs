namespace Makemore.Notebooks.Tests;

/// <summary>E05: cross_entropy against the manual softmax + NLL. Checks the printed results, never the timings.</summary>
public sealed class E05Tests() : NotebookTests("E05-cross-entropy-solution.ipynb")
{
    [Fact]
    public void BothLossesAndGradientsAgree()
    {
        // The lesson's average NLL at its first step (PyTorch 1.13), beside ours both ways.
        var reference = ReferenceValues.Rounded("average NLL, step 1", 6);
        var manual = Notebook.Find(@"step 1 \(tests/reference/lesson_reference\.py\): (\S+) · ours by hand: (\S+)");
        var fused = Notebook.Find(@"step 1 \(tests/reference/lesson_reference\.py\): (\S+) · ours with cross_entropy: (\S+)$");
        Assert.Equal((reference, reference), (manual.Number(1), fused.Number(2)));
        Assert.Equal(3.75895, manual.Number(2), 5); // the sixth decimal depends on the order float32 adds in
        Assert.True(Notebook.FindNumber(@"^\|loss difference\|\s+(\S+)$") < 1e-5);
        Assert.True(Notebook.FindNumber(@"^max \|gradient difference\|\s+(\S+)$") < 1e-5);
        Assert.Equal(0.0317, Notebook.FindNumber(@"^largest gradient entry\s+(\S+)$"));
        Assert.Equal(manual.Number(2), Notebook.FindNumber(@"^NeuralForward\.ManualNll\s+(\S+)$"));
        Assert.Equal(fused.Number(2), Notebook.FindNumber(@"^NeuralForward\.CrossEntropy\s+(\S+)$"));
    }

    [Fact]
    public void ExpOverflowsAndUnderflowsInFloat32()
    {
        // The limits the prose quotes: ln of float32's largest and smallest positive numbers.
        Assert.Equal(88.72, Notebook.FindNumber(@"^largest float32: +3\.403E\+38 = exp\((\S+)\)"));
        Assert.Equal(-103.28, Notebook.FindNumber(@"^smallest positive float32: 1\.401E-45 = exp\((\S+)\)"));
        var probe = Notebook.CellContaining("probe.exp()");
        Assert.Equal(double.PositiveInfinity, probe.FindNumber(@"^ *89 +(\S+)$"));
        Assert.True(double.IsFinite(probe.FindNumber(@"^ *88 +(\S+)$")));
        Assert.Equal(0, probe.FindNumber(@"^ *-110 +(\S+)$"));
        var cases = Notebook.CellContaining("logits [100, 1, -2], target");
        var overflow = cases.Find(@"^ *0 +(\S+) +(\S+)$");
        Assert.True(double.IsNaN(overflow.Number(1)));
        Assert.Equal(0, overflow.Number(2), 6);
        var underflow = cases.Find(@"^ *1 +(\S+) +(\S+)$");
        Assert.Equal(double.PositiveInfinity, underflow.Number(1));
        Assert.Equal(99, underflow.Number(2), 4);
    }

    [Theory]
    [InlineData(50, 96.3535)]
    [InlineData(100, 192.6446)]
    public void AtLargeScalesTheManualLossIsNotFiniteAndCrossEntropyIs(int scale, double crossEntropy)
    {
        var row = ScaleRow(scale);
        Assert.False(double.IsFinite(row.Number(2)), $"manual loss at scale {scale}: {row.Groups[2].Value}");
        Assert.Equal(crossEntropy, row.Number(3), 4);
        Assert.Equal(("False", "True"), (row.Groups[4].Value, row.Groups[5].Value));
        Assert.Equal(crossEntropy / Math.Log(2), row.Number(6), 2);
    }

    [Fact]
    public void TheBitsColumnStartsAboveAUniformGuess()
    {
        Assert.Equal(Math.Round(Math.Log2(27), 2), Notebook.FindNumber(@"a uniform guess among 27 characters: (\S+) bits per character"));
        var start = ScaleRow(1);
        Assert.Equal(start.Number(3) / Math.Log(2), start.Number(6), 2);
        Assert.True(start.Number(6) > Math.Log2(27), "the lesson's random W is worse than a uniform guess");
    }

    [Fact]
    public void AtScale20OnlyTheManualGradientBreaks()
    {
        var row = ScaleRow(20);
        Assert.True(double.IsFinite(row.Number(2)));
        Assert.Equal(row.Number(3), row.Number(2), 3);
        Assert.Equal(("False", "True"), (row.Groups[4].Value, row.Groups[5].Value));
        Assert.InRange(Notebook.FindNumber(@"scale 20: smallest target probability (\S+)"), 0, 1e-40);
        Assert.Equal(double.NegativeInfinity, Notebook.FindNumber(@"that probability in float32 = (\S+)"));
        var small = ScaleRow(1);
        Assert.Equal(3.7590, small.Number(2), 4);
        Assert.Equal(("True", "True"), (small.Groups[4].Value, small.Groups[5].Value));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(20)]
    [InlineData(100)]
    public void TheLogSumExpRecipeMatchesCrossEntropy(int scale)
    {
        var match = Notebook.CellContaining("recipe.AddRow").Find($@"^ *{scale} +(\S+) +(\S+) +(\S+)$");
        Assert.Equal(match.Number(2), match.Number(1), 3);
        Assert.True(match.Number(3) < 1e-4);
    }

    [Fact]
    public void BothLossesAreTimed()
    {
        Assert.True(Notebook.FindNumber(@"manual softmax \+ NLL:\s+(\S+) ms per loss") > 0);
        var fused = Notebook.FindNumber(@"cross_entropy:\s+(\S+) ms per loss");
        Assert.True(fused > 0);
        // The verdict in words, which the conclusion refers to, must say what the two times say.
        var manual = Notebook.FindNumber(@"manual softmax \+ NLL:\s+(\S+) ms per loss");
        var verdict = Notebook.Find(@"^⏱ in this run (.+)$").Groups[1].Value;
        if (manual != fused) // equal to the printed digit: either verdict is consistent
            Assert.Equal(manual > fused ? "cross_entropy was the faster" : "the manual loss was as fast or faster", verdict);
        else
            Assert.Contains(verdict, new[] { "cross_entropy was the faster", "the manual loss was as fast or faster" });
    }

    /// <summary>
    /// A row of the scale table: 1 max logit, 2 manual loss, 3 cross_entropy loss, 4 manual gradient finite,
    /// 5 cross_entropy gradient finite, 6 cross_entropy loss in bits per character.
    /// </summary>
    Match ScaleRow(int scale) =>
        Notebook.CellContaining("byScale.AddRow").Find($@"^ *{scale} +(\S+) +(\S+) +(\S+) +(True|False) +(True|False) +(\S+) *$");
}
