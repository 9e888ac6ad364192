using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Makemore.Tests.Models;

public class ContextNetTests
{
    static readonly string[] Words = ["emma", "olivia", "ava", "isabella", "sophia", "mia", "amelia", "emma", "ava"];
    static readonly string[] Dev = ["bella", "sofia", "mila", "lia"];

    [Fact]
    public void StartsFromRandomWeightsWithOneRowPerContext()
    {
        using var bigram = Seeded.ContextNet(NamesData.Alphabet, order: 2, seed: 2147483647);
        using var expected = Seeded.Randn(27, 27, seed: 2147483647);
        Assert.True(bigram.W.Equals(expected));
        using var trigram = Seeded.ContextNet(NamesData.Alphabet, order: 3, seed: 1);
        Assert.Equal([729L, 27], trigram.W.shape);
        Assert.Throws<ArgumentOutOfRangeException>(() => Seeded.ContextNet(NamesData.Alphabet, order: 1, seed: 1));
        using var wrong = zeros(54, 27);
        Assert.Throws<ArgumentException>(() => ContextNet.FromWeights(NamesData.Alphabet, 3, wrong));
    }

    [Fact]
    public void LogitsAreTheOneHotOfTheContextIndexTimesW()
    {
        using var model = Seeded.ContextNet(NamesData.Alphabet, order: 3, seed: 7);
        using var contexts = tensor(new long[] { 0, 0, 0, 5, 5, 13, 26, 26 }, [4, 2]);
        using var logits = model.Logits(contexts);
        using var index = tensor(new long[] { 0, 5, 5 * 27 + 13, 26 * 27 + 26 });
        using var xenc = F.one_hot(index, 729).to_type(ScalarType.Float32);
        using var expected = xenc.matmul(model.W);
        Assert.True(logits.allclose(expected, rtol: 0, atol: 1e-6));
        using var p = model.Probabilities(contexts);
        Assert.True(p.sum(1).allclose(ones(4), rtol: 0, atol: 1e-6));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void TrainingFromCountsTakesTheLessonLoopsSteps(int order)
    {
        var vocabulary = Vocabulary.FromWords(Words);
        using var all = Examples.Of(Words, vocabulary, order);
        using var model = Seeded.ContextNet(vocabulary, order, seed: 2147483647);
        // The lesson's loop on every example, with autograd, from the same start.
        using var w = model.W.clone().requires_grad_();
        using var rows = ContextIndex.Of(all.X, vocabulary.Size);
        var lessonLosses = new List<double>();
        for (var step = 0; step < 5; step++)
        {
            using var scope = NewDisposeScope();
            var counts = w.index_select(0, rows).exp();
            var probs = counts / counts.sum(1, keepdim: true);
            var loss = -probs.gather(1, all.Y.unsqueeze(1)).log().mean() + 0.01 * w.pow(2).mean();
            lessonLosses.Add(loss.item<float>());
            w.grad = null;
            loss.backward();
            using (no_grad()) w.add_(w.grad!, alpha: -10);
        }
        var steps = model.Train(NGramCounts.Of(Words, vocabulary, order), new TrainingOptions(Steps: 5, LearningRate: 10, Regularization: 0.01),
            cancellation: TestContext.Current.CancellationToken);
        Assert.Equal(Enumerable.Range(0, 5), steps.Select(s => s.Step));
        Assert.All(steps.Zip(lessonLosses), p => Assert.Equal(p.Second, p.First.Loss, 1e-5));
        Assert.All(steps, s => Assert.True(s.Loss > s.DataLoss));
        Assert.True(steps[^1].Loss < steps[0].Loss);
        Assert.True(model.W.allclose(w.detach(), rtol: 0, atol: 1e-5));
        Assert.True(Evaluation.Nll(model, all) < steps[^1].DataLoss, "the last step lowered the loss further");
    }

    [Fact]
    public void TrainingKeepsNoTensorsAliveAndStopsWhenCancelled()
    {
        var vocabulary = Vocabulary.FromWords(Words);
        var counts = NGramCounts.Of(Words, vocabulary, 3);
        using var model = Seeded.ContextNet(vocabulary, order: 3, seed: 42);
        model.Train(counts, new TrainingOptions(Steps: 2), cancellation: TestContext.Current.CancellationToken);
        var live = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        model.Train(counts, new TrainingOptions(Steps: 50), cancellation: TestContext.Current.CancellationToken);
        Assert.Equal(live, DisposeScopeManager.Statistics.ThreadTotalLiveCount);

        using var cancel = new CancellationTokenSource();
        var seen = new List<TrainingStep>();
        var progress = new SyncProgress(s => { seen.Add(s); if (s.Step == 2) cancel.Cancel(); });
        Assert.Throws<OperationCanceledException>(() => model.Train(counts, new TrainingOptions(), progress, cancel.Token));
        Assert.Equal(3, seen.Count);
    }

    [Fact]
    public void RejectsCountsOfAnotherModelAndBadOptions()
    {
        var vocabulary = Vocabulary.FromWords(Words);
        using var model = Seeded.ContextNet(vocabulary, order: 2, seed: 42);
        Assert.Throws<ArgumentException>(() => model.Train(NGramCounts.Of(Words, vocabulary, 3), new TrainingOptions(), cancellation: TestContext.Current.CancellationToken));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Train(NGramCounts.Of(Words, vocabulary, 2), new TrainingOptions(LearningRate: 0), cancellation: TestContext.Current.CancellationToken));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            ContextNet.RegularizationSweep(Words, Dev, Vocabulary.FromWords([.. Words, .. Dev]), 2, [-1], new TrainingOptions(), cancellation: TestContext.Current.CancellationToken));
    }

    [Fact]
    public void RegularizationSweepTrainsOneNetPerStrengthFromTheSameStart()
    {
        var vocabulary = Vocabulary.FromWords([.. Words, .. Dev]);
        var options = new TrainingOptions(Steps: 40, LearningRate: 10);
        var result = ContextNet.RegularizationSweep(Words, Dev, vocabulary, order: 3, [0.01, 1, 200], options,
            cancellation: TestContext.Current.CancellationToken);
        Assert.Equal([0.01, 1, 200], result.Points.Select(p => p.Strength));
        Assert.Equal(result.Points.Min(p => p.DevLoss), result.Best.DevLoss);
        // The same point as training one net by hand with that strength.
        using var net = Seeded.ContextNet(vocabulary, 3, seed: 2147483647);
        net.Train(NGramCounts.Of(Words, vocabulary, 3), options with { Regularization = 1 }, cancellation: TestContext.Current.CancellationToken);
        Assert.Equal(Evaluation.Nll(net, Dev), result.Points[1].DevLoss, 1e-6);
        Assert.Equal(Evaluation.Nll(net, Words), result.Points[1].TrainLoss, 1e-6);
        // More regularisation fits the training words less closely.
        Assert.True(result.Points[0].TrainLoss < result.Points[1].TrainLoss && result.Points[1].TrainLoss < result.Points[2].TrainLoss);
    }

    sealed class SyncProgress(Action<TrainingStep> report) : IProgress<TrainingStep>
    {
        public void Report(TrainingStep value) => report(value);
    }
}
