using static TorchSharp.torch;

namespace Makemore.Tests.Models;

public class EvaluationTests
{
    static readonly string[] Words = ["emma", "olivia", "ava", "ava", "mia"];

    [Fact]
    public void AUniformModelScoresLogV()
    {
        Torch.Ready();
        var vocabulary = Vocabulary.FromWords(Words);
        using var nothing = zeros(vocabulary.Size, vocabulary.Size, dtype: ScalarType.Int32);
        using var uniform = CountingModel.FromCounts(vocabulary, 2, nothing, 1);
        Assert.Equal(Math.Log(vocabulary.Size), Evaluation.Nll(uniform, Words), 5);
        using var flat = zeros(vocabulary.Size, vocabulary.Size);
        using var net = NeuralNGram.FromWeights(vocabulary, 2, flat);
        Assert.Equal(Math.Log(vocabulary.Size), Evaluation.Nll(net, Words), 5);
    }

    [Fact]
    public void WeightedDistinctExamplesScoreLikeAllExamples()
    {
        Torch.Ready();
        var vocabulary = Vocabulary.FromWords(Words);
        using var model = CountingModel.Fit(Words, vocabulary, order: 3, smoothing: 0.1);
        using var distinct = NGramCounts.Of(Words, vocabulary, 3).ToExamples();
        Assert.Equal(Evaluation.Nll(model, Words), Evaluation.Nll(model, distinct), 5);
        using var g = new Generator(5);
        using var net = NeuralNGram.Create(vocabulary, 3, g);
        Assert.Equal(Evaluation.Nll(net, Words), Evaluation.Nll(net, distinct), 5);
    }

    [Fact]
    public void TheNeuralNllIsItsCrossEntropy()
    {
        Torch.Ready();
        var vocabulary = Vocabulary.FromWords(Words);
        using var examples = Examples.Of(Words, vocabulary, 2);
        using var g = new Generator(5);
        using var net = NeuralNGram.Create(vocabulary, 2, g);
        using var loss = net.Loss(examples, regularization: 0);
        Assert.Equal(loss.item<float>(), Evaluation.Nll(net, examples), 5);
    }

    [Fact]
    public void RejectsExamplesTheModelCannotScore()
    {
        Torch.Ready();
        var vocabulary = Vocabulary.FromWords(Words);
        using var model = CountingModel.Fit(Words, vocabulary, order: 2, smoothing: 1);
        using var trigrams = Examples.Of(Words, vocabulary, 3);
        Assert.Throws<ArgumentException>(() => Evaluation.Nll(model, trigrams));
        using var other = Examples.Of(Words, NamesData.Alphabet, 2);
        Assert.Throws<ArgumentException>(() => Evaluation.Nll(model, other));
        Assert.Throws<ArgumentException>(() => Evaluation.Nll(model, ["zed"]));
        Assert.Throws<ArgumentException>(() => Evaluation.Nll(model, []));
    }
}
