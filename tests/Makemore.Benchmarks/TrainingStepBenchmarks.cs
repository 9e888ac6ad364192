using BenchmarkDotNet.Attributes;
using static TorchSharp.torch;

namespace Makemore.Benchmarks;

/// <summary>
/// Benchmark 2: one full-batch training step of the bigram net on all 228,146 examples (forward, loss, backward,
/// update), in the lesson's formulations and with the count-statistics trainer, which trains on names.txt's 627
/// distinct bigrams weighted by their counts (the same loss and gradient, checked by the tests). The reference is
/// the lesson's one-hot step.
/// </summary>
[BenchmarkCategory("TrainingStep")]
public class TrainingStepBenchmarks
{
    static readonly TrainingOptions OneStep = new(Steps: 1, LearningRate: LessonStep.LearningRate, Regularization: LessonStep.Regularization);

    Examples all = null!;
    Examples distinct = null!;
    NeuralNGram model = null!;

    [GlobalSetup]
    public void Setup()
    {
        Names.Ready();
        all = Examples.Of(Names.Words, Names.Vocabulary, 2);
        distinct = NGramCounts.Of(Names.Words, Names.Vocabulary, 2).ToExamples();
        using var generator = new Generator(Names.Seed);
        model = NeuralNGram.Create(Names.Vocabulary, 2, generator);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        model.Dispose();
        all.Dispose();
        distinct.Dispose();
    }

    [Benchmark(Baseline = true, Description = "one-hot matmul (lesson)")]
    public float OneHot() => LessonStep.Run(Formulation.OneHot, model.W, all.X, all.Y);

    [Benchmark(Description = "row indexing")]
    public float Indexing() => LessonStep.Run(Formulation.Indexing, model.W, all.X, all.Y);

    [Benchmark(Description = "cross_entropy (NeuralNGram.Train)")]
    public double CrossEntropy() => model.Train(all, OneStep)[0].Loss;

    [Benchmark(Description = "count statistics (Train on NGramCounts)")]
    public double CountStatistics() => model.Train(distinct, OneStep)[0].Loss;
}
