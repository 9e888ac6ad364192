using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Makemore.Benchmarks;

/// <summary>
/// Benchmark 4, the "notebooks" mode: executes the notebook series headlessly with the repository's runner
/// (lib/Makemore.NotebookRunner, each notebook in a fresh kernel) and reads each notebook's time from the runner's
/// progress output. The reference is a notebook holding only the series' setup cell: the kernel start-up, package
/// loading and native setup every notebook pays. Each repeat runs the series twice: one notebook at a time (--jobs 1),
/// for each notebook's own time, and as the README's command runs it, several at a time (the runner's default --jobs),
/// whose wall time is the target. Measured with warm package caches: a first run restores packages.
/// </summary>
static partial class NotebookTiming
{
    public const double LimitSeconds = 90;
    const string ReferenceName = "setup-only.ipynb";

    public sealed record Notebook(string Name, double Seconds, bool Succeeded, string SlowestCells = "");

    /// <summary>
    /// Per-notebook medians over the repeats (one at a time); the series totals are the runner's own wall times for the
    /// folder, one at a time and with <paramref name="Jobs"/> at once (the target).
    /// </summary>
    public sealed record Result(double ReferenceSeconds, IReadOnlyList<Notebook> Notebooks, double OneAtATimeSeconds, double SeriesSeconds, int Jobs, int Repeats);

