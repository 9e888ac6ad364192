using static Makemore.Testing.FixtureNotebook;

namespace Makemore.Notebooks.Tests;

/// <summary>
/// The committed notebooks carry their outputs exactly as a fresh run gives them (issue 13, docs/outputs.md). The fresh
/// run is the one the notebook tests already make (<see cref="NotebookRun"/>): no notebook runs twice.
/// </summary>
public sealed class CommittedOutputsTests : IDisposable
{
    const long MaxNotebooksBytes = 8 * 1024 * 1024;

    readonly TempFolder folder = new("committed-outputs-tests-");

    public static TheoryData<string> Notebooks() =>
        new(Directory.GetFiles(NotebookRun.NotebooksFolder, "*.ipynb").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task CommittedOutputsAreWhatAFreshRunGives(string notebook)
    {
        var committed = ExecutedNotebook.Load(Path.Combine(NotebookRun.NotebooksFolder, notebook));
        var fresh = await NotebookRun.ExecuteAsync(notebook);

        NotebookOutputs.AssertSameOutputs(committed, fresh, $"notebooks/{notebook}");
        AssertEveryChartHasItsPicture(committed, $"notebooks/{notebook}");
    }

    // What text viewers, terminal front ends and `nbconvert --to markdown` show of a chart is one line (issue 20), not
    // its object tree. The committed notebooks pass once refreshed with the library's chart formatter (ChartText).
    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task AChartsPlainTextIsOneLine(string notebook)
    {
        var committed = ExecutedNotebook.Load(Path.Combine(NotebookRun.NotebooksFolder, notebook));
        var fresh = await NotebookRun.ExecuteAsync(notebook);
        foreach (var (copy, name) in new[] { (fresh, "a fresh run"), (committed, "the committed notebook") })
            foreach (var cell in copy.CodeCells)
                foreach (var (_, text) in cell.Charts)
                    Assert.True(text is not null && text.StartsWith("Chart", StringComparison.Ordinal) && !text.Contains('\n', StringComparison.Ordinal),
                        $"notebooks/{notebook}, cell {cell.Number} ({name}): a chart's text/plain is not one line \"Chart: title (...)\" but " +
                        $"{(text is null ? "missing" : $"{text.Split('\n').Length} lines starting \"{text.Split('\n')[0]}\"")}. " +
                        $"Refresh the committed notebooks (docs/outputs.md): {NotebookOutputs.RefreshCommand}");
    }

    [Fact]
    public void TheNotebooksStayReviewableAndNeverEmbedPlotlyJs()
    {
        var files = Directory.GetFiles(NotebookRun.NotebooksFolder, "*.ipynb");
        var total = files.Sum(f => new FileInfo(f).Length);
        Assert.True(total < MaxNotebooksBytes, $"notebooks/ holds {total:N0} bytes, over the {MaxNotebooksBytes:N0} allowed.");
        foreach (var file in files)
            Assert.False(File.ReadAllText(file).Contains("plotly.js v", StringComparison.Ordinal),
                $"{Path.GetFileName(file)} embeds plotly.js itself; charts must load it, and carry only their picture.");
    }

    // Shown on a copy: an executed fixture notebook matches itself, still matches with its marked timing line changed,
    // and no longer matches once one of its outputs is edited by hand.
    [Fact]
    public async Task AHandEditedOutputFailsNamingTheCellTheLineAndTheRefreshCommand()
    {
        var path = Write(folder["committed-outputs-fixture.ipynb"],
            [.. HeadingAndPrintedValues("# Outputs"), Code("Console.WriteLine($\"⏱ took {Environment.TickCount64 % 1000} ms\");\n\"done\"")]);
        var fresh = await NotebookRun.ExecuteAsync(path);
        var copy = folder["committed-copy.ipynb"];

        File.Copy(fresh.Path, copy);
        NotebookOutputs.AssertSameOutputs(ExecutedNotebook.Load(copy), fresh, "committed-copy.ipynb");

        File.WriteAllText(copy, File.ReadAllText(fresh.Path).Replace("⏱ took ", "⏱ took 99999 "));
        NotebookOutputs.AssertSameOutputs(ExecutedNotebook.Load(copy), fresh, "committed-copy.ipynb");

        File.WriteAllText(copy, File.ReadAllText(fresh.Path).Replace("loss = 2.4544", "loss = 2.4543"));
        var failure = Assert.ThrowsAny<Exception>(() => NotebookOutputs.AssertSameOutputs(ExecutedNotebook.Load(copy), fresh, "committed-copy.ipynb"));
        Assert.Contains("committed-copy.ipynb, cell 2, output line 4", failure.Message);
        Assert.Contains("committed: loss = 2.4543", failure.Message);
        Assert.Contains("fresh:     loss = 2.4544", failure.Message);
        Assert.Contains(NotebookOutputs.RefreshCommand, failure.Message);
    }

    [Fact]
    public void ChartsCompareByTheirDataNotTheirIdsOrPictures()
    {
        const string fresh = "<div><div id=\"f35c7eaf-237f-4ea9-b127-375f20703426\"><!-- x --></div><script>var renderPlotly_f35c7eaf237f4ea9b127375f20703426 = 1; var data = [1,2]; Plotly.newPlot('f35c7eaf-237f-4ea9-b127-375f20703426', data);</script></div>";
        var committed = fresh.Replace("f35c7eaf-237f-4ea9-b127-375f20703426", "0b6b2a39-74c4-8d2e-11a0-93c4de52a1f7")
            .Replace("f35c7eaf237f4ea9b127375f20703426", "0b6b2a3974c48d2e11a093c4de52a1f7")
            .Replace("<!-- x -->", $"<!-- x --><style>.js-plotly-plot > img.{NotebookOutputs.ChartImageClass} {{ display: none; }}</style><img class=\"{NotebookOutputs.ChartImageClass}\" alt=\"Chart\" src=\"data:image/png;base64,AAAA\">");

        Assert.Equal(NotebookOutputs.Normalise(fresh), NotebookOutputs.Normalise(committed));
        Assert.True(NotebookOutputs.IsChart(committed) && NotebookOutputs.HasPicture(committed) && !NotebookOutputs.HasPicture(fresh));
        Assert.NotEqual(NotebookOutputs.Normalise(fresh), NotebookOutputs.Normalise(committed.Replace("[1,2]", "[1,3]")));
    }

    static void AssertEveryChartHasItsPicture(ExecutedNotebook committed, string name)
    {
        foreach (var cell in committed.CodeCells)
            foreach (var html in cell.Html.Where(NotebookOutputs.IsChart))
                Assert.True(NotebookOutputs.HasPicture(html),
                    $"{name}, cell {cell.Number}: a chart without its picture, blank wherever scripts cannot run. " +
                    $"Refresh with pictures (docs/outputs.md): {NotebookOutputs.RefreshCommand}");
    }

    public void Dispose() => folder.Dispose();
}
