namespace Makemore.Notebooks.Tests;

/// <summary>01-exploring-the-data: the lesson's first look at names.txt and its bigram dictionary.</summary>
public sealed class Notebook01Tests() : NotebookTests("01-exploring-the-data.ipynb")
{
    [Fact]
    public void LoadsTheLessonsNames()
    {
        Assert.Equal(32033, Notebook.FindNumber(@"^(\d+) names$"));
        Assert.Equal("emma, olivia, ava, isabella, sophia, charlotte, mia, amelia, harper, evelyn",
            Notebook.CellContaining("words.Take(10)").Stdout.Trim());
    }

    [Fact]
    public void ShortestAndLongestNames()
    {
        Assert.Equal(2, Notebook.FindNumber(@"shortest: (\d+) characters, e\.g\. an$"));
        Assert.Equal(15, Notebook.FindNumber(@"longest: (\d+) characters, e\.g\. muhammadibrahim$"));
    }

    [Fact]
    public void MarksTheStartAndEndOfEachName()
    {
        var lines = Lines(Notebook.CellContaining("[\"<S>\", .. w.Select").Stdout);
        Assert.Equal(["<S> e", "e m", "m m", "m a", "a <E>", "<S> o"], lines.Take(6));
        Assert.Equal(5 + 7 + 4, lines.Length); // emma, olivia, ava: one pair more than letters each
    }

    [Fact]
    public void CountsEveryBigramInADictionary()
    {
        Assert.Equal(627, Notebook.FindNumber(@"^(\d+) different bigrams"));
        Assert.Equal(228146, Notebook.FindNumber(@"different bigrams, (\d+) bigrams in all"));
        // One bigram more than characters per name, so the total is characters plus names.
        var sum = Notebook.Find(@"^(\d+) characters \+ (\d+) names = (\d+)$");
        Assert.Equal(32033, sum.Number(2));
        Assert.Equal(sum.Number(1) + sum.Number(2), sum.Number(3));
        Assert.Equal(228146, sum.Number(3));
        Assert.Equal(729, Notebook.FindNumber(@"possible pairs: 27 × 27 = (\d+)"));
    }

    [Fact]
    public void ListsTheMostFrequentBigramsInOrder()
    {
        var lines = Lines(Notebook.CellContaining("OrderByDescending").Stdout);
        Assert.Equal(["('n', '<E>') 6763", "('a', '<E>') 6640", "('a', 'n') 5438", "('<S>', 'a') 4410"], lines.Take(4));
    }

    static string[] Lines(string text) => text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
