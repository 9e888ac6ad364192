using static TorchSharp.torch;

namespace Makemore.Tests.Data;

public class ExamplesTests
{
    static long[] Values(Tensor t) => t.data<long>().ToArray();

    [Fact]
    public void EmmaGivesTheLessonsFiveBigrams()
    {
        using var examples = Examples.Of(["emma"], NamesData.Alphabet, order: 2);
        Assert.Equal([5L, 1], examples.X.shape);
        Assert.Equal(ScalarType.Int64, examples.X.dtype);
        Assert.Equal(ScalarType.Int64, examples.Y.dtype);
        Assert.Equal([0L, 5, 13, 13, 1], Values(examples.X.squeeze(1)));
        Assert.Equal([5L, 13, 13, 1, 0], Values(examples.Y));
        Assert.Null(examples.Weights);
        Assert.Equal(5, examples.TotalWeight);
    }

    [Fact]
    public void PadsWithNMinusOneDotsForHigherOrders()
    {
        using var examples = Examples.Of(["emma"], NamesData.Alphabet, order: 4);
        Assert.Equal([5L, 3], examples.X.shape);
        Assert.Equal([0L, 0, 0, 0, 0, 5, 0, 5, 13, 5, 13, 13, 13, 13, 1], Values(examples.X.flatten()));
        Assert.Equal([5L, 13, 13, 1, 0], Values(examples.Y));
    }

    [Fact]
    public void OrderOneHasNoContext()
    {
        using var examples = Examples.Of(["ab", "c"], NamesData.Alphabet, order: 1);
        Assert.Equal([5L, 0], examples.X.shape);
        Assert.Equal([1L, 2, 0, 3, 0], Values(examples.Y));
    }

    [Fact]
    public void RejectsBadInput()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Examples.Of(["emma"], NamesData.Alphabet, order: 0));
        Assert.Throws<ArgumentException>(() => Examples.Of([], NamesData.Alphabet, order: 2));
        var unknown = Assert.Throws<ArgumentException>(() => Examples.Of(["emma", "zoë"], NamesData.Alphabet, order: 2));
        Assert.Contains("zoë", unknown.Message);
        Assert.Throws<ArgumentException>(() => Examples.Of(["a.b"], NamesData.Alphabet, order: 2));
    }

    [Fact]
    public void NamesHave228146Examples()
    {
        var (words, vocabulary) = NamesData.WordsAndVocabularyOrSkip();
        foreach (var order in new[] { 1, 2, 3, 6 })
        {
            using var examples = Examples.Of(words, vocabulary, order);
            Assert.Equal(228_146, examples.Count);
            Assert.Equal([228_146L, order - 1], examples.X.shape);
        }
    }
}
