using static TorchSharp.torch;

namespace Makemore.Tests.Data;

public class ContextIndexTests
{
    [Fact]
    public void CountsContextsAsPowersOfTheVocabularySize()
    {
        Assert.Equal(1, ContextIndex.Count(27, 1));
        Assert.Equal(27, ContextIndex.Count(27, 2));
        Assert.Equal(729, ContextIndex.Count(27, 3));
        Assert.Equal(14_348_907, ContextIndex.Count(27, 6));
    }

    [Fact]
    public void RejectsBadOrdersAndOverflow()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ContextIndex.Count(27, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ContextIndex.Count(27, -3));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ContextIndex.Count(1000, 8));
        Assert.Contains("64-bit", e.Message);
    }

    [Fact]
    public void ReadsAContextAsABaseVNumberOldestFirst()
    {
        Assert.Equal(0, ContextIndex.Of([], 27));
        Assert.Equal(5, ContextIndex.Of([5], 27));
        Assert.Equal(5 * 27 + 13, ContextIndex.Of([5, 13], 27));
        Assert.Equal([5, 13], ContextIndex.Decode(5 * 27 + 13, 27, 3));
        Assert.Equal([0, 0, 1], ContextIndex.Decode(1, 27, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => ContextIndex.Of([27], 27));
        Assert.Throws<ArgumentOutOfRangeException>(() => ContextIndex.Decode(729, 27, 3));
    }

    [Fact]
    public void IndexesABatchLikeOneContextAtATime()
    {
        using var contexts = tensor(new long[] { 0, 0, 5, 13, 26, 26 }, [3, 2]);
        using var indices = ContextIndex.Of(contexts, 27);
        Assert.Equal([0L, 5 * 27 + 13, 26 * 27 + 26], indices.data<long>().ToArray());
        using var none = zeros(4, 0, dtype: ScalarType.Int64);
        using var unigram = ContextIndex.Of(none, 27);
        Assert.Equal([0L, 0, 0, 0], unigram.data<long>().ToArray());
    }
}
