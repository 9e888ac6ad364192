using static TorchSharp.torch;

namespace Makemore.Tests.Models;

public class ContextDistributionsTests
{
    static readonly string[] Words = ["emma", "olivia", "ava", "isabella", "sophia", "mia", "amelia", "ava", "emma"];

    static float WeightedCrossEntropy(Tensor w, Examples examples)
    {
        using var logits = NeuralForward.IndexedLogits(w, examples.X);
        using var loss = NeuralForward.CrossEntropy(logits, examples.Y, examples.Weights);
        return loss.item<float>();
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void GiveTheWeightedCrossEntropyOfTheRows(int order)
    {
        var vocabulary = Vocabulary.FromWords(Words);
        using var counted = NGramCounts.Of(Words, vocabulary, order).ToExamples();
        using var distributions = ContextDistributions.Of(counted);
        using var total = distributions.Targets.sum();
        Assert.Equal(1f, total.item<float>(), 6);
        using var g = new Generator(3);
        using var w = randn((order - 1) * vocabulary.Size, vocabulary.Size, generator: g);
        using var loss = distributions.CrossEntropy(w);
        Assert.Equal(WeightedCrossEntropy(w, counted), loss.item<float>(), 5);
        if (order == 2) Assert.Null(distributions.Contexts);
        else
        {
            using var contextIds = ContextIndex.Of(distributions.Contexts!, vocabulary.Size);
            using var distinct = contextIds.unique().Item1;
            Assert.Equal(contextIds.numel(), distinct.numel());
        }
    }

    [Fact]
    public void ABigramContextNeverSeenAddsNothing()
    {
        // 'z' is in the vocabulary but in no word: its row of W gets zero targets, so neither loss nor gradient.
        var vocabulary = Vocabulary.FromWords([.. Words, "z"]);
        using var counted = NGramCounts.Of(Words, vocabulary, 2).ToExamples();
        using var distributions = ContextDistributions.Of(counted);
        var z = vocabulary.Encode('z');
        using var zTargets = distributions.Targets[z].sum();
        Assert.Equal(0f, zTargets.item<float>());
        using var g = new Generator(4);
        using var w = randn(vocabulary.Size, vocabulary.Size, generator: g).requires_grad_();
        using var loss = distributions.CrossEntropy(w);
        Assert.Equal(WeightedCrossEntropy(w, counted), loss.item<float>(), 5);
        loss.backward();
        using var zGradient = w.grad![z].abs().sum();
        Assert.Equal(0f, zGradient.item<float>());
    }

    [Fact]
    public void NeedWeightedExamples()
    {
        using var all = Examples.Of(Words, Vocabulary.FromWords(Words), 2);
        Assert.Throws<ArgumentException>(() => ContextDistributions.Of(all));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void FromCountsAreTheDistributionsOfTheirWeightedExamples(int order)
    {
        var vocabulary = Vocabulary.FromWords(Words);
        var counts = NGramCounts.Of(Words, vocabulary, order);
        using var counted = counts.ToExamples();
        using var viaExamples = ContextDistributions.Of(counted);
        using var direct = ContextDistributions.Of(counts);
        Assert.True(direct.Targets.Equals(viaExamples.Targets));
        if (order == 2) Assert.Null(direct.Contexts);
        else Assert.True(direct.Contexts!.Equals(viaExamples.Contexts!));
    }
}
