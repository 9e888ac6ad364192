namespace Makemore.Tests.Data;

public class DataSplitTests
{
    static readonly string[] Words = Enumerable.Range(0, 101).Select(i => $"w{i}").ToArray();

    [Fact]
    public void SplitsEightyTenTenWithoutLosingOrRepeatingWords()
    {
        var split = DataSplit.Of(Words, seed: 7);
        Assert.Equal(80, split.Train.Count);
        Assert.Equal(10, split.Dev.Count);
        Assert.Equal(11, split.Test.Count);
        Assert.Equal(Words.Order(), split.Train.Concat(split.Dev).Concat(split.Test).Order());
    }

    [Fact]
    public void SameSeedSameSplitOtherSeedOtherSplit()
    {
        var a = DataSplit.Of(Words, seed: 7);
        var b = DataSplit.Of(Words, seed: 7);
        var c = DataSplit.Of(Words, seed: 8);
        Assert.Equal(a.Train, b.Train);
        Assert.Equal(a.Dev, b.Dev);
        Assert.Equal(a.Test, b.Test);
        Assert.NotEqual(a.Train, c.Train);
    }

    [Fact]
    public void RejectsSplitsWithAnEmptyPart()
    {
        Assert.Throws<ArgumentException>(() => DataSplit.Of(["a", "b"]));
        Assert.Throws<ArgumentException>(() => DataSplit.Of(["a", "b", "c", "d"]));
        Assert.Throws<ArgumentOutOfRangeException>(() => DataSplit.Of(Words, trainFraction: 0.9, devFraction: 0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => DataSplit.Of(Words, trainFraction: 0, devFraction: 0.1));
    }

    [Fact]
    public void NamesSplitLikePyTorchsRandpermWithSeed42()
    {
        var words = NamesData.WordsOrSkip();
        var split = DataSplit.Of(words);
        Assert.Equal(LessonReference.Get("split sizes").Integers, [split.Train.Count, split.Dev.Count, split.Test.Count]);
        // PyTorch 1.13's torch.randperm(32033, generator=torch.Generator().manual_seed(42)) starts with 4348, 12372, 7029.
        Assert.Equal(LessonReference.Get("randperm, first three").Integers.Select(i => words[(int)i]), split.Train.Take(3));
        Assert.Equal(LessonReference.Get("first training names").Texts, split.Train.Take(5));
    }

    [Fact]
    public void TheFewestWordsGiveEveryPartItsShareOfOneWord()
    {
        Assert.Equal(10, DataSplit.MinimumWords());
        Assert.Equal(4, DataSplit.MinimumWords(0.5, 0.25));
        var nine = Words.Take(9).ToArray();
        var e = Assert.Throws<ArgumentException>(() => DataSplit.Of(nine));
        Assert.StartsWith("must be at least 10 words", ArgumentRule.Of(e));
        var split = DataSplit.Of(Words.Take(10).ToArray());
        Assert.Equal((8, 1, 1), (split.Train.Count, split.Dev.Count, split.Test.Count));
    }
}
