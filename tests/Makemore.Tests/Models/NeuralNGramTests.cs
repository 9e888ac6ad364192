using TorchSharp;
using static TorchSharp.torch;

namespace Makemore.Tests.Models;

public class NeuralNGramTests
{
    static readonly string[] Words = ["emma", "olivia", "ava", "isabella", "sophia", "mia", "amelia"];

    sealed class Recorder(Action<TrainingStep>? also = null) : IProgress<TrainingStep>
    {
        public List<TrainingStep> Steps { get; } = [];
        public void Report(TrainingStep value)
        {
            Steps.Add(value);
            also?.Invoke(value);
        }
    }

    [Fact]
    public void StartsFromTheLessonsRandomWeights()
    {
        using var model = Seeded.NeuralNGram(NamesData.Alphabet, order: 2, seed: 2147483647);
        using var expected = Seeded.Randn(27, 27, seed: 2147483647);
        Assert.True(model.W.Equals(expected));
        // The numbers of PyTorch 1.13's torch.randn((27, 27), generator=g), to the last bit.
        Assert.Equal(LessonReference.Get("first row of W").Numbers.Select(x => (float)x), expected[0].data<float>().ToArray());
        Assert.True(model.W.requires_grad);
        using var trigram = Seeded.NeuralNGram(NamesData.Alphabet, order: 3, seed: 1);
        Assert.Equal([54L, 27], trigram.W.shape);
    }

    [Fact]
    public void ProbabilitiesAreTheLessonsSoftmaxOfTheLogits()
    {
        using var model = Seeded.NeuralNGram(NamesData.Alphabet, order: 2, seed: 2147483647);
        using var xs = tensor(new long[] { 0, 5 });
        using var p = model.Probabilities(xs);
        Assert.False(p.requires_grad);
        using var counts = model.W.detach().index_select(0, xs).exp();
        using var expected = counts / counts.sum(1, keepdim: true);
        Assert.True(p.Equals(expected));
        Assert.True(p.sum(1).allclose(ones(2), rtol: 0, atol: 1e-6));
    }

    [Fact]
    public void FromWeightsCopies()
    {
        using var w = zeros(27, 27);
        using var model = NeuralNGram.FromWeights(NamesData.Alphabet, 2, w);
        w.add_(1);
        Assert.Equal(0f, model.W.sum().item<float>());
        Assert.True(model.W.requires_grad);
    }

    [Fact]
    public void NeedsAContext()
    {
        using var g = new Generator(1);
        Assert.Throws<ArgumentOutOfRangeException>(() => NeuralNGram.Create(NamesData.Alphabet, order: 1, g));
        Assert.Throws<ArgumentOutOfRangeException>(() => NeuralNGram.Create(NamesData.Alphabet, order: 0, g));
        using var wrong = zeros(27, 28);
        Assert.Throws<ArgumentException>(() => NeuralNGram.FromWeights(NamesData.Alphabet, 2, wrong));
    }

    [Fact]
    public void TrainingLowersTheLossAndReportsEveryStep()
    {
        var vocabulary = Vocabulary.FromWords(Words);
        using var examples = Examples.Of(Words, vocabulary, order: 3);
        using var model = Seeded.NeuralNGram(vocabulary, order: 3, seed: 42);
        var recorder = new Recorder();
        var steps = model.Train(examples, new TrainingOptions(Steps: 30, LearningRate: 10, Regularization: 0.01), recorder, TestContext.Current.CancellationToken);
        Assert.Equal(30, steps.Count);
        Assert.Equal(steps, recorder.Steps);
        Assert.Equal(Enumerable.Range(0, 30), steps.Select(s => s.Step));
        Assert.True(steps[^1].Loss < steps[0].Loss / 2, $"{steps[0].Loss} -> {steps[^1].Loss}");
        Assert.All(steps, s => Assert.True(s.Loss > s.DataLoss));
        Assert.True(Evaluation.Nll(model, examples) < steps[^1].DataLoss);
    }

    [Fact]
    public void CancellingStopsBeforeTheNextStep()
    {
        var vocabulary = Vocabulary.FromWords(Words);
        using var examples = Examples.Of(Words, vocabulary, order: 2);
        using var model = Seeded.NeuralNGram(vocabulary, order: 2, seed: 42);
        using var cancel = new CancellationTokenSource();
        var recorder = new Recorder(s => { if (s.Step == 2) cancel.Cancel(); });
        Assert.Throws<OperationCanceledException>(() => model.Train(examples, new TrainingOptions(), recorder, cancel.Token));
        Assert.Equal(3, recorder.Steps.Count);
    }

