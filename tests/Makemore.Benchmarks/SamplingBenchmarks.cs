using System.Text;
using BenchmarkDotNet.Attributes;
using static TorchSharp.torch;

namespace Makemore.Benchmarks;

/// <summary>
/// Benchmark 3: sampling 1,000 names from the lesson's smoothed bigram model (k = 1), each run from a fresh
/// Generator(2147483647). The reference is the lesson's sampling loop as a notebook writes it: per character the row
/// P[ix] and torch.multinomial on it. The samplers must produce exactly the same words as their per-character
/// definitions (checked by the tests); here only their speed is measured.
/// </summary>
[BenchmarkCategory("Sampling")]
public class SamplingBenchmarks
{
    public const int Count = 1000;

    CountingModel model = null!;

    [GlobalSetup]
    public void Setup()
    {
        Names.Ready();
        model = CountingModel.Fit(Names.Words, Names.Vocabulary, 2, smoothing: 1);
    }

    [GlobalCleanup]
    public void Cleanup() => model.Dispose();

    [Benchmark(Baseline = true, Description = "lesson loop: multinomial(P[ix]) per character")]
    public List<string> LessonLoopMultinomial() => LessonLoop((p, g) => multinomial(p, 1, replacement: true, generator: g).item<long>());

    [Benchmark(Description = "lesson loop: LessonSampler.Draw(P[ix]) per character")]
    public List<string> LessonLoopDraw() => LessonLoop((p, g) => LessonSampler.Draw(p, g));

    [Benchmark(Description = "LessonSampler (lesson-compatible)")]
    public IReadOnlyList<Sample> Lesson()
    {
        using var g = new Generator(Names.Seed);
        return LessonSampler.Sample(model, g, Count);
    }

    List<string> LessonLoop(Func<Tensor, Generator, long> draw)
    {
        using var g = new Generator(Names.Seed);
        var words = new List<string>(Count);
        for (var i = 0; i < Count; i++)
        {
            var word = new StringBuilder();
            long ix = 0;
            do
            {
                using var scope = NewDisposeScope();
                ix = draw(model.P[ix], g);
                word.Append(Names.Vocabulary.Itos[(int)ix]);
            } while (ix != 0);
            words.Add(word.ToString());
        }
        return words;
    }
}
