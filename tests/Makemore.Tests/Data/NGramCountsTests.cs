using static TorchSharp.torch;

namespace Makemore.Tests.Data;

public class NGramCountsTests
{
    static readonly string[] Words = ["emma", "ava", "anna", "ella"];
    static readonly Vocabulary Letters = Vocabulary.FromWords(Words);

    [Fact]
    public void CountsEachDistinctPairOnceSortedByContextThenNext()
    {
        var counts = NGramCounts.Of(Words, Letters, order: 2);
        Assert.Equal(Words.Sum(w => w.Length + 1), counts.Total);
        Assert.Equal(counts.Total, counts.Counts.Sum());
        var keys = counts.Contexts.Zip(counts.Next, (c, n) => c * Letters.Size + n).ToList();
        Assert.Equal(keys.Order(), keys);
        Assert.Equal(keys.Count, keys.Distinct().Count());
        // "a." ends ava, anna and ella, and emma
        var a = Letters.Encode('a');
        var index = keys.IndexOf(a * Letters.Size + 0);
        Assert.Equal(4, counts.Counts[index]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(1000)]
    public void BatchesCoverEveryEntryOnceWithAtMostTheirContextsEach(int maxContexts)
    {
        var counts = NGramCounts.Of(Words, Letters, order: 3);
        var batches = counts.Batches(maxContexts).ToList();
        Assert.Equal(Enumerable.Range(0, counts.Distinct), batches.SelectMany(b => Enumerable.Range(b.First, b.End - b.First)));
        Assert.All(batches, b => Assert.InRange(b.Contexts.Count, 1, maxContexts));
        Assert.All(batches, b => Assert.All(Enumerable.Range(b.First, b.End - b.First),
            e => Assert.Equal(counts.Contexts[e], b.Contexts[b.Slots[e - b.First]])));
        // A context's entries are never split between batches.
        Assert.Equal(counts.DistinctContexts, batches.Sum(b => b.Contexts.Count));
        Assert.Equal(counts.Contexts.Distinct().Count(), counts.DistinctContexts);
    }

    [Fact]
    public void AgreesWithTheCountTableAtEveryOrder()
    {
        foreach (var order in new[] { 1, 2, 3, 5 })
        {
            var counts = NGramCounts.Of(Words, Letters, order);
            using var table = CountingModel.CountTable(Words, Letters, order);
            var dense = table.data<int>().ToArray();
            Assert.Equal(dense.Count(c => c > 0), counts.Distinct);
            for (var i = 0; i < counts.Distinct; i++)
                Assert.Equal(dense[counts.Contexts[i] * Letters.Size + counts.Next[i]], counts.Counts[i]);
        }
    }

    [Fact]
    public void WeightedExamplesStandForAllExamples()
    {
        using var weighted = NGramCounts.Of(Words, Letters, order: 3).ToExamples();
        Assert.NotNull(weighted.Weights);
        Assert.Equal(Words.Sum(w => w.Length + 1), weighted.TotalWeight);
        Assert.Equal([weighted.Count, 2L], weighted.X.shape);
        // the first row: context "..", followed by 'a' (ava, anna) twice
        Assert.Equal([0L, 0], weighted.X[0].data<long>().ToArray());
        Assert.Equal(Letters.Encode('a'), weighted.Y[0].item<long>());
        Assert.Equal(2f, weighted.Weights![0].item<float>());
    }

    [Fact]
    public void NamesHave627DistinctBigrams()
    {
        var words = NamesData.WordsOrSkip();
        var counts = NGramCounts.Of(words, Vocabulary.FromWords(words), order: 2);
        Assert.Equal(228_146, counts.Total);
        Assert.Equal(627, counts.Distinct);
    }

    [Fact]
    public void ManyPossibleNGramsAreCountedSparselyWithTheSameResult()
    {
        // 601 symbols, order 4: 601^4 possible 4-grams, far too many for the flat array of the dense path.
        var words = Models.EvaluationTests.LargeAlphabetWords();
        var vocabulary = Vocabulary.FromWords(words);
        var counts = NGramCounts.Of(words, vocabulary, order: 4);
        using var all = Examples.Of(words, vocabulary, 4);
        using var ids = ContextIndex.Of(all.X, vocabulary.Size);
        var expected = ids.data<long>().ToArray().Zip(all.Y.data<long>().ToArray(), (c, n) => (c, n: (int)n))
            .GroupBy(e => e).OrderBy(g => g.Key.c).ThenBy(g => g.Key.n).ToArray();
        Assert.Equal(expected.Select(g => g.Key.c), counts.Contexts);
        Assert.Equal(expected.Select(g => g.Key.n), counts.Next);
        Assert.Equal(expected.Select(g => g.Count()), counts.Counts);
        Assert.Equal(all.Count, counts.Total);
    }

    [Fact]
    public void CountsMadeEarlierAreReadBackAsTheyWere()
    {
        var counts = NGramCounts.Of(Words, Letters, order: 3);
        var written = Enumerable.Range(0, counts.Distinct).Select(i =>
            new KeyValuePair<string, int>(Letters.Decode([.. ContextIndex.Decode(counts.Contexts[i], Letters.Size, 3), counts.Next[i]]), counts.Counts[i]));
        var read = NGramCounts.FromCounts(Letters, 3, written.Reverse());
        Assert.Equal(counts.Contexts, read.Contexts);
        Assert.Equal(counts.Next, read.Next);
        Assert.Equal(counts.Counts, read.Counts);
        Assert.Equal(counts.Total, read.Total);
        Assert.Equal(3, read.Order);
        Assert.Contains(written, w => w.Key == ".em"); // the n symbols, context first
    }

    [Theory]
    [InlineData("em", 1, "\"em\" is not 3 symbols of the vocabulary")]
    [InlineData("emz", 1, "\"emz\" is not 3 symbols of the vocabulary")]
    [InlineData(".em", 0, "the count of \".em\" is 0")]
    [InlineData(".em", -2, "the count of \".em\" is -2")]
    public void CountsMadeEarlierAreChecked(string ngram, int count, string problem)
    {
        var e = Assert.Throws<ArgumentException>(() => NGramCounts.FromCounts(Letters, 3, [new(".aa", 1), new(ngram, count)]));
        Assert.StartsWith(problem, e.Message);
        e = Assert.Throws<ArgumentException>(() => NGramCounts.FromCounts(Letters, 3, [new(".aa", 1), new(".aa", 2)]));
        Assert.StartsWith("\".aa\" is counted twice", e.Message);
    }
}