    [Fact]
    public void TrainingKeepsNoTensorsAlivePerStep()
    {
        var vocabulary = Vocabulary.FromWords(Words);
        using var examples = Examples.Of(Words, vocabulary, order: 3);
        using var model = Seeded.NeuralNGram(vocabulary, order: 3, seed: 42);
        model.Train(examples, new TrainingOptions(Steps: 2), cancellation: TestContext.Current.CancellationToken);
        var live = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        model.Train(examples, new TrainingOptions(Steps: 50), cancellation: TestContext.Current.CancellationToken);
        Assert.Equal(live, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    [Fact]
    public void RejectsExamplesOfAnotherModelAndBadOptions()
    {
        var vocabulary = Vocabulary.FromWords(Words);
        using var trigrams = Examples.Of(Words, vocabulary, order: 3);
        using var model = Seeded.NeuralNGram(vocabulary, order: 2, seed: 42);
        Assert.Throws<ArgumentException>(() => model.Train(trigrams, new TrainingOptions(), cancellation: TestContext.Current.CancellationToken));
        using var bigrams = Examples.Of(Words, vocabulary, order: 2);
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Train(bigrams, new TrainingOptions(LearningRate: 0), cancellation: TestContext.Current.CancellationToken));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Train(bigrams, new TrainingOptions(Regularization: -1), cancellation: TestContext.Current.CancellationToken));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Train(bigrams, new TrainingOptions(Steps: -1), cancellation: TestContext.Current.CancellationToken));
    }

    /// <summary>The loss and gradient (float64) at the random start W, on the given examples, computed in W's or another dtype.</summary>
    static (double Loss, Tensor Gradient) LossAndGradient(Tensor start, Examples examples, ScalarType dtype)
    {
        using var w = start.detach().to_type(dtype, copy: true).requires_grad_();
        using var loss = NeuralForward.CrossEntropy(NeuralForward.IndexedLogits(w, examples.X), examples.Y, examples.Weights)
                         + NeuralForward.Regularization(w, 0.01);
        loss.backward();
        return (loss.to_type(ScalarType.Float64).item<double>(), w.grad!.to_type(ScalarType.Float64));
    }

    static double MaxDifference(Tensor a, Tensor b)
    {
        using var difference = (a - b).abs().max();
        return difference.item<double>();
    }

    /// <summary>
    /// Exactly (float64) the loss and gradient on all examples equal those on the weighted distinct examples; and the
    /// model's float32 loss and gradient from the counts are within 1e-5 of them. (Float32 on all examples is the less
    /// accurate of the two: its gradient sums 228,146 terms and is off by about 1.1e-5 on names.txt.)
    /// </summary>
    static void CountsMatchAllExamples(IReadOnlyList<string> words, int order)
    {
        var vocabulary = Vocabulary.FromWords(words);
        using var all = Examples.Of(words, vocabulary, order);
        using var distinct = NGramCounts.Of(words, vocabulary, order).ToExamples();
        Assert.True(distinct.Count < all.Count);
        using var model = Seeded.NeuralNGram(vocabulary, order, seed: 2147483647);
        var (exactLoss, exactGradient) = LossAndGradient(model.W, all, ScalarType.Float64);
        var (countedExactLoss, countedExactGradient) = LossAndGradient(model.W, distinct, ScalarType.Float64);
        Assert.Equal(exactLoss, countedExactLoss, 1e-10);
        Assert.True(MaxDifference(exactGradient, countedExactGradient) < 1e-10);

        // The trainer's own loss: the counts regrouped by context, one cross-entropy with probability targets.
        using var distributions = ContextDistributions.Of(distinct);
        using var loss = distributions.CrossEntropy(model.W) + NeuralForward.Regularization(model.W, 0.01);
        loss.backward();
        using var gradient = model.W.grad!.to_type(ScalarType.Float64);
        Assert.Equal(exactLoss, loss.item<float>(), 1e-5);
        var difference = MaxDifference(gradient, exactGradient);
        Assert.True(difference < 1e-5, $"gradients differ by {difference}");
        exactGradient.Dispose();
        countedExactGradient.Dispose();
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void CountsGiveTheSameLossAndGradientAsAllExamples(int order)
    {
        CountsMatchAllExamples([.. Words, .. Words, "emma", "ava", "ava"], order);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void CountsGiveTheSameLossAndGradientOnNames(int order)
    {
        var words = NamesData.WordsOrSkip();
        CountsMatchAllExamples(words, order);
    }

    [Fact]
    public void TheLessonsTrainingOnNames()
    {
        var (words, vocabulary) = NamesData.WordsAndVocabularyOrSkip();
        using var examples = Examples.Of(words, vocabulary, order: 2);
        using var model = Seeded.NeuralNGram(vocabulary, order: 2, seed: 2147483647);
        var steps = model.Train(examples, new TrainingOptions(Steps: 100, LearningRate: 50, Regularization: 0.01), cancellation: TestContext.Current.CancellationToken);
        // The lesson's loop in PyTorch 1.13: its first and 100th losses, and the data loss after it.
        Assert.Equal(LessonReference.Get("training loss, step 1").Number, steps[0].Loss, 4);
        Assert.Equal(LessonReference.Get("training loss, step 100").Number, steps[^1].Loss, 4);
        Assert.Equal(LessonReference.Get("average NLL after 100 steps").Number, Evaluation.Nll(model, examples), 4);

        using var distinct = NGramCounts.Of(words, vocabulary, order: 2).ToExamples();
        using var counted = Seeded.NeuralNGram(vocabulary, order: 2, seed: 2147483647);
        var countedSteps = counted.Train(distinct, new TrainingOptions(), cancellation: TestContext.Current.CancellationToken);
        // Learning rate 50 amplifies the float32 rounding of the full-batch gradient (about 1e-5): losses agree to 1e-4.
        Assert.All(steps.Zip(countedSteps), p => Assert.Equal(p.First.Loss, p.Second.Loss, 1e-4));
        using var difference = (model.W - counted.W).abs().max();
        Assert.True(difference.item<float>() < 1e-3, $"{difference.item<float>()}");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void TrainingOnCountsTakesTheStepsOfTrainingOnTheirWeightedExamples(int order)
    {
        var (words, vocabulary) = NamesData.WordsAndVocabularyOrSkip();
        var counts = NGramCounts.Of(words, vocabulary, order);
        using var examples = counts.ToExamples();
        var options = new TrainingOptions(Steps: 20, LearningRate: NeuralNGram.DefaultLearningRate(order));
        using var direct = Seeded.NeuralNGram(vocabulary, order, seed: 2147483647);
        using var viaExamples = Seeded.NeuralNGram(vocabulary, order, seed: 2147483647);
        // Exactly the same numbers: one data path from the counts, the other through tensors and back.
        var token = TestContext.Current.CancellationToken;
        Assert.Equal(viaExamples.Train(examples, options, cancellation: token), direct.Train(counts, options, cancellation: token));
        Assert.True(direct.W.Equals(viaExamples.W));
    }

    [Fact]
    public void TheDefaultLearningRateIsTheLessonsForBigramsAndSmallerForHigherOrders()
    {
        Assert.Equal(50, NeuralNGram.DefaultLearningRate(2));
        Assert.Equal(25, NeuralNGram.DefaultLearningRate(3));
        Assert.Equal(50.0 / 11, NeuralNGram.DefaultLearningRate(12));
        Assert.Throws<ArgumentOutOfRangeException>(() => NeuralNGram.DefaultLearningRate(1));
    }

    [Fact]
    public void TheHighestOrderIsTheLibrarysOwnLimit()
    {
        // 27^14 is more than a long numbers (contexts, and n-gram keys); W stays small.
        Assert.Equal(13, NeuralNGram.HighestOrder(27));
        Assert.True(NeuralNGram.FitsOrder(27, 13));
        Assert.False(NeuralNGram.FitsOrder(27, 14));
        Assert.False(NeuralNGram.FitsOrder(27, 1));
        // 65,536 symbols: W of order 2 alone would have 2^32 weights.
        Assert.Equal(1, NeuralNGram.HighestOrder(65_536));
        using var g = new Generator(1);
        Assert.Throws<ArgumentOutOfRangeException>(() => NeuralNGram.Create(NamesData.Alphabet, order: 14, g));
    }

    [Fact]
    public void TrainingOptionsBreakNamedRules()
    {
        var steps = Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingOptions(Steps: 0).Check());
        Assert.Equal((nameof(TrainingOptions.Steps), "must be 1 or more"), (steps.ParamName, ArgumentRule.Of(steps)));
        var rate = Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingOptions(LearningRate: double.PositiveInfinity).Check());
        Assert.Equal((nameof(TrainingOptions.LearningRate), "must be a positive number"), (rate.ParamName, ArgumentRule.Of(rate)));
        var regularization = Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingOptions(Regularization: -1).Check());
        Assert.Equal((nameof(TrainingOptions.Regularization), "must be 0 or more"), (regularization.ParamName, ArgumentRule.Of(regularization)));
        new TrainingOptions(Steps: 1, Regularization: 0).Check();
    }

    [Fact]
    public void ManyContextsTrainInChunksWithTheStepsOfAllExamples()
    {
        // 601 symbols: the trigrams' distinct contexts times V are more targets than one chunk holds.
        var words = EvaluationTests.LargeAlphabetWords();
        var vocabulary = Vocabulary.FromWords(words);
        var counts = NGramCounts.Of(words, vocabulary, 3);
        Assert.True(ChunkedDistributions.Needed(counts));
        using var all = Examples.Of(words, vocabulary, 3);
        var options = new TrainingOptions(Steps: 5, LearningRate: 25, Regularization: 0.01);
        using var chunked = Seeded.NeuralNGram(vocabulary, 3, seed: 11);
        using var fullBatch = Seeded.NeuralNGram(vocabulary, 3, seed: 11);
        var token = TestContext.Current.CancellationToken;
        var chunkedSteps = chunked.Train(counts, options, cancellation: token);
        var fullSteps = fullBatch.Train(all, options, cancellation: token);
        foreach (var (c, f) in chunkedSteps.Zip(fullSteps))
        {
            Assert.Equal(f.Loss, c.Loss, 1e-5);
            Assert.Equal(f.DataLoss, c.DataLoss, 1e-5);
        }
        Assert.True(chunked.W.allclose(fullBatch.W, rtol: 0, atol: 1e-4));
    }
}
