using System.Text.Json.Nodes;
using static Makemore.Testing.FixtureNotebook;

namespace Makemore.NotebookRunner.Tests;

/// <summary>
/// Runs a folder with three failing notebooks (a runtime exception, a compile error, a worker process that dies) once for
/// all tests in the class.
/// </summary>
public sealed class FailingCellsRun : RunnerFixture
{
    public ExecutedNotebook Exception { get; private set; } = null!;
    public ExecutedNotebook CompileError { get; private set; } = null!;
    public ExecutedNotebook WorkerExit { get; private set; } = null!;

    protected override string[] WriteNotebooks()
    {
        Write(Folder["notebooks/a-exception.ipynb"],
            Code("Console.WriteLine(\"before\");"),
            Code("throw new InvalidOperationException(\"boom\");\n// second line\n// third line\n// fourth line"),
            Code("Console.WriteLine(\"after\");"));
        Write(Folder["notebooks/b-compile-error.ipynb"],
            Markdown("# A cell that does not compile"),
            Code("int number = \"text\";"),
            Code("Console.WriteLine(\"after\");"));
        Write(Folder["notebooks/c-worker-exit.ipynb"],
            Code("Console.WriteLine(\"before\");"),
            Code("Environment.Exit(42);"));
        return ["notebooks", "--output", "executed"];
    }

    protected override void ReadOutputs()
    {
        Exception = Load("executed/a-exception.ipynb");
        CompileError = Load("executed/b-compile-error.ipynb");
        WorkerExit = Load("executed/c-worker-exit.ipynb");
    }
}

public sealed class FailingCellsTests(FailingCellsRun run) : IClassFixture<FailingCellsRun>
{
    [Fact]
    public void AFailingCellFailsTheRunButLaterNotebooksStillRun()
    {
        Assert.True(run.Result.ExitCode == 1, run.Result.ToString());
        Assert.Contains("[1/3] notebooks/a-exception.ipynb", run.Result.Output);
        Assert.Contains("[2/3] notebooks/b-compile-error.ipynb", run.Result.Output);
        Assert.Contains("[3/3] notebooks/c-worker-exit.ipynb", run.Result.Output);
        Assert.Contains("3 of 3 notebook(s) failed", run.Result.Output);
    }

    [Fact]
    public void AnExceptionIsReportedWithNotebookCellFirstLinesAndError()
    {
        Assert.Contains(
            """
            FAILED: a-exception.ipynb, cell 2 of 3:
                throw new InvalidOperationException("boom");
                // second line
                // third line
              InvalidOperationException: boom
            """, run.Result.Errors);
        Assert.DoesNotContain("fourth line", run.Result.Errors);
    }

    [Fact]
    public void AnExceptionStopsTheNotebookAndItsCopyEndsWithTheError()
    {
        Assert.Equal("before\n", run.Exception.Cell(1).Stdout);
        var error = Assert.Single(run.Exception.Cell(2).Errors);
        Assert.Equal(("InvalidOperationException", "boom"), (error.Name, error.Message));
        Assert.Contains(error.Trace, line => line.Contains("System.InvalidOperationException: boom", StringComparison.Ordinal));
        Assert.Null(run.Exception.Cell(3).ExecutionCount);
        Assert.Empty(run.Exception.Cell(3).Outputs);
    }

    [Fact]
    public void ACompileErrorIsReportedAndStopsTheNotebook()
    {
        Assert.Contains("FAILED: b-compile-error.ipynb, cell 2 of 3:\n    int number = \"text\";\n  CompilationError: (1,14): error CS0029", run.Result.Errors);
        var error = Assert.Single(run.CompileError.Cell(2).Errors);
        Assert.Equal("CompilationError", error.Name);
        Assert.Contains("CS0029", error.Message);
        Assert.Null(run.CompileError.Cell(3).ExecutionCount);
    }

    [Fact]
    public void AWorkerProcessThatDiesIsReportedOnTheCellItWasRunning()
    {
        Assert.Contains("FAILED: c-worker-exit.ipynb, cell 2 of 2:\n    Environment.Exit(42);\n  WorkerStopped: The worker process ended with exit code 42.", run.Result.Errors);
        Assert.Equal("before\n", run.WorkerExit.Cell(1).Stdout);
        Assert.Equal("WorkerStopped", Assert.Single(run.WorkerExit.Cell(2).Errors).Name);
    }
}

/// <summary>
/// --in-place on a notebook that fails loses nothing (issue 20): like nbconvert --inplace, the notebook is left as it was,
/// with the outputs of every cell, also those after the failing one; the executed copy up to the failure is beside it.
/// </summary>
public sealed class InPlaceFailureTests : IDisposable
{
    readonly TempFolder folder = new();

    [Fact]
    public async Task ANotebookThatFailsIsLeftWithAllItsOutputs()
    {
        var path = Write(folder["notebook.ipynb"],
            Code("Console.WriteLine(\"first\");"), Code("Console.WriteLine(\"second\");"), Code("Console.WriteLine(\"third\");"));
        var ran = await RunnerProcess.RunAsync(folder.Path, "--in-place", "notebook.ipynb");
        Assert.True(ran.ExitCode == 0, ran.ToString());

        // The middle cell now fails: the run stops there, and never reaches the third cell.
        var notebook = JsonNode.Parse(File.ReadAllText(path))!;
        notebook["cells"]![1]!["source"] = "throw new InvalidOperationException(\"boom\");";
        File.WriteAllText(path, notebook.ToJsonString());
        var before = File.ReadAllText(path);
        var failed = await RunnerProcess.RunAsync(folder.Path, "--in-place", "notebook.ipynb");

        Assert.True(failed.ExitCode == 1, failed.ToString());
        Assert.Contains("notebook.ipynb left as it was; executed copy up to the failure: artifacts/notebooks/notebook.ipynb", failed.Output);
        Assert.Equal(before, File.ReadAllText(path));
        var kept = ExecutedNotebook.Load(path);
        Assert.Equal(["first\n", "second\n", "third\n"], kept.CodeCells.Select(c => c.Stdout));
        var copy = ExecutedNotebook.Load(folder["artifacts/notebooks/notebook.ipynb"]);
        Assert.Equal("first\n", copy.Cell(1).Stdout);
        Assert.Equal("boom", Assert.Single(copy.Cell(2).Errors).Message);
        Assert.Empty(copy.Cell(3).Outputs);
    }

    public void Dispose() => folder.Dispose();
}
