using System.Text.Json.Nodes;
using static Makemore.Testing.FixtureNotebook;

namespace Makemore.NotebookRunner.Tests;

/// <summary>Runs one notebook with every kind of output, once for all tests in the class.</summary>
public sealed class OutputKindsRun : RunnerFixture
{
    public string SourceText { get; private set; } = "";
    public ExecutedNotebook Copy { get; private set; } = null!;

    protected override string[] WriteNotebooks()
    {
        var source = Write(Folder["kinds.ipynb"],
            Markdown("# Every kind of output"),
            Code("Console.WriteLine(\"to stdout\");\nConsole.Error.WriteLine(\"to stderr\");"),
            Code("display(\"a displayed string\");\ndisplay(new { Name = \"table\", Size = 3 });"),
            Code("6 * 7"),
            Code("using Microsoft.DotNet.Interactive;\nvar progress = KernelInvocationContext.Current.Display(\"step 0\");\nfor (var i = 1; i <= 3; i++) progress.Update($\"step {i}\");"),
            Code("progress.Update(\"done\");\nvar stale = display(\"shown\");\nstale.Update(\"never shown\");"),
            Code("#r \"nuget: Plotly.NET.Interactive, 6.0.0\"\n#r \"nuget: Plotly.NET.CSharp, 0.14.0\""),
            Code("display(Plotly.NET.CSharp.Chart.Point<int, int, string>(x: new[] { 1, 2, 3 }, y: new[] { 2, 4, 8 }));"),
            Code("  "));
        SourceText = File.ReadAllText(source);
        return ["kinds.ipynb", "--output", "executed"];
    }

    protected override void ReadOutputs() => Copy = Load("executed/kinds.ipynb");
}

public sealed class OutputKindsTests(OutputKindsRun run) : IClassFixture<OutputKindsRun>
{
    [Fact]
    public void EveryCellRuns() => Assert.True(run.Result.ExitCode == 0, run.Result.ToString());

    [Fact]
    public void StreamsKeepStdoutAndStderrApart()
    {
        Assert.Equal("to stdout\n", run.Copy.Cell(2).Stdout);
        Assert.Equal("to stderr\n", run.Copy.Cell(2).Stderr);
    }

    [Fact]
    public void DisplayedValuesKeepTheirMimeTypes()
    {
        var cell = run.Copy.Cell(3);
        Assert.All(cell.Outputs, o => Assert.Equal("display_data", (string?)o["output_type"]));
        Assert.Equal(["a displayed string"], cell.PlainText);
        Assert.Contains("table", Assert.Single(cell.Html));
    }

    [Fact]
    public void ReturnValuesCarryPlainTextAndTheirExecutionCount()
    {
        var cell = run.Copy.Cell(4);
        var output = Assert.Single(cell.Outputs);
        Assert.Equal("execute_result", (string?)output["output_type"]);
        Assert.Equal(cell.ExecutionCount, (int?)output["execution_count"]);
        Assert.Equal(["42"], cell.PlainText);
        Assert.Contains("42", Assert.Single(cell.Html));
    }

    [Fact]
    public void UpdatedDisplaysAreReplacedInPlace()
    {
        Assert.Equal(["done"], run.Copy.Cell(5).PlainText);
        // display(x) of .NET Interactive 1.0.0-beta.26120.1 returns an object whose updates name a display that was
        // never shown; the stock kernel under Jupyter drops them, and so does the runner.
        Assert.Equal(["shown"], run.Copy.Cell(6).PlainText);
    }

    [Fact]
    public void PackageKernelExtensionsRenderPlotlyCharts()
    {
        var chart = Assert.Single(run.Copy.Cell(8).Html);
        Assert.Contains("Plotly chart will be drawn inside this DIV", chart);
        Assert.Contains("Plotly.newPlot", chart);
    }

    [Fact]
    public void ExecutionCountsNumberTheExecutedCells()
    {
        Assert.Equal([null, 1, 2, 3, 4, 5, 6, 7, null], run.Copy.Cells.Select(c => c.ExecutionCount));
    }

    [Fact]
    public void TheCopyKeepsMetadataAndSourcesAndTheSourceIsUntouched()
    {
        Assert.True(JsonNode.DeepEquals(Metadata(), run.Copy.Metadata), run.Copy.Metadata.ToJsonString());
        var source = ExecutedNotebook.Load(run.Folder["kinds.ipynb"]);
        Assert.Equal(source.Cells.Select(c => (c.IsCode, c.Source)), run.Copy.Cells.Select(c => (c.IsCode, c.Source)));
        Assert.Equal(run.SourceText, File.ReadAllText(run.Folder["kinds.ipynb"]));
    }

    [Fact]
    public void ProgressShowsNotebooksCellsAndTimes()
    {
        var output = run.Result.Output;
        Assert.Contains("[1/1] kinds.ipynb", output);
        Assert.Matches(@"cell 4/9  6 \* 7  ok \d+\.\d s", output);
        Assert.Matches(@"\[1/1\] ok in \d+\.\d s, executed copy: executed/kinds.ipynb", output);
        Assert.DoesNotContain("cell 9/9", output);
    }
}
