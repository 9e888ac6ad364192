using static Makemore.Testing.FixtureNotebook;

namespace Makemore.NotebookRunner.Tests;

/// <summary>The options that change how a notebook runs: --timeout, --allow-errors, --in-place, the default output folder.</summary>
public sealed class RunOptionsTests : IDisposable
{
    readonly TempFolder folder = new();

    [Fact]
    public async Task ACellPastTheTimeoutIsStoppedAndReported()
    {
        // One cell that prints and then never ends; the timeout leaves room for the first cell's compilation on a busy machine.
        Write(folder["timeout.ipynb"],
            Code("Console.WriteLine(\"started\");\nwhile (true) { }"),
            Code("Console.WriteLine(\"never\");"));

        var result = await RunnerProcess.RunAsync(folder.Path, "timeout.ipynb", "--timeout", "20", "-o", "executed");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("FAILED: timeout.ipynb, cell 1 of 2:\n    Console.WriteLine(\"started\");\n    while (true) { }\n  Timeout: The cell did not finish within 20 s", result.Errors);
        var copy = ExecutedNotebook.Load(folder["executed/timeout.ipynb"]);
        Assert.Equal("started\n", copy.Cell(1).Stdout);
        Assert.Equal("Timeout", Assert.Single(copy.Cell(1).Errors).Name);
        Assert.Null(copy.Cell(2).ExecutionCount);
    }

    [Fact(Timeout = 300_000)]
    public async Task AWorkerThatDoesNotEndAfterATimeoutIsKilled()
    {
        // The cell outlives its timeout, and a handler that never returns keeps the worker from exiting afterwards: only
        // the runner's own watchdog (silence past the timeout plus its grace period) can end it. Nothing spins a core.
        Write(folder["stuck.ipynb"],
            Code("Console.WriteLine(\"warm\");"),
            Code("AppDomain.CurrentDomain.ProcessExit += (_, _) => System.Threading.Thread.Sleep(System.Threading.Timeout.Infinite);\n" +
                 "System.Threading.Thread.Sleep(System.Threading.Timeout.Infinite);"));

        var result = await RunnerProcess.RunAsync(folder.Path, "stuck.ipynb", "--timeout", "10", "-o", "executed");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("FAILED: stuck.ipynb, cell 2 of 2:", result.Errors);
        Assert.Contains("Timeout: The cell did not finish within 10 s", result.Errors);
        Assert.Contains("stuck.ipynb: The worker was silent for 40 s (the cell timeout and a grace period) and was killed.", result.Errors);
        Assert.Contains("[1/1] FAILED in", result.Output);
        Assert.Equal("Timeout", Assert.Single(ExecutedNotebook.Load(folder["executed/stuck.ipynb"]).Cell(2).Errors).Name);
    }

    [Fact]
    public async Task AllowErrorsRunsOnAfterAFailingCell()
    {
        Write(folder["errors.ipynb"],
            Code("throw new InvalidOperationException(\"boom\");"),
            Code("Console.WriteLine(\"after\");"));

        var result = await RunnerProcess.RunAsync(folder.Path, "errors.ipynb", "--allow-errors", "-o", "executed");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("FAILED: errors.ipynb, cell 1 of 2:", result.Errors);
        var copy = ExecutedNotebook.Load(folder["executed/errors.ipynb"]);
        Assert.Equal("boom", Assert.Single(copy.Cell(1).Errors).Message);
        Assert.Equal((2, "after\n"), (copy.Cell(2).ExecutionCount, copy.Cell(2).Stdout));
    }

    [Fact]
    public async Task InPlaceWritesTheOutputsIntoTheNotebookItself()
    {
        Write(folder["notebook.ipynb"], Code("Console.WriteLine(\"in place\");"));

        var result = await RunnerProcess.RunAsync(folder.Path, "--in-place", "notebook.ipynb");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("[1/1] ok in", result.Output);
        Assert.Contains("outputs written into notebook.ipynb", result.Output);
        Assert.Equal("in place\n", ExecutedNotebook.Load(folder["notebook.ipynb"]).Cell(1).Stdout);
        // The executed copy, written as the notebook ran, is what replaced the notebook.
        Assert.Equal(File.ReadAllText(folder["artifacts/notebooks/notebook.ipynb"]), File.ReadAllText(folder["notebook.ipynb"]));
    }

    [Fact]
    public async Task AMarkdownOnlyNotebookIsCopiedToTheDefaultOutputFolder()
    {
        Write(folder["prose.ipynb"], Markdown("# Only prose"), Markdown("No code at all."));

        var result = await RunnerProcess.RunAsync(folder.Path, "prose.ipynb");

        Assert.True(result.ExitCode == 0, result.ToString());
        var copy = ExecutedNotebook.Load(folder["artifacts/notebooks/prose.ipynb"]);
        Assert.Equal(["# Only prose", "No code at all."], copy.Cells.Select(c => c.Source));
        Assert.DoesNotContain(copy.Cells, c => c.IsCode);
    }

    public void Dispose() => folder.Dispose();
}
