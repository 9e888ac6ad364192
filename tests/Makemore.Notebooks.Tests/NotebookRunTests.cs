using static Makemore.Testing.FixtureNotebook;

namespace Makemore.Notebooks.Tests;

/// <summary>The harness itself, on small notebooks written to a temporary folder.</summary>
public sealed class NotebookRunTests : IDisposable
{
    readonly TempFolder folder = new("notebook-harness-tests-");

    [Fact]
    public async Task TestsReadEachCellsOutputsAndFindValuesByPattern()
    {
        var path = Write(folder["harness-values.ipynb"],
            [.. HeadingAndPrintedValues("# Values"), Code("display(\"shortest: 2, longest: 15\");\n\"done\"")]);

        var notebook = await NotebookRun.ExecuteAsync(path);

        Assert.Equal(32033, notebook.FindNumber(@"words: (\d+)"));
        Assert.Equal(2.4544, notebook.CellContaining("loss").FindNumber(@"loss = (\d+\.\d+)"));
        Assert.Equal("15", notebook.Find(@"longest: (\d+)").Groups[1].Value);
        Assert.Equal(["shortest: 2, longest: 15", "done"], notebook.Cell(3).PlainText);
        var missing = Assert.ThrowsAny<Exception>(() => notebook.Find(@"accuracy: (\d+)"));
        Assert.Contains("loss = 2.4544", missing.Message);
    }

    [Fact]
    public async Task ANotebookThatFailsFailsTheTestWithTheRunnersReport()
    {
        var path = Write(folder["harness-failure.ipynb"],
            Code("throw new InvalidOperationException(\"the data is missing\");"));

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => NotebookRun.ExecuteAsync(path));

        Assert.Contains("FAILED: harness-failure.ipynb, cell 1 of 1:", failure.Message);
        Assert.Contains("InvalidOperationException: the data is missing", failure.Message);
    }

    public void Dispose() => folder.Dispose();
}
