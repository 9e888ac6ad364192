using System.Text.Json.Nodes;

namespace Makemore.Notebooks.Tests;

/// <summary>
/// The notebooks a learner tries an exercise in (E01-trigram.ipynb beside E01-trigram-solution.ipynb). As committed,
/// every step's answer is a placeholder, so the notebook runs top to bottom and every check says "not answered yet";
/// filled in from its solution (each answer cell "// Step N · …" replaced by the solution's cells that start the same
/// way), every check says ✓. The recognised mistakes are tested one by one against the checks in the library
/// (tests/Makemore.Tests/Exercises).
/// </summary>
public sealed partial class TryItNotebookTests
{
    public static TheoryData<string> TryIts() => Series.TryItNotebooks();

    [Theory]
    [MemberData(nameof(TryIts))]
    public async Task AsCommittedEveryCheckSaysNotAnsweredYet(string notebook)
    {
        var executed = await NotebookRun.ExecuteAsync(notebook);
        var steps = StepCells(Series.Cells(notebook)).Count;
        var checks = CheckLines(executed);
        Assert.True(steps > 0, $"{notebook} has no answer cell starting \"// Step N · \".");
        Assert.True(checks.Count >= steps, $"{notebook} has {steps} steps but prints {checks.Count} check line(s).");
        Assert.All(checks, line => Assert.StartsWith(CheckResult.NotAnsweredPrefix, line));
    }

    [Theory]
    [MemberData(nameof(TryIts))]
    public async Task FilledInFromItsSolutionEveryCheckIsRight(string notebook)
    {
        var filled = FillFromSolution(notebook);
        var result = await RunnerProcess.RunAsync(Repository.Root, filled, "--in-place");
        Assert.True(result.ExitCode == 0, $"{notebook} filled in from its solution did not run ({filled}).\n{result}");
        var checks = CheckLines(ExecutedNotebook.Load(filled));
        var steps = StepCells(Series.Cells(notebook)).Count;
        Assert.True(checks.Count >= steps, $"{notebook} filled in prints {checks.Count} check line(s) for {steps} steps.");
        Assert.All(checks, line => Assert.StartsWith(CheckResult.RightMark, line));
    }

    [Fact]
    public void EveryStepOfATryItNotebookHasItsAnswerInTheSolution()
    {
        foreach (var notebook in Series.Order.Where(Series.IsTryIt))
        {
            var solutionSteps = StepCells(Series.Cells(Series.SolutionOf(notebook))).Select(s => s.Step).ToHashSet();
            foreach (var (step, _) in StepCells(Series.Cells(notebook)))
                Assert.True(solutionSteps.Contains(step), $"{Series.SolutionOf(notebook)} has no cell starting \"// Step {step} · \" to answer {notebook}'s step {step}.");
        }
    }

    /// <summary>
    /// A copy of the try-it notebook whose answer cells hold the solution's code for the same steps, written into
    /// artifacts/notebook-tests/filled/ with its library reference made absolute (the copy sits elsewhere than notebooks/).
    /// </summary>
    static string FillFromSolution(string notebook)
    {
        var answers = StepCells(Series.Cells(Series.SolutionOf(notebook)))
            .GroupBy(s => s.Step)
            .ToDictionary(g => g.Key, g => string.Join("\n\n", g.Select(s => s.Source)));
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(NotebookRun.NotebooksFolder, notebook)))!.AsObject();
        var artifacts = Repository.Artifacts.Replace('\\', '/').TrimEnd('/') + "/";
        foreach (var cell in json["cells"]!.AsArray())
        {
            if ((string?)cell!["cell_type"] != "code") continue;
            var source = string.Concat(cell["source"]!.AsArray().Select(l => (string?)l));
            if (StepLine().Match(source) is { Success: true } step && answers.TryGetValue(int.Parse(step.Groups["n"].Value, CultureInfo.InvariantCulture), out var answer))
                source = answer;
            source = source.Replace("\"../artifacts/", $"\"{artifacts}", StringComparison.Ordinal);
            var lines = source.Split('\n');
            cell["source"] = new JsonArray([.. lines.Select((l, i) => (JsonNode)JsonValue.Create(i < lines.Length - 1 ? l + "\n" : l))]);
            cell["outputs"] = new JsonArray();
            cell["execution_count"] = null;
        }
        var folder = Path.Combine(NotebookRun.OutputFolder, "filled");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, notebook);
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }

    static List<(int Step, string Source)> StepCells(IReadOnlyList<(bool IsCode, string Source)> cells) =>
        cells.Where(c => c.IsCode).Select(c => (Match: StepLine().Match(c.Source), c.Source)).Where(c => c.Match.Success)
            .Select(c => (int.Parse(c.Match.Groups["n"].Value, CultureInfo.InvariantCulture), c.Source)).ToList();

    /// <summary>Every line a check cell printed: one starting with ✓, ✗ or "not answered yet:".</summary>
    static List<string> CheckLines(ExecutedNotebook notebook) =>
        notebook.CodeCells.SelectMany(c => c.Stdout.Split('\n'))
            .Where(l => l.StartsWith(CheckResult.RightMark, StringComparison.Ordinal) || l.StartsWith(CheckResult.WrongMark, StringComparison.Ordinal)
                || l.StartsWith(CheckResult.NotAnsweredPrefix, StringComparison.Ordinal))
            .ToList();

    [GeneratedRegex(@"^// Step (?<n>\d+) · ")]
    private static partial Regex StepLine();
}

/// <summary>The marks of a check's line, as the library prints them (Makemore.Exercises.CheckResult).</summary>
file static class CheckResult
{
    public const string RightMark = "✓";
    public const string WrongMark = "✗";
    public const string NotAnsweredPrefix = "not answered yet:";
}
