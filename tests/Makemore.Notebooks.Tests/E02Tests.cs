namespace Makemore.Notebooks.Tests;

/// <summary>E02 (train/dev/test), read from its executed copy: the seeded split and every model on every split.</summary>
public sealed class E02Tests() : NotebookTests("E02-train-dev-test-solution.ipynb")
{
    [Fact]
    public void TheSeededPermutationGivesPyTorchsSplitAndTheLibrarysToo()
    {
        // Each reference line: PyTorch 1.13's value beside ours, the same.
        foreach (var (name, shown) in new[]
        {
            ("randperm, first three", $"[{string.Join(", ", ReferenceValues.Integers("randperm, first three"))}]"),
            ("split sizes", $"[{string.Join(", ", ReferenceValues.Integers("split sizes"))}]"),
            ("first training names", string.Join(" ", ReferenceValues.Texts("first training names"))),
        })
            Notebook.Find($"^PyTorch 1\\.13, .+: {Regex.Escape(shown)} · ours: {Regex.Escape(shown)}$");
        Assert.Equal([25626, 3203, 3204], ReferenceValues.Integers("split sizes"));
        Notebook.Find(@"^DataSplit\.Of\(words, seed: 42\)\s+25,626 train, 3,203 dev, 3,204 test words$");
        Notebook.Find(@"^the same parts as above\s+True$");
    }

    [Fact]
    public void ReportsHeldOutNamesThatRepeatTrainingNames()
    {
        Assert.Equal(29494, Notebook.Find(@"distinct names in names.txt: ([\d,]+) of 32,033").Number(1));
        var dev = Notebook.Find(@"^dev\s+3203\s+(\d+)\s+(\d+\.\d) %$");
        Assert.InRange(dev.Number(2), 5, 20);
        Assert.Equal(Math.Round(100 * dev.Number(1) / 3203, 1), dev.Number(2));
    }

    [Fact]
    public void TheNetsTrainOnTheTrainingExamplesOnly()
    {
        Assert.Equal(182819, Notebook.FindNumber(@"^order 2, learning rate 50\s+(\d+)\s+620\s+\d\.\d+$"));
        Assert.Equal(182819, Notebook.FindNumber(@"^order 3, learning rate 30\s+(\d+)\s+5828\s+\d\.\d+$"));
    }

    [Fact]
    public void TrigramModelsBeatBigramModelsOnNewNames()
    {
        var table = Table;
        Assert.Equal(4, table.Count);
        foreach (var trigram in new[] { "trigram, counting (k = 1)", "trigram, neural net" })
            foreach (var bigram in new[] { "bigram, counting (k = 1)", "bigram, neural net" })
            {
                Assert.True(table[trigram].Dev < table[bigram].Dev, $"{trigram} vs {bigram} on dev");
                Assert.True(table[trigram].Test < table[bigram].Test, $"{trigram} vs {bigram} on test");
            }
        // The k = 1 bigram model on the whole data scores 2.4546; on the training split alone about the same.
        Assert.Equal(2.4546, table["bigram, counting (k = 1)"].Train, 0.01);
        // The step answers are the table's numbers.
        Assert.Equal(table["trigram, counting (k = 1)"].Dev, Notebook.FindNumber(@"^trigram counting model \(k = 1\), dev NLL\s+(\d\.\d+)$"));
    }

    [Fact]
    public void TheTrigramCountingModelHasTheLargestGapAndTheCountsExplainIt()
    {
        var table = Table;
        var counting = table["trigram, counting (k = 1)"];
        Assert.All(table.Where(r => r.Key != "trigram, counting (k = 1)"), r => Assert.True(r.Value.Gap < counting.Gap, r.Key));
        Assert.All(table.Values, r => Assert.Equal(Math.Round(r.Dev - r.Train, 4), r.Gap, 0.00011));
        Assert.All(table.Values, r => Assert.Equal(Math.Exp(r.Dev), r.DevPerplexity, 0.002));
        var unseen = Regex.Matches(Notebook.CellContaining("unseenPairs").Text, @"^\s*([23])\s+(\d+)\s+(\d+)\s+(\d+\.\d+) %\s+(\d+)$", RegexOptions.Multiline)
            .ToDictionary(m => (int)m.Number(1), m => (Examples: m.Number(2), Pairs: m.Number(3), Share: m.Number(4), Contexts: m.Number(5)));
        Assert.Equal(unseen[2].Examples, unseen[3].Examples);
        Assert.True(unseen[3].Share > 5 * unseen[2].Share, $"trigram {unseen[3].Share}% vs bigram {unseen[2].Share}%");
        Assert.Equal(Math.Round(100 * unseen[3].Pairs / unseen[3].Examples, 2), unseen[3].Share);
        Notebook.Find(@"^k = 0, dev NLL\s+(Infinity|∞)$");
    }

    Dictionary<string, (double Train, double Dev, double Test, double Gap, double DevPerplexity)> Table =>
        Regex.Matches(Notebook.CellContaining("\"dev - train\"").Text,
                @"^((?:bi|tri)gram, [^\d]+?(?:\(k = 1\))?)\s+(\d\.\d+)\s+(\d\.\d+)\s+(\d\.\d+)\s+(-?\d\.\d+)\s+(\d+\.\d+)\s*$", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value.Trim(), m => (m.Number(2), m.Number(3), m.Number(4), m.Number(5), m.Number(6)));
}
