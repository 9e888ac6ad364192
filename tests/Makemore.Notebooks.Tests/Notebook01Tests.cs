namespace Makemore.Notebooks.Tests;

/// <summary>01-exploring-the-data: the lesson's first look at names.txt and its bigram dictionary.</summary>
public sealed class Notebook01Tests() : NotebookTests("01-exploring-the-data.ipynb")
{
    [Fact]
    public void LoadsTheLessonsNames()
    {
        Assert.Equal(32033, Notebook.FindNumber(@"^words\.Count\s+(\d+)$"));
        Notebook.Find(@"^words\.Take\(10\)\s+\[emma, olivia, ava, isabella, sophia, charlotte, mia, amelia, harper, evelyn\]$");
    }

    [Fact]
    public void ShortestAndLongestNames()
    {
        Assert.Equal(2, Notebook.FindNumber(@"^shortest\s+(\d+)\s+an$"));
        Assert.Equal(15, Notebook.FindNumber(@"^longest\s+(\d+)\s+muhammadibrahim$"));
        Notebook.Find(@"^32,033 words, lengths 2\.\.15 .*26 characters: abcdefghijklmnopqrstuvwxyz$");
    }

    [Fact]
    public void PairsEachCharacterOfANameWithTheNext()
    {
        string[][] emma = [["ch1", "ch2"], ["e", "m"], ["m", "m"], ["m", "a"]];
        Assert.Equal(emma, Rows(Notebook.CellContaining("pairs.AddRow(ch1, ch2)")));
    }

    [Fact]
    public void MarksTheStartAndEndOfEachName()
    {
        var lines = Lines(Assert.Single(Notebook.CellContaining("marked.AddRow").PlainText));
        Assert.Equal(["name    its bigrams", "emma    [<S> e, e m, m m, m a, a <E>]", "olivia  [<S> o, o l, l i, i v, v i, i a, a <E>]", "ava     [<S> a, a v, v a, a <E>]"], lines);
        // One pair more than letters each: emma, olivia, ava.
        Assert.Equal([5, 7, 4], lines.Skip(1).Select(l => l.Split(',').Length));
    }

    [Fact]
    public void CountsEveryBigramInADictionary()
    {
        var cell = Notebook.CellContaining("b.GetValueOrDefault(bigram)");
        Assert.Equal(627, cell.FindNumber(@"^different bigrams, b\.Count\s+(\d+)$"));
        Assert.Equal(729 - 627, cell.FindNumber(@"^never seen, 729 - b\.Count\s+(\d+)$"));
        Assert.Equal(228146, cell.FindNumber(@"^bigrams in all, b\.Values\.Sum\(\)\s+(\d+)$"));
        // One bigram more than characters per name, so the total is characters plus names.
        var characters = cell.FindNumber(@"^characters in all names\s+(\d+)$");
        Assert.Equal(196113, characters);
        Assert.Equal(characters + 32033, cell.FindNumber(@"^characters \+ names\s+(\d+)$"));
    }

    [Fact]
    public void ListsTheMostFrequentBigramsInOrder()
    {
        var rows = Rows(Notebook.CellContaining("OrderByDescending"));
        Assert.Equal(1 + 15, rows.Count);
        string[][] top = [["('n',", "'<E>')", "6763"], ["('a',", "'<E>')", "6640"], ["('a',", "'n')", "5438"], ["('<S>',", "'a')", "4410"]];
        Assert.Equal(top, rows.Skip(1).Take(4));
    }

    [Fact]
    public void CountsTheBigramsSeenOnce()
    {
        var cell = Notebook.CellContaining("kv.Value == 1");
        Assert.Equal(43, cell.FindNumber(@"^bigrams seen exactly once\s+(\d+)$"));
        cell.Find(@"^for example\s+\[qr, dz, pj, ql, pf, qe, bc, cd\]$");
    }

    /// <summary>The table a cell shows, one array of words per line.</summary>
    static List<string[]> Rows(ExecutedCell cell) =>
        [.. Lines(Assert.Single(cell.PlainText)).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))];

    static string[] Lines(string text) => text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
