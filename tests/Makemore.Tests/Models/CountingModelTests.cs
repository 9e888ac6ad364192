using static TorchSharp.torch;

namespace Makemore.Tests.Models;

public class CountingModelTests
{
    static readonly string[] Words = ["emma", "ava", "anna", "ella"];

    [Fact]
    public void TheBigramTableIsTheLessonsIntTableAndPIsItsNormalisedRows()
    {
        var vocabulary = Vocabulary.FromWords(Words);
        using var model = CountingModel.Fit(Words, vocabulary, order: 2, smoothing: 1);
        var v = vocabulary.Size;
        Assert.Equal(ScalarType.Int32, model.N.dtype);
        Assert.Equal([(long)v, v], model.N.shape);
        Assert.Equal(Words.Sum(w => w.Length + 1), model.N.sum().item<long>());
        Assert.Equal(4, model.N[vocabulary.Encode('a'), 0].item<int>()); // every word ends in 'a'
        Assert.Equal(ScalarType.Float32, model.P.dtype);
        using var expected = (model.N + 1).to_type(ScalarType.Float32);
        expected.div_(expected.sum(1, keepdim: true));
        Assert.True(model.P.Equals(expected));
        Assert.True(model.P.sum(1).allclose(ones(v), rtol: 0, atol: 1e-6));
    }

    [Fact]
    public void AnyOrderHasOneRowPerContext()
    {
        var vocabulary = Vocabulary.FromWords(Words);
        var v = vocabulary.Size;
        using var trigram = CountingModel.Fit(Words, vocabulary, order: 3, smoothing: 0);
        Assert.Equal([(long)v * v, v], trigram.N.shape);
        var (e, m, a) = (vocabulary.Encode('e'), vocabulary.Encode('m'), vocabulary.Encode('a'));
        Assert.Equal(1, trigram.N[e * v + m, m].item<int>());
        Assert.Equal(1f, trigram.P[m * v + m, a].item<float>());
        using var unigram = CountingModel.Fit(Words, vocabulary, order: 1, smoothing: 0);
        Assert.Equal([1L, v], unigram.N.shape);
        Assert.Equal(4, unigram.N[0, 0].item<int>());
    }

    [Fact]
    public void ProbabilitiesAreTheRowsOfPForEachContext()
    {
        var vocabulary = Vocabulary.FromWords(Words);
        using var model = CountingModel.Fit(Words, vocabulary, order: 3, smoothing: 0.5);
        using var contexts = tensor(new long[] { 0, 0, 5, 1 }, [2, 2]);
        using var p = model.Probabilities(contexts);
        Assert.True(p[0].Equals(model.P[0]));
        Assert.True(p[1].Equals(model.P[5 * vocabulary.Size + 1]));
        using var bigram = CountingModel.Fit(Words, vocabulary, order: 2, smoothing: 1);
        using var xs = tensor(new long[] { 0, 3 });
        using var fromVector = bigram.Probabilities(xs);
        Assert.True(fromVector[1].Equals(bigram.P[3]));
        Assert.Throws<ArgumentException>(() => model.Probabilities(xs));
        using var outside = tensor(new long[] { 0, 99 }, [1, 2]);
        Assert.Throws<ArgumentException>(() => model.Probabilities(outside));
    }

    [Fact]
    public void SmoothingMayBeZeroButNotNegative()
    {
        var vocabulary = Vocabulary.FromWords(Words);
        Assert.Throws<ArgumentOutOfRangeException>(() => CountingModel.Fit(Words, vocabulary, 2, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => CountingModel.Fit(Words, vocabulary, 2, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => CountingModel.Fit(Words, vocabulary, 0, 1));
        using var model = CountingModel.Fit(Words, vocabulary, order: 3, smoothing: 0);
        // a context never seen has no distribution with k = 0: zeros, not NaN
        var unseen = vocabulary.Encode('v') * vocabulary.Size + vocabulary.Encode('v');
        Assert.Equal(0f, model.P[unseen].sum().item<float>());
        Assert.False(model.P.isnan().any().item<bool>());
        using var smoothed = model.WithSmoothing(2);
        Assert.Equal(2, smoothed.Smoothing);
        Assert.True(smoothed.N.Equals(model.N));
        Assert.Equal(1f / vocabulary.Size, smoothed.P[unseen, 0].item<float>(), 6);
    }

    [Fact]
    public void RefusesAbsurdlyLargeTables()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => CountingModel.Fit(["emma"], NamesData.Alphabet, order: 6, smoothing: 1));
        Assert.Contains("387,420,489", e.Message);
        Assert.Contains("NGramCounts", e.Message);
        // The rule the makemore command reports under --order, with the highest order it names.
        Assert.Equal("order", e.ParamName);
        Assert.StartsWith("must be at most 5 for a counting model over 27 symbols", ArgumentRule.Of(e));
    }

