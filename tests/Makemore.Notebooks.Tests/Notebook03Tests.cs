namespace Makemore.Notebooks.Tests;

/// <summary>03-probabilities-and-sampling: normalizing, torch.multinomial, broadcasting and the lesson's sampled names.</summary>
public sealed class Notebook03Tests() : NotebookTests("03-probabilities-and-sampling.ipynb")
{
    [Fact]
    public void NormalizesTheFirstRow()
    {
        // PyTorch 1.13's row 0 of N, normalised, as the display prints it.
        var reference = string.Join(" ", ReferenceValues.Numbers("first-letter probabilities").Select(x => x.ToString("F4", CultureInfo.InvariantCulture)));
        Assert.Equal(
            "[27], type = Float32, device = cpu\n " + reference,
            Assert.Single(Notebook.CodeCells.Single(c => c.Source.EndsWith("p = p / p.sum();\np", StringComparison.Ordinal)).PlainText).ReplaceLineEndings("\n"));
        Assert.Equal("[], type = Float32, device = cpu, value = 1.0000", Assert.Single(Notebook.CodeCells.Single(c => c.Source.Trim() == "p.sum()").PlainText));
    }

    [Fact]
    public void MultinomialOnTheSeededThreeElementExampleMatchesPyTorch()
    {
        // PyTorch 1.13 (as the lesson shows): torch.rand(3) normalised, then torch.multinomial of 100 samples, one generator.
        var distribution = string.Join(" ", ReferenceValues.Numbers("three-outcome distribution").Select(x => x.ToString("F4", CultureInfo.InvariantCulture)));
        Assert.EndsWith(distribution, Assert.Single(Notebook.CellContaining("torch.rand(3, generator: g)").PlainText));
        var samples = Notebook.CellContaining("num_samples: 100").Find(@"^\[([0-9, ]+)\]$").Groups[1].Value;
        Assert.Equal(ReferenceValues.Integers("100 draws"), samples.Split(", ").Select(long.Parse));
        Notebook.Find("how often each index came out: 61, 33, 6");
    }

    [Fact]
    public void TheFirstDrawIsTheLessonsM()
    {
        // PyTorch 1.13 draws 13, 'm'; PyTorch 2.0.0 draws 'c' (karpathy/nn-zero-to-hero issue 34), as TorchSharp does.
        Assert.Equal(ReferenceValues.Number("first draw"), Notebook.FindNumber("as in the lesson: (13) = 'm'"));
        Notebook.Find($@"today's torch\.multinomial\(p, 1\): 3 = '{ReferenceValues.Text("first draw, PyTorch 2.0")}'");
    }

    [Fact]
    public void KeepdimKeepsAColumnOfRowTotals()
    {
        Notebook.Find(@"P\.sum\(1, keepdim: true\): \[27, 1\]");
        Notebook.Find(@"P\.sum\(1\):\s+\[27\]");
        Notebook.Find("row 0 of P equals p: True");
        Notebook.Find("every row of P sums to 1: True");
    }

    [Fact]
    public void WithoutKeepdimTheColumnsAreNormalizedInstead()
    {
        var cell = Notebook.CellContaining("wrong = wrong / wrong.sum(1)");
        cell.Find(@"shape: \[27, 27\], no error");
        Assert.Equal(7.0225, cell.FindNumber(@"sum of row 0:\s+(\d+\.\d+)"));
        cell.Find("first row sums:  7.0225, 4.4142, 0.2009, 0.3717, 0.4146");
        cell.Find("first column sums: 1.0000, 1.0000, 1.0000, 1.0000, 1.0000");
    }

    [Fact]
    public void CSharpDivideAssignMakesANewTensorWhileDivUnderscoreWorksInPlace()
    {
        Notebook.Find("after /= : same object[?] False, sameTensor row 0 sums to 32033");
        Notebook.Find("after div_: same object[?] True, alias row 0 sums to 1");
    }

    /// <summary>The dtype the dtypes cell prints beside each expression.</summary>
    [Theory]
    [InlineData("N", "Int32")]
    [InlineData("N.sum(1)", "Int64")]
    [InlineData("P", "Float32")]
    [InlineData("N[0] / N[0].sum()", "Float32")]
    [InlineData("N.sum(0)", "Byte, shape []")]
    public void ChecksDtypes(string expression, string dtype) =>
        DtypesCell.Find($@"^{Regex.Escape(expression)}:\s+{Regex.Escape(dtype)}");

    [Fact]
    public void ItemOfTheWrongTypeIsCaught() => DtypesCell.Find(@"^N\.sum\(\)\.item<int>\(\): Int32 is not compatible with Int64");

    ExecutedCell DtypesCell => Notebook.CellContaining("N.sum().item<int>()");

    [Fact]
    public void SamplesTheLessonsFiveNames() =>
        Assert.Equal(ReferenceValues.Texts("names, counting model"), NamesPrintedBy("ix = LessonDraw(row, g);"));

    [Fact]
    public void TheMatrixWithoutKeepdimGivesOtherNamesFromTheSameSeed()
    {
        var lines = Lines(Notebook.CellContaining("SampleName(wrong, gWrong)").Stdout);
        Assert.Equal("P (keepdim: true)   wrong (no keepdim)", lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal(ReferenceValues.Texts("names, counting model"), rows.Select(r => r[0]));
        // PyTorch 1.13 samples the same names from the matrix without keepdim.
        Assert.Equal(ReferenceValues.Texts("names, without keepdim"), rows.Select(r => r[1]));
    }

    [Fact]
    public void PHoldsAllTheParameters()
    {
        Notebook.Find("^P: 27 × 27 = 729 numbers, all the parameters of the counting model$");
    }

    [Fact]
    public void TheLibrarysSamplerGivesTheSameNamesFromTheSameP()
    {
        var cell = Notebook.CellContaining("LessonSampler.Sample(model");
        cell.Find(@"^library: mor\. axx\. minaymoryles\. kondlaisah\. anchshizarie\.$");
        cell.Find("^same P as ours: True$");
    }

    [Fact]
    public void TodaysMultinomialGivesOtherNamesFromTheSameSeed() =>
        Assert.Equal(["cexze.", "momasurailezitynn.", "konimittain.", "llayn.", "ka."], NamesPrintedBy("ix = (int)torch.multinomial(row"));

    [Fact]
    public void TheUniformModelsNamesAreGibberish()
    {
        var names = NamesPrintedBy("torch.ones(27) / 27.0f");
        Assert.Equal(ReferenceValues.Texts("names, uniform model"), names);
        Assert.True(names.Average(n => n.Length) > 15, "uniform names run long: '.' is only 1 in 27");
    }

    [Fact]
    public void ChartsAreInteractivePlotlyHtml()
    {
        Assert.Contains("plotly", Assert.Single(Notebook.CellContaining("ProbabilityBars.Of(p, itos, name: \"P(first letter)\"").Html));
        Assert.Contains("share of 10,000 draws", Assert.Single(Notebook.CellContaining("Chart.Combine").Html));
    }

    /// <summary>The names the cell containing <paramref name="source"/> prints, one a line.</summary>
    string[] NamesPrintedBy(string source) => Lines(Notebook.CellContaining(source).Stdout);

    static string[] Lines(string text) => text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
