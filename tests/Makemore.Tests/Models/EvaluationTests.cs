using static TorchSharp.torch;

namespace Makemore.Tests.Models;

public class EvaluationTests
{
    static readonly string[] Words = ["emma", "olivia", "ava", "ava", "mia"];

    [Fact]
    public void AUniformModelScoresLogV()
    {
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
        var vocabulary = Vocabulary.FromWords(Words);
        using var model = CountingModel.Fit(Words, vocabulary, order: 3, smoothing: 0.1);
        using var distinct = NGramCounts.Of(Words, vocabulary, 3).ToExamples();
        Assert.Equal(Evaluation.Nll(model, Words), Evaluation.Nll(model, distinct), 5);
        using var net = Seeded.NeuralNGram(vocabulary, 3, seed: 5);
        Assert.Equal(Evaluation.Nll(net, Words), Evaluation.Nll(net, distinct), 5);
    }

    [Fact]
    public void TheNeuralNllIsItsCrossEntropy()
    {
        var vocabulary = Vocabulary.FromWords(Words);
        using var examples = Examples.Of(Words, vocabulary, 2);
        using var net = Seeded.NeuralNGram(vocabulary, 2, seed: 5);
        using var loss = NeuralForward.CrossEntropy(net.Logits(examples.X), examples.Y);
        Assert.Equal(loss.item<float>(), Evaluation.Nll(net, examples), 5);
    }

    [Fact]
    public void RejectsExamplesTheModelCannotScore()
    {
        var vocabulary = Vocabulary.FromWords(Words);
        using var model = CountingModel.Fit(Words, vocabulary, order: 2, smoothing: 1);
        using var trigrams = Examples.Of(Words, vocabulary, 3);
        Assert.Throws<ArgumentException>(() => Evaluation.Nll(model, trigrams));
        using var other = Examples.Of(Words, NamesData.Alphabet, 2);
        Assert.Throws<ArgumentException>(() => Evaluation.Nll(model, other));
        Assert.Throws<ArgumentException>(() => Evaluation.Nll(model, ["zed"]));
        Assert.Throws<ArgumentException>(() => Evaluation.Nll(model, []));
    }

    /// <summary>
    /// Words over a large alphabet (600 symbols from U+0400 on): more distinct contexts than one batch of the
    /// count-statistics evaluation holds (2^22 probabilities: 6,990 contexts of 600), so it is scored in several.
    /// </summary>
    internal static string[] LargeAlphabetWords()
    {
        var random = new Random(14);
        return Enumerable.Range(0, 4000).Select(_ => new string(Enumerable.Range(0, random.Next(2, 8)).Select(_ => (char)(0x400 + random.Next(600))).ToArray())).ToArray();
    }

    static void AssertSameNll(INGramModel model, IReadOnlyList<string> words)
    {
        using var all = Examples.Of(words, model.Vocabulary, model.Order);
        var perExample = Evaluation.Nll(model, all);
        var fromCounts = Evaluation.Nll(model, NGramCounts.Of(words, model.Vocabulary, model.Order));
        Assert.True(double.IsFinite(perExample), $"{perExample}");
        var relative = Math.Abs(fromCounts - perExample) / perExample;
        Assert.True(relative <= 1e-6, $"order {model.Order}: per example {perExample}, from counts {fromCounts}, relative difference {relative:E2}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void CountStatisticsScoreLikeEveryExampleOnNames(int order)
    {
        var (words, vocabulary) = NamesData.WordsAndVocabularyOrSkip();
        using var counting = CountingModel.Fit(words, vocabulary, order, smoothing: 0.1);
        AssertSameNll(counting, words);
        if (order < 2) return;
        using var net = Seeded.NeuralNGram(vocabulary, order, seed: 2147483647);
        net.Train(NGramCounts.Of(words, vocabulary, order), new TrainingOptions(Steps: 5, LearningRate: NeuralNGram.DefaultLearningRate(order)),
            cancellation: TestContext.Current.CancellationToken);
        AssertSameNll(net, words);
    }

    [Fact]
    public void CountStatisticsScoreLikeEveryExampleOverALargeAlphabet()
    {
        var words = LargeAlphabetWords();
        var vocabulary = Vocabulary.FromWords(words);
        Assert.Equal(601, vocabulary.Size);
        using var unigram = CountingModel.Fit(words, vocabulary, 1, smoothing: 1);
        AssertSameNll(unigram, words);
        using var bigram = CountingModel.Fit(words, vocabulary, 2, smoothing: 0.5);
        AssertSameNll(bigram, words);
        using var trigram = Seeded.NeuralNGram(vocabulary, 3, seed: 7);
        Assert.True(NGramCounts.Of(words, vocabulary, 3).Contexts.Distinct().Count() > (1 << 22) / vocabulary.Size, "the contexts fill more than one batch");
        AssertSameNll(trigram, words);
    }

    [Fact]
    public void CountStatisticsAreInfiniteWhereEveryExampleIs()
    {
        var vocabulary = Vocabulary.FromWords(Words);
        using var raw = CountingModel.Fit(["emma", "ava"], vocabulary, order: 2, smoothing: 0);
        Assert.Equal(double.PositiveInfinity, Evaluation.Nll(raw, Words));
        Assert.Equal(double.PositiveInfinity, Evaluation.Nll(raw, NGramCounts.Of(Words, vocabulary, 2)));
        using var trigrams = CountingModel.Fit(Words, vocabulary, order: 3, smoothing: 1);
        Assert.Throws<ArgumentException>(() => Evaluation.Nll(trigrams, NGramCounts.Of(Words, vocabulary, 2)));
    }
}
