using System.Text.RegularExpressions;
using static Makemore.Testing.FixtureNotebook;

namespace Makemore.NotebookRunner.Tests;

/// <summary>--jobs: notebooks side by side, each reported in one block, after the first notebook's first code cell.</summary>
public sealed class JobsTests : IDisposable
{
    readonly TempFolder folder = new();

    // Marks this notebook as running, waits for the other one to do the same (at most 60 s), and says whether it came.
    static string MeetCell(string self, string other) => $$"""
        System.IO.File.WriteAllText("{{self}}.ready", "");
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!System.IO.File.Exists("{{other}}.ready") && waited.Elapsed.TotalSeconds < 60) System.Threading.Thread.Sleep(50);
        Console.WriteLine($"met {{other}}: {System.IO.File.Exists("{{other}}.ready")}");
        """;

    [Fact]
    public async Task TwoJobsRunTwoNotebooksAtOnceAndReportEachInOneBlock()
    {
        Write(folder["notebooks/a.ipynb"],
            Code("System.Threading.Thread.Sleep(1000);\nSystem.IO.File.WriteAllText(\"a-first-cell.done\", \"\");"),
            Code(MeetCell("a", "b")));
        Write(folder["notebooks/b.ipynb"],
            Code("Console.WriteLine($\"a's first cell had finished: {System.IO.File.Exists(\"a-first-cell.done\")}\");"),
            Code(MeetCell("b", "a")));
        Write(folder["notebooks/c.ipynb"],
            Code("Console.WriteLine(\"c runs\");"),
            Code("throw new InvalidOperationException(\"boom in c\");"));

        var result = await RunnerProcess.RunAsync(folder.Path, "notebooks", "--jobs", "2", "-o", "executed");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("met b: True\n", ExecutedNotebook.Load(folder["executed/a.ipynb"]).Cell(2).Stdout);
        var b = ExecutedNotebook.Load(folder["executed/b.ipynb"]);
        Assert.Equal("a's first cell had finished: True\n", b.Cell(1).Stdout);
        Assert.Equal("met a: True\n", b.Cell(2).Stdout);
        Assert.Equal("c runs\n", ExecutedNotebook.Load(folder["executed/c.ipynb"]).Cell(1).Stdout);
        Assert.Contains("FAILED: c.ipynb, cell 2 of 2:\n    throw new InvalidOperationException(\"boom in c\");\n  InvalidOperationException: boom in c", result.Errors);
        Assert.Matches(@"Notebook run finished in \d+\.\d s, 2 at a time: 1 of 3 notebook\(s\) failed: c\.ipynb\.", result.Output);

        // Each notebook's lines are one block: its start line, one line per code cell, its end line.
        var lines = result.Output.Split('\n');
        foreach (var (number, name, outcome) in new[] { (1, "a", "ok"), (2, "b", "ok"), (3, "c", "FAILED") })
        {
            var start = Array.IndexOf(lines, $"[{number}/3] notebooks/{name}.ipynb");
            Assert.True(start >= 0, result.ToString());
            Assert.Matches(@"^  cell 1/2  .* ok \d+\.\d s$", lines[start + 1]);
            Assert.Matches(@"^  cell 2/2  .* (ok|FAILED) \d+\.\d s$", lines[start + 2]);
            Assert.Matches($@"^\[{number}/3\] {outcome} in \d+\.\d s, executed copy: {Regex.Escape($"executed/{name}.ipynb")}$", lines[start + 3]);
        }
    }

    [Fact]
    public async Task OneJobRunsTheNotebooksOneAfterAnother()
    {
        // Each notebook holds a marker file for a second and says whether another notebook's marker was there too.
        const string Overlap = """
            System.IO.File.WriteAllText(System.IO.Path.GetRandomFileName() + ".running", "");
            System.Threading.Thread.Sleep(1000);
            Console.WriteLine($"others running: {System.IO.Directory.GetFiles(".", "*.running").Length - 1}");
            """;
        foreach (var name in new[] { "a", "b", "c" }) Write(folder[$"notebooks/{name}.ipynb"], Code(Overlap), Code("foreach (var f in System.IO.Directory.GetFiles(\".\", \"*.running\")) System.IO.File.Delete(f);"));

        var result = await RunnerProcess.RunAsync(folder.Path, "notebooks", "-j", "1", "-o", "executed");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(", 1 at a time: all 3 notebook(s) ran without errors.", result.Output);
        foreach (var name in new[] { "a", "b", "c" })
            Assert.Equal("others running: 0\n", ExecutedNotebook.Load(folder[$"executed/{name}.ipynb"]).Cell(1).Stdout);
    }

    public void Dispose() => folder.Dispose();
}
