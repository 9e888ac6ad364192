using static Makemore.Testing.FixtureNotebook;

namespace Makemore.NotebookRunner.Tests;

/// <summary>Bad usage ends with exit code 2 and one line on standard error, before any notebook runs.</summary>
public sealed class UsageErrorTests : IDisposable
{
    readonly TempFolder folder = new();

    [Theory]
    [InlineData("malformed.ipynb", """{ "cells": [ """, "malformed.ipynb: malformed JSON")]
    [InlineData("other.ipynb", """{ "name": "not a notebook" }""", "other.ipynb: not a notebook")]
    [InlineData("notes.txt", "some text", "notes.txt: not a notebook (expected a .ipynb file)")]
    public async Task AFileThatIsNoNotebookIsBadUsage(string name, string content, string message)
    {
        await File.WriteAllTextAsync(folder[name], content, TestContext.Current.CancellationToken);
        AssertUsageError(await RunnerProcess.RunAsync(folder.Path, name), message);
    }

    [Theory]
    [InlineData("missing.ipynb: no such file or folder", "missing.ipynb")]
    [InlineData("unknown option --colour", "--colour", "notebook.ipynb")]
    [InlineData("--timeout must be a positive number of seconds", "--timeout", "0", "notebook.ipynb")]
    [InlineData("--jobs must be a positive number", "--jobs", "0", "notebook.ipynb")]
    [InlineData("Cannot parse argument 'two' for option '--jobs'", "-j", "two", "notebook.ipynb")]
    [InlineData("Cannot parse argument 'soon' for option '--timeout'", "--timeout", "soon", "notebook.ipynb")]
    [InlineData("notebook.ipynb: the output folder is its own, so its executed copy would overwrite it as it runs", "-o", ".", "notebook.ipynb")]
    [InlineData("Required argument missing")]
    public async Task BadArgumentsAreBadUsage(string message, params string[] arguments)
    {
        Write(folder["notebook.ipynb"], Code("Console.WriteLine(1);"));
        AssertUsageError(await RunnerProcess.RunAsync(folder.Path, arguments), message);
    }

    [Fact]
    public async Task OneBadNotebookStopsTheRunBeforeAnyNotebookRuns()
    {
        Write(folder["notebooks/a-good.ipynb"], Code("Console.WriteLine(1);"));
        await File.WriteAllTextAsync(folder["notebooks/b-bad.ipynb"], "not json", TestContext.Current.CancellationToken);

        var result = await RunnerProcess.RunAsync(folder.Path, "notebooks", "-o", "executed");

        AssertUsageError(result, "b-bad.ipynb: malformed JSON");
        Assert.Empty(result.Output);
        Assert.False(Directory.Exists(folder["executed"]));
    }

    static void AssertUsageError(ProcessResult result, string message)
    {
        Assert.True(result.ExitCode == 2, result.ToString());
        var line = Assert.Single(result.Errors.TrimEnd().Split('\n'));
        Assert.StartsWith("error: ", line);
        Assert.Contains(message, line);
    }

    public void Dispose() => folder.Dispose();
}
