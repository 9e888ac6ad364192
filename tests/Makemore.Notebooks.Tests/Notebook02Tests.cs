namespace Makemore.Notebooks.Tests;

/// <summary>02-counting-bigrams: stoi/itos, the 27×27 counts tensor N and its labelled heatmap.</summary>
public sealed class Notebook02Tests() : NotebookTests("02-counting-bigrams.ipynb")
{
    [Fact]
    public void NumbersTheSymbolsWithTheBoundaryFirst()
    {
        Notebook.Find(@"stoi: \.=0 a=1 b=2 .* z=26$");
        Notebook.Find(@"Vocabulary: 27 symbols ""\.abcdefghijklmnopqrstuvwxyz"", same as stoi/itos: True");
    }

    [Fact]
    public void TheLessonsFirst28By28TableWastesTheEndRowAndTheStartColumn()
    {
        Assert.Equal(228146, Notebook.FindNumber(@"N28: 28×28 Int32, (\d+) bigrams counted"));
        Notebook.Find(@"^row <E>:    sum 0, zeros 28 of 28$");
        Notebook.Find(@"^column <S>: sum 0, zeros 28 of 28$");
        Notebook.Find(@"^cells in that row or column: 55 of 784$");
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
        Assert.Equal(228146, Notebook.FindNumber(@"N: 27×27 Int32, (\d+) bigrams counted"));
        Assert.Equal(5438, Notebook.FindNumber(@"N\[a, n\] = (\d+)"));
        Assert.Equal(6763, Notebook.FindNumber(@"N\[n, \.\] = (\d+)"));
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
        Notebook.Find(@"^cells that are 0: 102 of 729, among them jx = 0 and qb = 0$");
        Notebook.Find(@"^row a: 33885 pairs, row q: 272 pairs$");
    }

    [Fact]
    public void TheFirstRowCountsFirstLetters()
    {
        var text = Assert.Single(Notebook.CodeCells.Single(c => c.Source.Trim() == "N[0]").PlainText);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        Assert.Equal("[27], type = Int32, device = cpu", lines[0]);
        Assert.Equal(
            [0, 4410, 1306, 1542, 1690, 1531, 417, 669, 874, 591, 2422, 2963, 1572, 2538, 1146, 394, 515, 92, 1639, 2055, 1308, 78, 376, 307, 134, 535, 929],
            lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse));
        Assert.Equal(32033, Notebook.FindNumber(@"N\[0\]\.sum\(\)\s+= (\d+)"));
        Assert.Equal(32033, Notebook.FindNumber(@"N\[\.\., 0\]\.sum\(\) = (\d+)"));
    }
}
