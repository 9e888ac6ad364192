using static TorchSharp.torch;

namespace Makemore.Tests.Models;

public class NeuralForwardTests
{
    [Fact]
    public void TheLessonsLossOnEmmaIs3Point7693()
    {
        using var g = new Generator(2147483647);
        using var w = randn(27, 27, generator: g);
        using var examples = Examples.Of(["emma"], NamesData.Alphabet, order: 2);
        using var xs = examples.X.squeeze(1);
        using var logits = NeuralForward.OneHotLogits(w, xs);
        using var loss = NeuralForward.ManualNll(logits, examples.Y);
        Assert.Equal(LessonReference.Get("emma loss").Number, loss.item<float>(), 6);
        using var crossEntropy = NeuralForward.CrossEntropy(logits, examples.Y);
        Assert.Equal(loss.item<float>(), crossEntropy.item<float>(), 5);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void OneHotAndIndexedLogitsAgree(int order)
    {
        using var g = new Generator(1);
        using var w = randn((order - 1) * 27, 27, generator: g);
        using var examples = Examples.Of(["emma", "olivia", "ava"], NamesData.Alphabet, order);
        using var oneHot = NeuralForward.OneHotLogits(w, examples.X);
        using var indexed = NeuralForward.IndexedLogits(w, examples.X);
        Assert.Equal([examples.Count, 27L], indexed.shape);
        Assert.True(oneHot.allclose(indexed, rtol: 0, atol: 1e-5));
        if (order == 2) Assert.True(indexed.Equals(w.index_select(0, examples.X.squeeze(1))));
    }

    [Fact]
    public void ManualNllAndCrossEntropyAgreeAlsoWhenWeighted()
    {
        using var g = new Generator(3);
        using var logits = randn(6, 27, generator: g);
        using var targets = tensor(new long[] { 1, 0, 5, 26, 3, 3 });
        using var weights = tensor(new float[] { 1, 2, 0.5f, 3, 1, 4 });
        using var manual = NeuralForward.ManualNll(logits, targets, weights);
        using var fused = NeuralForward.CrossEntropy(logits, targets, weights);
        Assert.Equal(manual.item<float>(), fused.item<float>(), 5);
        // weighted rows = repeated rows
        using var repeated = NeuralForward.CrossEntropy(
            logits[tensor(new long[] { 0, 1, 1, 3, 3, 3, 4, 5, 5, 5, 5 })], targets[tensor(new long[] { 0, 1, 1, 3, 3, 3, 4, 5, 5, 5, 5 })]);
        using var integerWeights = tensor(new float[] { 1, 2, 0, 3, 1, 4 });
        using var weighted = NeuralForward.CrossEntropy(logits, targets, integerWeights);
        Assert.Equal(repeated.item<float>(), weighted.item<float>(), 5);
    }

    [Fact]
    public void RegularizationIsStrengthTimesMeanSquare()
    {
        using var w = tensor(new float[] { 1, -2, 3, 0 }, [2, 2]);
        using var reg = NeuralForward.Regularization(w, 0.01);
        Assert.Equal(0.01f * 14 / 4, reg.item<float>(), 6);
    }

    [Fact]
    public void RejectsWeightsOfTheWrongShape()
    {
        using var w = zeros(10, 27);
        using var xs = tensor(new long[] { 1, 2 });
        Assert.Throws<ArgumentException>(() => NeuralForward.IndexedLogits(w, xs));
        using var square = zeros(27, 27);
        using var wide = tensor(new long[] { 1, 2 }, [1, 2]);
        Assert.Throws<ArgumentException>(() => NeuralForward.OneHotLogits(square, wide));
    }
}
