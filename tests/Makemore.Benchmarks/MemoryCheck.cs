using System.Diagnostics;
using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace Makemore.Benchmarks;

/// <summary>
/// Benchmark 5, the "memory" mode: native memory over 1,000 full-batch training steps on names.txt's bigrams, for the
/// library's trainer on all examples, for the count-statistics trainer, and for the lesson's one-hot loop written as a
/// notebook writes it (a dispose scope per step). Measured from after a few warm-up steps, without forcing a garbage
/// collection (tensors left to the finalizer would show). Two measures: the native memory in use (glibc's count of
/// bytes allocated and not freed, libtorch's tensors among them: the target), and the resident set (VmRSS), which also
/// holds memory glibc keeps after it is freed and managed garbage not yet collected; malloc_trim(0) at the end shows
/// how much of the resident set was kept free memory.
/// </summary>
static class MemoryCheck
{
    public const double LimitMb = 50;
    const int WarmUpSteps = 10;

    public sealed record Result(string Name, int Steps, double Seconds,
        double NativeStartMb, double NativeEndMb, long LiveTensorsStart, long LiveTensorsEnd,
        double RssStartMb, double RssEndMb, double RssPeakMb, double RssTrimmedMb)
    {
        public double NativeGrowthMb => NativeEndMb - NativeStartMb;
        public double RssGrowthMb => RssEndMb - RssStartMb;
        public bool Passed => NativeGrowthMb < LimitMb && LiveTensorsEnd <= LiveTensorsStart;
    }

    public static int Run(string[] args)
    {
        var steps = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
        var results = Measure(steps, Console.WriteLine);
        Console.WriteLine();
        Print(results, Console.WriteLine);
        return results.All(r => r.Passed) ? 0 : 1;
    }

    public static IReadOnlyList<Result> Measure(int steps, Action<string> log)
    {
        Names.Ready();
        if (!NativeHeap.Available) throw new PlatformNotSupportedException("The memory check reads glibc's mallinfo2 (Linux).");
        using var all = Examples.Of(Names.Words, Names.Vocabulary, 2);
        using var distinct = NGramCounts.Of(Names.Words, Names.Vocabulary, 2).ToExamples();
        using var xs = all.X.view(-1);
        return
        [
            Loop("Train, all 228,146 examples (cross_entropy)", steps, log, model => Train(model, all)),
            Loop("Train, count statistics (627 weighted bigrams)", steps, log, model => Train(model, distinct)),
            Loop("lesson's one-hot loop, a dispose scope per step", steps, log,
                model => LessonStep.Run(Formulation.OneHot, model.W, xs, all.Y)),
        ];
    }

    public static void Print(IReadOnlyList<Result> results, Action<string> print)
    {
        print($"| training loop | steps | native in use (MB) | growth (MB) | live tensors | RSS (MB) | RSS growth (MB) | RSS peak (MB) | RSS after malloc_trim (MB) | native growth < {LimitMb} MB |");
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in results)
            print(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Name} | {r.Steps:N0} | {r.NativeStartMb:F1} → {r.NativeEndMb:F1} | {r.NativeGrowthMb:+0.0;-0.0} | {r.LiveTensorsStart} → {r.LiveTensorsEnd} " +
                $"| {r.RssStartMb:F1} → {r.RssEndMb:F1} | {r.RssGrowthMb:+0.0;-0.0} | {r.RssPeakMb:F1} | {r.RssTrimmedMb:F1} | {(r.Passed ? "PASS" : "FAIL")} |"));
    }

    static void Train(NeuralNGram model, Examples examples) =>
        model.Train(examples, new TrainingOptions(Steps: 1, LearningRate: LessonStep.LearningRate, Regularization: LessonStep.Regularization));

    static Result Loop(string name, int steps, Action<string> log, Action<NeuralNGram> step)
    {
        using var g = new Generator(Names.Seed);
        using var model = NeuralNGram.Create(Names.Vocabulary, 2, g);
        for (var i = 0; i < WarmUpSteps; i++) step(model);
        var (native, live, rss) = (NativeHeap.InUseMb, LiveTensors, ResidentMb());
        var peak = rss;
        var clock = Stopwatch.StartNew();
        for (var i = 1; i <= steps; i++)
        {
            step(model);
            peak = Math.Max(peak, ResidentMb());
            if (i % Math.Max(1, steps / 10) == 0)
                log(string.Create(CultureInfo.InvariantCulture,
                    $"{name}: step {i,5}, {NativeHeap.Describe()}, live tensors {LiveTensors}, RSS {ResidentMb(),6:F1} MB, " +
                    $"managed heap {GC.GetTotalMemory(false) / 1048576.0,5:F1} MB, {clock.Elapsed.TotalSeconds,6:F1} s"));
        }
        var (seconds, nativeEnd, liveEnd, rssEnd) = (clock.Elapsed.TotalSeconds, NativeHeap.InUseMb, LiveTensors, ResidentMb());
        NativeHeap.ReturnFreeMemory();
        return new Result(name, steps, seconds, native, nativeEnd, live, liveEnd, rss, rssEnd, peak, ResidentMb());
    }

    static long LiveTensors => DisposeScopeManager.Statistics.ThreadTotalLiveCount;

    /// <summary>VmRSS from /proc/self/status (Linux), else the working set.</summary>
    static double ResidentMb()
    {
        const string file = "/proc/self/status";
        if (File.Exists(file))
            foreach (var line in File.ReadLines(file))
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                    return double.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64 / (1024.0 * 1024);
    }
}
