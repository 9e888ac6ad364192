namespace Makemore.Notebooks.Tests;

/// <summary>02-counting-bigrams: stoi/itos, the 27×27 counts tensor N and its labelled heatmap.</summary>
public sealed class Notebook02Tests() : NotebookTests("02-counting-bigrams.ipynb")
{
    [Fact]
    public void NumbersTheSymbolsWithTheBoundaryFirst()
    {
        // Each symbol above its number: itos read down, stoi read up.
        var lines = Assert.Single(Notebook.CellContaining("stoi['.'] = 0;").PlainText).ReplaceLineEndings("\n").Split('\n');
        Assert.Equal(".abcdefghijklmnopqrstuvwxyz", string.Concat(lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal(Enumerable.Range(0, 27), lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse));
        Notebook.Find(@"^vocab\.Symbols\s+\.abcdefghijklmnopqrstuvwxyz$");
        Notebook.Find(@"^vocab\.Size\s+27$");
        Notebook.Find(@"^same as stoi and itos\s+True$");
    }

    [Fact]
    public void TheLessonsFirst28By28TableWastesTheEndRowAndTheStartColumn()
    {
        var counted = Notebook.CellContaining("N28[stoi28[ch1], stoi28[ch2]] += 1;");
        counted.Find(@"^chars\s+abcdefghijklmnopqrstuvwxyz$");
        counted.Find(@"^N28\.shape\s+\[28, 28\]$");
        counted.Find(@"^N28\.dtype\s+Int32$");
        Assert.Equal(228146, counted.FindNumber(@"^N28\.sum\(\)\s+(\d+)$"));
        var wasted = Notebook.CellContaining("var rowE = ");
        Assert.Equal(0, wasted.FindNumber(@"^row <E>: its sum\s+(\d+)$"));
        Assert.Equal(28, wasted.FindNumber(@"^row <E>: zeros\s+(\d+)$"));
        Assert.Equal(0, wasted.FindNumber(@"^column <S>: its sum\s+(\d+)$"));
        Assert.Equal(28, wasted.FindNumber(@"^column <S>: zeros\s+(\d+)$"));
        Assert.Equal(55, wasted.FindNumber(@"^cells in that row or column\s+(\d+)$"));
        Assert.Equal(784, wasted.FindNumber(@"^cells in N28\s+(\d+)$"));
    }

    [Fact]
    public void TheFirstTableIsDrawnWithItsMarkersAsLabels()
    {
        var html = Assert.Single(Notebook.CellContaining("CountHeatmap.Of(N28").Html);
        Assert.Contains("\"type\":\"heatmap\"", html);
        // 28 × 28 labelled squares; the heatmap writes the markers as HTML entities so that Plotly does not read <S> as a tag.
        Assert.Equal(28 * 28, Regex.Count(html, @"""([a-z]|&lt;[SE]&gt;){2}<br>\d+"""));
        Assert.Contains("\"&lt;S&gt;a<br>4410\"", html);
        Assert.Contains("\"a&lt;E&gt;<br>6640\"", html);
        Assert.Contains("\"&lt;E&gt;a<br>0\"", html);
        Assert.DoesNotContain("<S>", html);
    }

    [Fact]
    public void CountsIntoAn27By27Int32Tensor()
    {
        var counted = Notebook.CellContaining("N[ix1, ix2] += 1;");
        counted.Find(@"^N\.shape\s+\[27, 27\]$");
        counted.Find(@"^N\.dtype\s+Int32$");
        Assert.Equal(228146, counted.FindNumber(@"^N\.sum\(\)\s+(\d+)$"));
        Assert.Equal(5438, Notebook.FindNumber(@"^N\[a, n\]\s+(\d+)$"));
        Assert.Equal(6763, Notebook.FindNumber(@"^N\[n, \.\]\s+(\d+)$"));
        Assert.Equal(4410, Notebook.FindNumber(@"^N\[\., a\]\s+(\d+)$"));
    }

    [Fact]
    public void ShowsNAsTorchSharpText()
    {
        var text = Assert.Single(Notebook.CodeCells.Single(c => c.Source.Trim() == "N").PlainText);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        Assert.Equal("[27x27], type = Int32, device = cpu", lines[0]);
        Assert.Equal(28, lines.Length);
    }

    [Fact]
    public void TheHeatmapLabelsEveryCellAndShowsProbabilitiesOnHover()
    {
        var html = Assert.Single(Notebook.CellContaining("CountHeatmap.Of(N, vocab.Itos)").Html);
        Assert.Contains("plotly", html);
        Assert.Contains("\"type\":\"heatmap\"", html);
        Assert.Equal(27 * 27, Regex.Count(html, @"""[.a-z]{2}<br>\d+"""));
        Assert.Contains("\"an<br>5438\"", html);
        Assert.Contains("bigram <b>an</b><br>count 5,438 of 33,885 after 'a'<br>P(n | a) = 0.1605", html);
    }

    [Fact]
    public void CountsTheZeroCellsAndTheRowTotalsTheProseQuotes()
    {
        var cell = Notebook.CellContaining("N.eq(0).sum()");
        Assert.Equal(102, cell.FindNumber(@"^cells that are 0\s+(\d+)$"));
        Assert.Equal(729, cell.FindNumber(@"^cells in all\s+(\d+)$"));
        Assert.Equal(0, cell.FindNumber(@"^N\[j, x\]\s+(\d+)$"));
        Assert.Equal(0, cell.FindNumber(@"^N\[q, b\]\s+(\d+)$"));
        Assert.Equal(33885, cell.FindNumber(@"^row a, pairs in all\s+(\d+)$"));
        Assert.Equal(272, cell.FindNumber(@"^row q, pairs in all\s+(\d+)$"));
    }

    [Fact]
    public void TheFirstRowCountsFirstLettersAndTheFirstColumnLastLetters()
    {
        var text = Assert.Single(Notebook.CodeCells.Single(c => c.Source.Trim() == "N[0]").PlainText);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        Assert.Equal("[27], type = Int32, device = cpu", lines[0]);
        Assert.Equal(
            [0, 4410, 1306, 1542, 1690, 1531, 417, 669, 874, 591, 2422, 2963, 1572, 2538, 1146, 394, 515, 92, 1639, 2055, 1308, 78, 376, 307, 134, 535, 929],
            lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse));
        Assert.Equal(32033, Notebook.FindNumber(@"^N\[0\]\.sum\(\)\s+(\d+)$"));
        Assert.Equal(32033, Notebook.FindNumber(@"^N\[\.\., 0\]\.sum\(\)\s+(\d+)$"));
        Assert.Equal(32033, Notebook.FindNumber(@"^words\.Count\s+(\d+)$"));
    }
}