    public static int Run(string[] args)
    {
        var repeats = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
        Result result;
        try
        {
            result = Measure(repeats, Console.WriteLine);
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
        Console.WriteLine();
        Print(result, Console.WriteLine);
        return result.SeriesSeconds <= LimitSeconds && result.Notebooks.Count > 0 && result.Notebooks.All(n => n.Succeeded) ? 0 : 1;
    }

    public static void Print(Result result, Action<string> print)
    {
        print($"| notebook (runner, one at a time, warm caches, median of {result.Repeats}) | seconds | ratio to the setup-only notebook | slowest cells (last run) |");
        print("|---|---:|---:|---|");
        print(string.Create(CultureInfo.InvariantCulture, $"| setup cell only (reference: kernel start, packages, native setup) | {result.ReferenceSeconds:F1} | 1 | |"));
        foreach (var n in result.Notebooks)
            print(string.Create(CultureInfo.InvariantCulture,
                $"| {n.Name}{(n.Succeeded ? "" : " (FAILED)")} | {n.Seconds:F1} | {n.Seconds / result.ReferenceSeconds:F2} | {n.SlowestCells} |"));
        print(string.Create(CultureInfo.InvariantCulture,
            $"| whole series, one at a time (`--jobs 1`, the runner's wall time) | {result.OneAtATimeSeconds:F1} | {result.OneAtATimeSeconds / result.ReferenceSeconds:F2} | |"));
        print(string.Create(CultureInfo.InvariantCulture,
            $"| **whole series** ({result.Notebooks.Count} notebooks, {result.Jobs} at a time: the runner's default) | **{result.SeriesSeconds:F1}** | target ≤ {LimitSeconds} s: {(result.SeriesSeconds <= LimitSeconds && result.Notebooks.Count > 0 ? "PASS" : "FAIL")} | |"));
    }

    public static Result Measure(int repeats, Action<string> log)
    {
        var repository = RepositoryRoot();
        var runnerProject = Path.Combine(repository, "lib", "Makemore.NotebookRunner");
        if (!Directory.Exists(runnerProject))
            throw new InvalidOperationException($"No notebook runner at {runnerProject} (it lands on main with the runner branch).");
        var notebooks = Path.Combine(repository, "notebooks");
        var series = Directory.Exists(notebooks) ? Directory.GetFiles(notebooks, "*.ipynb").Order(StringComparer.Ordinal).ToArray() : [];
        if (series.Length == 0) log($"No notebooks in {notebooks} yet: only the reference is timed.");

        log("Building the runner and the helper library the notebooks load ...");
        Exec("dotnet", ["build", runnerProject, "-v", "quiet", "-nologo"], repository, _ => { });
        var runner = Directory.GetFiles(Path.Combine(repository, "artifacts", "bin", "Makemore.NotebookRunner"), "Makemore.NotebookRunner.dll", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(Path.GetDirectoryName(f)!).StartsWith("debug", StringComparison.Ordinal)).First();
        // One level below the repository, like notebooks/, so the setup cell's relative #r path resolves the same way.
        var reference = Path.Combine(repository, "artifacts", ReferenceName);
        WriteSetupOnly(reference, series);
        var output = Path.Combine(repository, "artifacts", "benchmarks", "executed-notebooks");

        // The first run restores the notebooks' packages into the caches; the measured runs find them there.
        log("Warm-up run of the setup cell (package caches) ...");
        RunRunner(runner, [reference], output, repository, log);
        var referenceTimes = new List<double>();
        var notebookTimes = new Dictionary<string, List<(double Seconds, bool Ok)>>();
        var slowest = new Dictionary<string, string>();
        var oneAtATimeTimes = new List<double>();
        var seriesTimes = new List<double>();
        var failedTogether = new HashSet<string>(StringComparer.Ordinal);
        var jobs = 0;
        for (var r = 1; r <= repeats; r++)
        {
            log($"Run {r}/{repeats}: the setup cell alone, then the series one at a time ...");
            referenceTimes.Add(RunRunner(runner, [reference], output, repository, log).Notebooks.Single().Seconds);
            if (series.Length == 0) continue;
            var run = RunRunner(runner, [notebooks, "--jobs", "1"], output, repository, log);
            oneAtATimeTimes.Add(run.TotalSeconds);
            log($"Run {r}/{repeats}: the series as the README's command runs it (the runner's default --jobs) ...");
            var together = RunRunner(runner, [notebooks], output, repository, log);
            seriesTimes.Add(together.TotalSeconds);
            jobs = together.Jobs;
            failedTogether.UnionWith(together.Notebooks.Where(n => !n.Succeeded).Select(n => n.Name));
            foreach (var n in run.Notebooks)
            {
                (notebookTimes.TryGetValue(n.Name, out var list) ? list : notebookTimes[n.Name] = []).Add((n.Seconds, n.Succeeded));
                slowest[n.Name] = n.SlowestCells;
            }
        }
        return new Result(Median(referenceTimes),
            notebookTimes.Select(p => new Notebook(p.Key, Median(p.Value.Select(v => v.Seconds)), p.Value.All(v => v.Ok) && !failedTogether.Contains(p.Key), slowest[p.Key])).ToList(),
            Median(oneAtATimeTimes), Median(seriesTimes), jobs, repeats);
    }

    /// <summary>A run's notebooks, its wall time and how many notebooks it ran at once, from the runner's summary line.</summary>
    sealed record RunnerRun(IReadOnlyList<Notebook> Notebooks, double TotalSeconds, int Jobs);

    static RunnerRun RunRunner(string runner, string[] inputs, string output, string repository, Action<string> log)
    {
        var notebooks = new List<Notebook>();
        var names = new Dictionary<string, string>();
        var cells = new List<(int Cell, double Seconds)>();
        double total = 0;
        var jobs = 1;
        var clock = Stopwatch.StartNew();
        Exec("dotnet", [runner, .. inputs, "--output", output], repository, line =>
        {
            log("  " + line);
            if (Cell().Match(line) is { Success: true } c)
                cells.Add((int.Parse(c.Groups["c"].Value, CultureInfo.InvariantCulture), Seconds(c.Groups["s"].Value)));
            else if (Finished().Match(line) is { Success: true } f)
                notebooks.Add(new Notebook(names.GetValueOrDefault(f.Groups["n"].Value, f.Groups["n"].Value), Seconds(f.Groups["s"].Value),
                    f.Groups["ok"].Value == "ok", string.Join(", ", cells.OrderByDescending(x => x.Seconds).Take(3)
                        .Select(x => string.Create(CultureInfo.InvariantCulture, $"cell {x.Cell}: {x.Seconds:F1} s")))));
            else if (Started().Match(line) is { Success: true } s)
            {
                names[s.Groups["n"].Value] = Path.GetFileName(s.Groups["path"].Value.Trim());
                cells.Clear();
            }
            else if (Summary().Match(line) is { Success: true } t)
                (total, jobs) = (Seconds(t.Groups["s"].Value), int.Parse(t.Groups["jobs"].Value, CultureInfo.InvariantCulture));
        }, allowFailure: true);
        return new RunnerRun(notebooks, total > 0 ? total : clock.Elapsed.TotalSeconds, jobs);
    }

    static void WriteSetupOnly(string path, string[] series)
    {
        // The series' own setup cell (from its first notebook), else the one the project's conventions prescribe.
        var setup = series.Select(FirstCodeCell).FirstOrDefault(c => c is not null) ?? new JsonArray(
            "#r \"nuget: TorchSharp-cpu, 0.107.0\"\n", "#r \"nuget: Plotly.NET.Interactive, 6.0.0\"\n", "#r \"nuget: Plotly.NET.CSharp, 0.14.0\"\n",
            "#r \"../artifacts/bin/Makemore/debug/Makemore.dll\"\n", "Makemore.Notebook.Setup();");
        var notebook = new JsonObject
        {
            ["cells"] = new JsonArray(new JsonObject
            {
                ["cell_type"] = "code",
                ["execution_count"] = null,
                ["metadata"] = new JsonObject(),
                ["outputs"] = new JsonArray(),
                ["source"] = setup,
            }),
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
                ["language_info"] = new JsonObject { ["name"] = "csharp" },
                ["polyglot_notebook"] = new JsonObject { ["kernelInfo"] = new JsonObject { ["defaultKernelName"] = "csharp", ["items"] = new JsonArray() } },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        File.WriteAllText(path, notebook.ToJsonString(new() { WriteIndented = true }));
    }

    static JsonArray? FirstCodeCell(string notebook)
    {
        var cells = JsonNode.Parse(File.ReadAllText(notebook))?["cells"]?.AsArray() ?? [];
        var source = cells.FirstOrDefault(c => (string?)c?["cell_type"] == "code")?["source"];
        return source switch
        {
            JsonArray lines => JsonNode.Parse(lines.ToJsonString())!.AsArray(),
            JsonValue text => new JsonArray((string)text!),
            _ => null,
        };
    }

    static void Exec(string file, string[] arguments, string folder, Action<string> line, bool allowFailure = false)
    {
        var start = new ProcessStartInfo(file, arguments) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) line(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) line(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        if (process.ExitCode != 0 && !allowFailure)
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}.");
    }

    static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "makemore.slnx"))) return folder.FullName;
        throw new InvalidOperationException("Run this from inside the repository (no makemore.slnx above the current folder).");
    }

    static double Seconds(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return 0;
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    [GeneratedRegex(@"^\[(?<n>\d+)/\d+\] (?<ok>ok|FAILED) in (?<s>[\d.]+) s")]
    private static partial Regex Finished();

    [GeneratedRegex(@"^\[(?<n>\d+)/\d+\] (?<path>.+\.ipynb)\s*$")]
    private static partial Regex Started();

    [GeneratedRegex(@"^\s*cell (?<c>\d+)/\d+ .* (ok|FAILED) (?<s>[\d.]+) s$")]
    private static partial Regex Cell();

    [GeneratedRegex(@"^Notebook run finished in (?<s>[\d.]+) s, (?<jobs>\d+) at a time")]
    private static partial Regex Summary();
}
