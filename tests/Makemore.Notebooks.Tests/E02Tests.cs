namespace Makemore.Notebooks.Tests;

/// <summary>E02 (train/dev/test), read from its executed copy: the seeded split and every model on every split.</summary>
public sealed class E02Tests() : NotebookTests("E02-train-dev-test-solution.ipynb")
{
    [Fact]
    public void TheSeededPermutationGivesTheLibrarysSplit()
    {
        var sizes = Notebook.Find(@"^train ([\d,]+), dev ([\d,]+), test ([\d,]+) names$");
        Assert.Equal(["25,626", "3,203", "3,204"], sizes.Groups.Values.Skip(1).Select(g => g.Value));
        Notebook.Find(@"^25,626 train, 3,203 dev, 3,204 test words$");
        Notebook.Find(@"^same as the cell above: True$");
        // PyTorch 1.13's torch.randperm with seed 42 puts these names first.
        Notebook.Find($"^first training names: {string.Join(", ", ReferenceValues.Texts("first training names"))}$");
    }

    [Fact]
    public void ReportsHeldOutNamesThatRepeatTrainingNames()
    {
        Assert.Equal(29494, Notebook.Find(@"distinct names in names.txt: ([\d,]+) of 32,033").Number(1));
        Assert.InRange(Notebook.FindNumber(@"dev names that also occur in the training split: [\d,]+ of 3,203 \((\d+\.\d)%\)"), 5, 20);
    }

    [Fact]
    public void TheNetsTrainOnTheTrainingExamplesOnly()
    {
        Assert.Equal(182819, Notebook.Find(@"order 2 net: ([\d,]+) training examples").Number(1));
        Assert.Equal(182819, Notebook.Find(@"order 3 net: ([\d,]+) training examples").Number(1));
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
    }

    [Fact]
    public void TheTrigramCountingModelHasTheLargestGapAndTheCountsExplainIt()
    {
        var table = Table;
        var counting = table["trigram, counting (k = 1)"];
        Assert.All(table.Where(r => r.Key != "trigram, counting (k = 1)"), r => Assert.True(r.Value.Gap < counting.Gap, r.Key));
        Assert.All(table.Values, r => Assert.Equal(Math.Round(r.Dev - r.Train, 4), r.Gap, 0.00011));
        Assert.All(table.Values, r => Assert.Equal(Math.Exp(r.Dev), r.DevPerplexity, 0.002));
        var bigramUnseen = Notebook.FindNumber(@"order 2: [\d,]+ dev examples, [\d,]+ \((\d+\.\d+)%\) with an unseen pair");
        var trigramUnseen = Notebook.FindNumber(@"order 3: [\d,]+ dev examples, [\d,]+ \((\d+\.\d+)%\) with an unseen pair");
        Assert.True(trigramUnseen > 5 * bigramUnseen, $"trigram {trigramUnseen}% vs bigram {bigramUnseen}%");
        Notebook.Find(@"k = 0: train NLL \d\.\d+, dev NLL (Infinity|∞)$");
    }

    Dictionary<string, (double Train, double Dev, double Test, double Gap, double DevPerplexity)> Table =>
        Regex.Matches(Notebook.CellContaining("\"dev - train\"").Stdout,
                @"^((?:bi|tri)gram, [^\d]+?(?:\(k = 1\))?)\s+(\d\.\d+)\s+(\d\.\d+)\s+(\d\.\d+)\s+(-?\d\.\d+)\s+(\d+\.\d+)\s*$", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value.Trim(), m => (m.Number(2), m.Number(3), m.Number(4), m.Number(5), m.Number(6)));
}