    [Fact]
    public void FromCountsChecksTheTable()
    {
        var vocabulary = Vocabulary.FromWords(Words);
        using var counts = CountingModel.CountTable(Words, vocabulary, order: 2);
        using var copy = CountingModel.FromCounts(vocabulary, 2, counts, 1);
        Assert.True(copy.N.Equals(counts));
        using var wrongShape = zeros(3, 3, dtype: ScalarType.Int32);
        Assert.Throws<ArgumentException>(() => CountingModel.FromCounts(vocabulary, 2, wrongShape, 1));
        using var negative = counts - 5;
        Assert.Throws<ArgumentException>(() => CountingModel.FromCounts(vocabulary, 2, negative, 1));
        using var floats = counts.to_type(ScalarType.Float32);
        Assert.Throws<ArgumentException>(() => CountingModel.FromCounts(vocabulary, 2, floats, 1));
    }

    [Fact]
    public void TheLessonsNumbersOnNames()
    {
        var (words, vocabulary) = NamesData.WordsAndVocabularyOrSkip();
        using var model = CountingModel.Fit(words, vocabulary, order: 2, smoothing: 1);
        Assert.Equal([27L, 27], model.N.shape);
        Assert.Equal(228_146, model.N.sum().item<long>());
        Assert.Equal(4410, model.N[0, vocabulary.Encode('a')].item<int>());

        // torch's float32 mean, as PyTorch 1.13 computes it on these probabilities.
        Assert.Equal(LessonReference.Get("average NLL, mean").Number, Evaluation.Nll(model, words), 6);

        // The lesson's 2.4544 comes from adding the log-probabilities one at a time into a float32 total, as its loop
        // does; the total drifts, to the very float32 that PyTorch 1.13's loop ends with.
        using var examples = Examples.Of(words, vocabulary, 2);
        var p = model.P.data<float>().ToArray();
        var (xs, ys) = (examples.X.data<long>().ToArray(), examples.Y.data<long>().ToArray());
        var logLikelihood = 0f;
        for (var i = 0; i < ys.Length; i++) logLikelihood += MathF.Log(p[xs[i] * 27 + ys[i]]);
        Assert.Equal((float)LessonReference.Get("log likelihood, running sum").Number, logLikelihood);
        Assert.Equal(LessonReference.Get("average NLL, running sum").Number, -logLikelihood / ys.Length, 6);
    }

    [Fact]
    public void AnUnseenBigramIsInfinitelyBadWithoutSmoothing()
    {
        var (words, vocabulary) = NamesData.WordsAndVocabularyOrSkip();
        using var raw = CountingModel.Fit(words, vocabulary, order: 2, smoothing: 0);
        using var smoothed = raw.WithSmoothing(1);
        Assert.Equal(0, raw.N[vocabulary.Encode('j'), vocabulary.Encode('q')].item<int>());
        Assert.Equal(double.PositiveInfinity, Evaluation.Nll(raw, ["andrejq"]));
        var finite = Evaluation.Nll(smoothed, ["andrejq"]);
        Assert.True(double.IsFinite(finite) && finite > 3, $"{finite}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void FittingCountsGivesTheTableOfTheWords(int order)
    {
        var vocabulary = Vocabulary.FromWords(Words);
        using var fromWords = CountingModel.Fit(Words, vocabulary, order, smoothing: 0.5);
        using var fromCounts = CountingModel.Fit(NGramCounts.Of(Words, vocabulary, order), smoothing: 0.5);
        Assert.True(fromCounts.N.Equals(fromWords.N));
        Assert.True(fromCounts.P.Equals(fromWords.P));
    }

    [Theory]
    [InlineData(1e308, "must be at most 1e30")]
    [InlineData(1e31, "must be at most 1e30")]
    [InlineData(1e-40, "must be 0 or at least 1e-30")]
    [InlineData(-1, "must be 0 or more (a count added to every cell)")]
    [InlineData(double.NaN, "must be 0 or more (a count added to every cell)")]
    public void ASmoothingOutsideFloat32sRangeIsRefusedUpFront(double k, string rule)
    {
        // 1e308 used to become infinite in float32, every probability NaN then 0, and the losses "infinite".
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => CountingModel.CheckSmoothing(k));
        Assert.Equal("smoothing", e.ParamName);
        Assert.StartsWith(rule, ArgumentRule.Of(e));
    }

    [Fact]
    public void TheLargestSmoothingStillGivesProbabilities()
    {
        var vocabulary = Vocabulary.FromWords(Words);
        CountingModel.CheckSmoothing(0);
        CountingModel.CheckSmoothing(CountingModel.MinPositiveSmoothing);
        using var model = CountingModel.Fit(Words, vocabulary, 2, CountingModel.MaxSmoothing);
        using var finite = model.P.isfinite().all();
        Assert.True(finite.item<bool>());
        using var uniform = full_like(model.P, 1f / vocabulary.Size);
        Assert.True(model.P.allclose(uniform, rtol: 1e-6));
    }

    [Fact]
    public void TheHighestOrderIsTheTableLimit()
    {
        Assert.Equal(5, CountingModel.HighestOrder(27));
        Assert.Equal(7, CountingModel.HighestOrder(11));
        Assert.True(CountingModel.FitsOrder(27, 5));
        Assert.False(CountingModel.FitsOrder(27, 6));
        Assert.False(CountingModel.FitsOrder(27, 0));
    }
}
