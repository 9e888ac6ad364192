using System.Globalization;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Makemore.Benchmarks;

/// <summary>
/// The "targets" mode: runs the BenchmarkDotNet suite, the memory check, the notebook timing (unless
/// --skip-notebooks) and makemore train on a dictionary (unless --skip-dictionary, or when the list is missing), then
/// prints every result as a ratio against its category's reference from the same run, and each target of the
/// performance issue with PASS or FAIL. Ratios are of medians (robust to the shared machine's spikes).
/// </summary>
static class Targets
{
    public const double BigramTableMs = 5;
    public const double CountStatisticsSpeedup = 500;

    sealed record Measured(string Category, string Method, string Description, double MedianMs, double MeanMs, bool Baseline);

    public static int Run(string[] args)
    {
        var withNotebooks = !args.Contains("--skip-notebooks");
        var withDictionary = !args.Contains("--skip-dictionary");
        var summaries = BenchmarkRunner.Run([typeof(CountingBenchmarks), typeof(TrainingStepBenchmarks), typeof(SamplingBenchmarks)], BenchmarkConfig.Create());
        var measured = summaries.SelectMany(Read).ToList();
        var memory = MemoryCheck.Measure(1000, _ => { });
        NotebookTiming.Result? notebooks = null;
        string? notebooksProblem = withNotebooks ? null : "not measured (--skip-notebooks)";
        if (withNotebooks)
        {
            try
            {
                notebooks = NotebookTiming.Measure(repeats: 1, Console.WriteLine);
            }
            catch (InvalidOperationException e)
            {
                notebooksProblem = $"not measured: {e.Message}";
            }
        }

        DictionaryScale.Result? dictionary = null;
        var dictionaryProblem = !withDictionary ? "not measured (--skip-dictionary)"
            : !File.Exists(DictionaryScale.DefaultList) ? $"not measured: {DictionaryScale.DefaultList} is missing ({DictionaryScale.InstallHint})" : null;
        if (dictionaryProblem is null)
        {
            try
            {
                dictionary = DictionaryScale.Measure(DictionaryScale.DefaultList, repeats: 3, Console.WriteLine);
            }
            catch (InvalidOperationException e)
            {
                dictionaryProblem = $"not measured: {e.Message}";
            }
        }

        var lines = new List<string>
        {
            $"makemore.NET benchmarks, {DateTime.Now:yyyy-MM-dd HH:mm}, {Environment.ProcessorCount} cores, {Machine.Cpu}, load average {Machine.LoadAverage}, torch threads {Names.Threads}",
            "",
            "| category | benchmark | median | mean | ratio to the reference (medians) |",
            "|---|---|---:|---:|---:|",
        };
        foreach (var group in measured.GroupBy(m => m.Category))
        {
            var reference = group.Single(m => m.Baseline);
            foreach (var m in group)
                lines.Add($"| {m.Category} | {m.Description} | {Ms(m.MedianMs)} | {Ms(m.MeanMs)} | {(m.Baseline ? "reference" : Ratio(m.MedianMs / reference.MedianMs))} |");
        }
        lines.Add("");
        MemoryCheck.Print(memory, lines.Add);
        if (notebooks is not null)
        {
            lines.Add("");
            NotebookTiming.Print(notebooks, lines.Add);
        }

        if (dictionary is not null)
        {
            lines.Add("");
            DictionaryScale.Print(dictionary, lines.Add);
        }

        lines.Add("");
        lines.Add("| target | measured | result |");
        lines.Add("|---|---|---|");
        var passed = true;
        void Target(string target, string value, bool ok)
        {
            passed &= ok;
            lines.Add($"| {target} | {value} | {(ok ? "PASS" : "FAIL")} |");
        }
        var bigram = Find(measured, nameof(CountingBenchmarks.BigramTable));
        Target($"1. bigram count table ≤ {BigramTableMs} ms", $"{Ms(bigram.MedianMs)} (median)", bigram.MedianMs <= BigramTableMs);
        var oneHot = Find(measured, nameof(TrainingStepBenchmarks.OneHot));
        var counted = Find(measured, nameof(TrainingStepBenchmarks.CountStatistics));
        var speedup = oneHot.MedianMs / counted.MedianMs;
        Target($"2. count-statistics step ≥ {CountStatisticsSpeedup}× faster than the one-hot step",
            $"{speedup:F0}× ({Ms(counted.MedianMs)} vs {Ms(oneHot.MedianMs)})", speedup >= CountStatisticsSpeedup);
        lines.Add("| 2. count-statistics loss and gradient within 1e-5 of the full batch | xunit: NeuralNGramTests.CountsGiveTheSameLossAndGradientOnNames | test |");
        var lesson = Find(measured, nameof(SamplingBenchmarks.Lesson));
        var loop = Find(measured, nameof(SamplingBenchmarks.LessonLoopMultinomial));
        Target("3. the sampler faster than the lesson's loop (the same words: xunit LessonSamplerTests)",
            $"1,000 names: LessonSampler {Ms(lesson.MedianMs)} ({Ratio(lesson.MedianMs / loop.MedianMs)}) than the lesson's loop",
            lesson.MedianMs < loop.MedianMs);
        if (notebooksProblem is not null) lines.Add($"| 4. whole notebook series ≤ {NotebookTiming.LimitSeconds} s | {notebooksProblem} | – |");
        if (notebooks is not null)
            Target($"4. whole notebook series ≤ {NotebookTiming.LimitSeconds} s", $"{notebooks.SeriesSeconds:F1} s for {notebooks.Notebooks.Count} notebooks, {notebooks.Jobs} at a time",
                notebooks.SeriesSeconds <= NotebookTiming.LimitSeconds && notebooks.Notebooks.Count > 0);
        foreach (var r in memory)
            Target($"5. native memory growth over {r.Steps:N0} steps < {MemoryCheck.LimitMb} MB: {r.Name}",
                string.Create(CultureInfo.InvariantCulture, $"{r.NativeGrowthMb:+0.0;-0.0} MB in use, live tensors {r.LiveTensorsStart} → {r.LiveTensorsEnd} (RSS {r.RssGrowthMb:+0.0;-0.0} MB, see the note)"), r.Passed);
        if (dictionaryProblem is not null)
            lines.Add($"| 6. makemore train on a dictionary ≤ {DictionaryScale.TimeRatioLimit}× a bare read-and-count, ≤ {DictionaryScale.PeakMemoryLimitMb:F0} MB | {dictionaryProblem} | – |");
        if (dictionary is not null)
            foreach (var c in dictionary.Commands)
                Target($"6. `makemore {string.Join(' ', c.Arguments.Select(a => a == dictionary.File ? "FILE" : a))}` on {Path.GetFileName(dictionary.File)} ≤ {DictionaryScale.TimeRatioLimit}× a bare read-and-count, ≤ {DictionaryScale.PeakMemoryLimitMb:F0} MB",
                    string.Create(CultureInfo.InvariantCulture, $"{c.MedianSeconds / dictionary.ReferenceSeconds:F2}× ({c.MedianSeconds:F2} s vs {dictionary.ReferenceSeconds:F2} s), {c.PeakMb:F0} MB"), dictionary.Passed(c));
        lines.Add("| 6. count-statistics losses equal per-example evaluation (relative 1e-6) | xunit: EvaluationTests.CountStatisticsScoreLikeEveryExample* | test |");

        Console.WriteLine();
        foreach (var line in lines) Console.WriteLine(line);
        var file = Path.Combine(Directory.GetCurrentDirectory(), "BenchmarkDotNet.Artifacts", "targets.md");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllLines(file, lines);
        Console.WriteLine($"\n(also written to {file})");
        return passed ? 0 : 1;
    }

