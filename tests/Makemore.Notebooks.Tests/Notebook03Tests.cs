namespace Makemore.Notebooks.Tests;

/// <summary>03-probabilities-and-sampling: normalizing, torch.multinomial, broadcasting and the lesson's sampled names.</summary>
public sealed class Notebook03Tests() : NotebookTests("03-probabilities-and-sampling.ipynb")
{
    [Fact]
    public void RedoesTheCounts()
    {
        var cell = Notebook.CellContaining("N[stoi[ch1], stoi[ch2]] += 1;");
        Assert.Equal(32033, cell.FindNumber(@"^words\.Count\s+(\d+)$"));
        cell.Find(@"^N\.shape\s+\[27, 27\]$");
        Assert.Equal(228146, cell.FindNumber(@"^N\.sum\(\)\s+(\d+)$"));
    }

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
        var distribution = ReferenceValues.Numbers("three-outcome distribution").Select(x => x.ToString("F4", CultureInfo.InvariantCulture)).ToList();
        var rand = Notebook.CellContaining("torch.rand(3, generator: g)");
        Assert.EndsWith(string.Join(" ", distribution), Assert.Single(rand.PlainText));
        Assert.Equal(distribution, Numbers(ReferencedBeside(rand, "ours").Ours));

        var draws = Notebook.CellContaining("num_samples: 100");
        var (reference, ours) = ReferencedBeside(draws, "ours");
        Assert.Equal(ReferenceValues.Integers("100 draws"), Numbers(reference).Select(long.Parse));
        Assert.Equal(reference, ours);
        Assert.Equal("[3], type = Int64, device = cpu\n 61 33 6", Assert.Single(draws.PlainText).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void TodaysOneSampleMultinomialDrawsTheLetterReportedForPyTorch2()
    {
        // PyTorch 2.0.0 draws 'c' where 1.13 drew the video's 'm' (karpathy/nn-zero-to-hero issue 34); TorchSharp draws as today's PyTorch.
        var line = ReferencedBeside(Notebook.CellContaining("var ixToday = "), "ours, TorchSharp");
        Assert.Equal(ReferenceValues.Text("first draw, PyTorch 2.0"), line.Reference);
        Assert.Equal("c", line.Ours);
        Notebook.Find(@"^PyTorch 2\.0\.0, [^\n]*karpathy/nn-zero-to-hero issue 34\): c · ");
    }

    [Fact]
    public void LessonDrawMakesTheLessonsFirstDrawAndTheStripShowsWhereUFalls()
    {
        var cell = Notebook.CellContaining("CumulativeStrip.Of(p, itos, u");
        var line = ReferencedBeside(cell, "ours, LessonDraw");
        Assert.Equal(ReferenceValues.Number("first draw"), double.Parse(line.Reference, CultureInfo.InvariantCulture));
        Assert.Equal("13", line.Ours);
        var (html, text) = Assert.Single(cell.Charts);
        Assert.Contains("plotly", html);
        Assert.Matches(@"^Chart: A uniform u = 0\.\d{4} lands in the stretch of 'm' ", text);
    }

    [Fact]
    public void KeepdimKeepsAColumnOfRowTotals()
    {
        Notebook.Find(@"^P\.sum\(1, keepdim: true\)\.shape\s+\[27, 1\]$");
        Notebook.Find(@"^P\.sum\(1\)\.shape\s+\[27\]$");
        var divided = Notebook.CellContaining("P = P / rowTotals;");
        divided.Find(@"^P\.shape\s+\[27, 27\]$");
        divided.Find(@"^row 0 of P equals p\s+True$");
        divided.Find(@"^every row of P sums to 1\s+True$");
        var picture = Svg(divided);
        Assert.Contains("rowTotals's dim 1 has size 1 and is stretched to 27: its one column is repeated in every column.", Statements(picture));
        Assert.DoesNotContain(Statements(picture), s => s.Contains("keepdim trap", StringComparison.Ordinal));
    }

    [Fact]
    public void WithoutKeepdimTheColumnsAreNormalizedInstead()
    {
        var cell = Notebook.CellContaining("wrong = wrong / wrong.sum(1)");
        cell.Find(@"^wrong\.shape\s+\[27, 27\]$");
        cell.Find(@"^wrong\.sum\(1\), the first five rows\s+\[7\.0225, 4\.4142, 0\.2009, 0\.3717, 0\.4146\]$");
        cell.Find(@"^wrong\.sum\(dim: 0\), the first five columns\s+\[1\.0000, 1\.0000, 1\.0000, 1\.0000, 1\.0000\]$");
        // The picture states the trap: the flat totals line up with the columns.
        Assert.Contains(Statements(Svg(cell)), s => s.StartsWith("The keepdim trap:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("after /=, counts is sameTensor", "False")]
    [InlineData("sameTensor[0].sum()", "32033")]
    [InlineData("after div_, inPlace is alias", "True")]
    [InlineData("alias[0].sum()", "1")]
    [InlineData("N.sum(0)", "50")] // 228,146 summed into one byte: 228146 mod 256
    [InlineData("N.sum(0).dtype", "Byte")]
    [InlineData("N.sum(0).shape", "[]")]
    [InlineData("N.sum(dim: 0).shape", "[27]")]
    [InlineData("N.dtype", "Int32")]
    [InlineData("N.sum().dtype", "Int64")]
    [InlineData("N.sum().item<int>()", "Int32 is not compatible with Int64")]
    public void TheAsideShowsCSharpsDivideAssignAndTheElementTypeTraps(string label, string value) =>
        Notebook.CellContaining("inPlace.div_(").Find($@"^{Regex.Escape(label)}\s+{Regex.Escape(value)}$");

    [Fact]
    public void TheInPlaceAndElementTypeSubsectionIsAnOptionalAside() =>
        Assert.True(ReadingTime.Of(NotebookFile).Asides > 0, "the /= and element-type subsection is marked as an optional aside");

    [Fact]
    public void SamplesTheLessonsFiveNames()
    {
        var line = ReferencedBeside(Notebook.CellContaining("ix = LessonDraw(row, g);"), "ours");
        Assert.Equal(ReferenceValues.Texts("names, counting model"), line.Reference.Split(' '));
        Assert.Equal(line.Reference, line.Ours);
    }

    [Fact]
    public void TodaysMultinomialGivesOtherNamesFromTheSameSeed()
    {
        var rows = Lines(Assert.Single(Notebook.CellContaining("SampleName(P, TodaysDraw, gToday)").PlainText))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal("LessonDraw", rows[0][0]);
        Assert.Equal(ReferenceValues.Texts("names, counting model"), rows.Skip(1).Select(r => r[0]));
        Assert.Equal(["cexze.", "momasurailezitynn.", "konimittain.", "llayn.", "ka."], rows.Skip(1).Select(r => r[1]));
    }

    [Fact]
    public void TheMatrixWithoutKeepdimGivesOtherNamesFromTheSameSeed()
    {
        // PyTorch 1.13 samples the same names from the matrix without keepdim.
        var line = ReferencedBeside(Notebook.CellContaining("SampleName(wrong, LessonDraw, gWrong)"), "ours");
        Assert.Equal(ReferenceValues.Texts("names, without keepdim"), line.Reference.Split(' '));
        Assert.Equal(line.Reference, line.Ours);
    }

    [Fact]
    public void TheLibrarysSamplerGivesTheSameNamesFromTheSameP()
    {
        var cell = Notebook.CellContaining("LessonSampler.Sample(model");
        var line = ReferencedBeside(cell, "LessonSampler");
        Assert.Equal(ReferenceValues.Texts("names, counting model"), line.Ours.Split(' '));
        cell.Find(@"^model\.P equals our P\s+True$");
    }

    [Fact]
    public void TheUniformModelsNamesAreGibberish()
    {
        var line = ReferencedBeside(Notebook.CellContaining("SampleName(uniform, LessonDraw, gUniform)"), "ours");
        var names = line.Ours.Split(' ');
        Assert.Equal(ReferenceValues.Texts("names, uniform model"), names);
        Assert.Equal(line.Reference, line.Ours);
        Assert.True(names.Average(n => n.Length) > 15, "uniform names run long: '.' is only 1 in 27");
    }

    [Fact]
    public void PHoldsAllTheParameters()
    {
        var cell = Notebook.CellContaining("P.numel()");
        cell.Find(@"^P\.shape\s+\[27, 27\]$");
        Assert.Equal(729, cell.FindNumber(@"^P\.numel\(\), all the parameters\s+(\d+)$"));
    }

    [Fact]
    public void TheTenThousandDrawsChartIsInteractivePlotlyHtml()
    {
        var (html, text) = Assert.Single(Notebook.CellContaining("Chart.Combine").Charts);
        Assert.Contains("share of 10,000 draws", html);
        Assert.Contains("\"title\":{\"text\":\"symbol\"", html);
        Assert.Contains("\"title\":{\"text\":\"probability\"", html);
        Assert.StartsWith("Chart: Sampling follows the distribution", text);
    }

    /// <summary>
    /// The line LessonReference printed in <paramref name="cell"/>, "PyTorch …(source): reference · label: ours", split into
    /// its two values; a line that says the values differ does not match.
    /// </summary>
    static (string Reference, string Ours) ReferencedBeside(ExecutedCell cell, string label)
    {
        var match = cell.Find($@"^PyTorch [^\n]*?\): (?<reference>[^·\n]+) · {Regex.Escape(label)}: (?<ours>[^·\n]+)$");
        return (match.Groups["reference"].Value, match.Groups["ours"].Value);
    }

    /// <summary>The numbers of a bracketed list such as [0.6064, 0.3033, 0.0903].</summary>
    static List<string> Numbers(string list) => [.. list.Trim('[', ']').Split(", ")];

    static XDocument Svg(ExecutedCell cell) =>
        XDocument.Parse(string.Concat(Assert.Single(cell.Outputs, o => o["data"]?["image/svg+xml"] is not null)["data"]!["image/svg+xml"]!.AsArray().Select(l => (string?)l)));

    /// <summary>The sentences a BroadcastPicture ends with.</summary>
    static List<string> Statements(XDocument svg) =>
        [.. svg.Descendants().Where(e => (string?)e.Attribute("class") == "statement").Select(e => e.Value)];

    static string[] Lines(string text) => text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
