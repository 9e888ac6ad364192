namespace Makemore.Notebooks.Tests;

/// <summary>
/// The README's map ("## Start here") is true of the notebooks: a row for every notebook in reading order, with the
/// reading minutes <see cref="ReadingTime"/> computes (the main path, and the optional asides after a "+"), the main
/// path's total as the text states it, and every question it points to answered in a notebook that exists.
/// </summary>
public sealed partial class ReadmeMapTests
{
    const string Heading = "## Start here";

    static string Map()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        var start = readme.IndexOf($"\n{Heading}", StringComparison.Ordinal);
        Assert.True(start >= 0, $"README.md has no \"{Heading}\" section.");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return readme[start..(end < 0 ? readme.Length : end)];
    }

    [Fact]
    public void ListsEveryNotebookInReadingOrderWithItsReadingMinutes()
    {
        var rows = Row().Matches(Map()).Select(m => (Notebook: m.Groups["notebook"].Value, Row: m.Value)).ToList();
        Assert.Equal(Series.Order, rows.Select(r => r.Notebook));
        foreach (var (notebook, row) in rows)
        {
            var (main, asides) = ReadingTime.Of(notebook);
            var expected = asides >= 0.5 ? $"| {Math.Round(main):0} (+{Math.Round(asides):0} optional) |" : $"| {Math.Round(main):0} |";
            if (main < 0.5) expected = $"| {Math.Round(asides):0} (optional) |";
            Assert.True(row.Contains(expected, StringComparison.Ordinal), $"The map's row for {notebook} should give its reading minutes as \"{expected}\": {row}");
        }
    }

    [Fact]
    public void StatesTheLessonsMainPathAsTheNotebooksAddUp()
    {
        var total = Math.Round(Series.Lessons.Sum(n => ReadingTime.Of(n).MainPath));
        var stated = MainPathTotal().Match(Map());
        Assert.True(stated.Success, "The map should say how long the lessons' main path reads: \"the main path reads in about N minutes\".");
        Assert.Equal(total, double.Parse(stated.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void PointsEachQuestionToANotebookThatExists()
    {
        var links = QuestionLink().Matches(Map()).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, notebook => Assert.Contains(notebook, Series.Order));
    }

    // A row of the notebooks table: its first link is the notebook it is about.
    [GeneratedRegex(@"(?m)^\|[^\n]*?\]\(notebooks/(?<notebook>[^)]+\.ipynb)\)[^\n]*\|$")]
    private static partial Regex Row();

    [GeneratedRegex(@"main path reads in about (\d+) minutes")]
    private static partial Regex MainPathTotal();

    // The questions list: "- **Question?** … [notebook](notebooks/x.ipynb) …".
    [GeneratedRegex(@"(?m)^- \*\*[^*]+\?\*\*[^\n]*?\]\(notebooks/([^)]+\.ipynb)\)")]
    private static partial Regex QuestionLink();
}