    static IEnumerable<Measured> Read(Summary summary) =>
        summary.Reports.Where(r => r.ResultStatistics is not null).Select(r =>
        {
            var descriptor = r.BenchmarkCase.Descriptor;
            return new Measured(descriptor.Categories.FirstOrDefault() ?? descriptor.Type.Name, descriptor.WorkloadMethod.Name,
                descriptor.WorkloadMethodDisplayInfo.Trim('\''), r.ResultStatistics!.Median / 1e6, r.ResultStatistics.Mean / 1e6, descriptor.Baseline);
        });

    static Measured Find(List<Measured> measured, string method) =>
        measured.SingleOrDefault(m => m.Method == method) ?? throw new InvalidOperationException($"The benchmark {method} did not produce a result.");

    static string Ms(double ms) => ms >= 100 ? string.Create(CultureInfo.InvariantCulture, $"{ms:F0} ms")
        : ms >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{ms:F2} ms") : string.Create(CultureInfo.InvariantCulture, $"{ms * 1000:F0} µs");

    /// <summary>A ratio as "N× faster" or "N× slower" (time of this / time of the reference).</summary>
    public static string Ratio(double ratio) => ratio <= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{1 / ratio:0.##}× faster")
        : string.Create(CultureInfo.InvariantCulture, $"{ratio:0.##}× slower");
}
