using Makemore.Exercises;
using TorchSharp;

namespace Makemore.Tests.Exercises;

/// <summary>E02's checks, each answer made here as a learner would make it: the split cut by hand, the models fit and scored.</summary>
public sealed class E02ChecksTests
{
    static (IReadOnlyList<string> Words, Vocabulary Vocabulary) Data => NamesData.WordsAndVocabularyOrSkip();

    /// <summary>The names in torch.randperm's order for a generator of <paramref name="seed"/>, the lesson's shuffle.</summary>
    static List<string> Shuffled(ulong seed)
    {
        var words = Data.Words;
        using var generator = new torch.Generator(seed);
        using var perm = torch.randperm(words.Count, generator: generator);
        return [.. perm.data<long>().ToArray().Select(i => words[(int)i])];
    }

    /// <summary>The parts cut at n1 and n2.</summary>
    static (List<string> Train, List<string> Dev, List<string> Test) Cut(List<string> names, int n1, int n2) => (names[..n1], names[n1..n2], names[n2..]);

    /// <summary>The names shuffled by .NET's Random with the seed 42, instead of torch.randperm.</summary>
    static List<string> RandomShuffle()
    {
        string[] names = [.. Data.Words];
        new Random(42).Shuffle(names);
        return [.. names];
    }

    static (int N1, int N2) Cuts(int count) => ((int)(0.8 * count), (int)(0.9 * count));

    static DataSplit Split => DataSplit.Of(Data.Words, 42);

    [Fact]
    public void NoSplitIsNotAnsweredYet()
    {
        Assert.Equal(Verdict.NotAnswered, E02Checks.Split(null!, null!, null!).Verdict);
        Assert.Equal("not answered yet: trainWords, devWords, testWords, the names shuffled by torch.randperm with a generator seeded 42 and cut 80/10/10",
            E02Checks.Split([], null!, []).Line);
    }

    [Fact]
    public void TheSeededPermutationCutAt80And90PercentIsRight()
    {
        var (n1, n2) = Cuts(Data.Words.Count);
        var (train, dev, test) = Cut(Shuffled(42), n1, n2);
        var result = E02Checks.Split(train, dev, test);
        Assert.Equal(Verdict.Right, result.Verdict);
        Assert.Equal("✓ trainWords, devWords, testWords: 25,626, 3,203 and 3,204 names, the split DataSplit.Of(words, 42) makes, right", result.Line);
    }

    public static TheoryData<string, string> SplitMistakes() => new()
    {
        { "the lesson's seed", "shuffled with seed 2147483647" },
        { "another shuffle", "shuffled another way" },
        { "no shuffle", "not shuffled" },
        { "cuts rounded to the nearest", "cut in other places" },
        { "overlapping parts", "Some names are in two parts" },
    };

    [Theory]
    [MemberData(nameof(SplitMistakes))]
    public void ARecognisedMistakeInTheSplitIsWrongWithItsHint(string mistake, string hint)
    {
        var count = Data.Words.Count;
        var (n1, n2) = Cuts(count);
        var (train, dev, test) = mistake switch
        {
            "the lesson's seed" => Cut(Shuffled(2147483647), n1, n2),
            "another shuffle" => Cut(RandomShuffle(), n1, n2),
            "no shuffle" => Cut([.. Data.Words], n1, n2),
            "cuts rounded to the nearest" => Cut(Shuffled(42), (int)Math.Round(0.8 * count), (int)Math.Round(0.9 * count)),
            "overlapping parts" => (Shuffled(42)[..n1], Shuffled(42)[n1..], Shuffled(42)[n2..]),
            _ => throw new ArgumentOutOfRangeException(nameof(mistake)),
        };
        E01ChecksTests.AssertWrong(E02Checks.Split(train, dev, test), "trainWords, devWords, testWords", hint);
    }

    static double CountingNll(IReadOnlyList<string> fitOn, IReadOnlyList<string> scoreOn, int order = 3, double smoothing = 1)
    {
        using var model = CountingModel.Fit(fitOn, Data.Vocabulary, order, smoothing);
        return Evaluation.Nll(model, scoreOn);
    }

    static double NetNll(IReadOnlyList<string> trainOn, IReadOnlyList<string> scoreOn, double learningRate = 30)
    {
        using var net = Seeded.NeuralNGram(Data.Vocabulary, 3, 2147483647);
        net.Train(NGramCounts.Of(trainOn, Data.Vocabulary, 3), new TrainingOptions(1000, learningRate, 0.01));
        return Evaluation.Nll(net, scoreOn);
    }

    [Fact]
    public void TheMissingAnswerIsNotAnsweredYet()
    {
        Assert.Equal(Verdict.NotAnswered, E02Checks.TrigramDevNll(Answer.Missing).Verdict);
        Assert.Equal(Verdict.NotAnswered, E02Checks.TrigramNetDevNll(Answer.Missing).Verdict);
        Assert.Equal(Verdict.NotAnswered, E02Checks.TrigramTestNll(Answer.Missing).Verdict);
    }

    [Fact]
    public void TheModelsFitOnTheTrainingNamesAndScoredOnHeldOutNamesAreRight()
    {
        var split = Split;
        Assert.Equal(Verdict.Right, E02Checks.TrigramDevNll(CountingNll(split.Train, split.Dev)).Verdict);
        Assert.Equal(Verdict.Right, E02Checks.TrigramTestNll(CountingNll(split.Train, split.Test)).Verdict);
        Assert.Equal(Verdict.Right, E02Checks.TrigramNetDevNll(NetNll(split.Train, split.Dev)).Verdict);
    }

    public static TheoryData<string, string> DevMistakes() => new()
    {
        { "counted from all names", "counted from all names" },
        { "scored on the training names", "loss on the training names" },
        { "scored on the test names", "loss on the test names" },
        { "the bigram model", "bigram model's dev loss" },
        { "no smoothing", "infinite loss" },
    };

    [Theory]
    [MemberData(nameof(DevMistakes))]
    public void ARecognisedMistakeInTheDevLossIsWrongWithItsHint(string mistake, string hint)
    {
        var split = Split;
        var loss = mistake switch
        {
            "counted from all names" => CountingNll(Data.Words, split.Dev),
            "scored on the training names" => CountingNll(split.Train, split.Train),
            "scored on the test names" => CountingNll(split.Train, split.Test),
            "the bigram model" => CountingNll(split.Train, split.Dev, order: 2),
            "no smoothing" => CountingNll(split.Train, split.Dev, smoothing: 0),
            _ => throw new ArgumentOutOfRangeException(nameof(mistake)),
        };
        E01ChecksTests.AssertWrong(E02Checks.TrigramDevNll(loss), "trigramDevNll", hint);
    }

    public static TheoryData<string, string> NetMistakes() => new()
    {
        { "trained on all names", "trained on all names" },
        { "the bigram learning rate", "learning rate 50" },
        { "scored on the training names", "loss on its training names" },
        { "scored on the test names", "loss on the test names" },
        { "the counting model", "counting model's dev loss" },
    };

    [Theory]
    [MemberData(nameof(NetMistakes))]
    public void ARecognisedMistakeInTheNetsDevLossIsWrongWithItsHint(string mistake, string hint)
    {
        var split = Split;
        var loss = mistake switch
        {
            "trained on all names" => NetNll(Data.Words, split.Dev),
            "the bigram learning rate" => NetNll(split.Train, split.Dev, learningRate: 50),
            "scored on the training names" => NetNll(split.Train, split.Train),
            "scored on the test names" => NetNll(split.Train, split.Test),
            "the counting model" => CountingNll(split.Train, split.Dev),
            _ => throw new ArgumentOutOfRangeException(nameof(mistake)),
        };
        E01ChecksTests.AssertWrong(E02Checks.TrigramNetDevNll(loss), "trigramNetDevNll", hint);
    }

    public static TheoryData<string, string> TestMistakes() => new()
    {
        { "scored on the dev names", "dev loss of step 2" },
        { "counted from all names", "counted from all names" },
        { "scored on the training names", "loss on the training names" },
    };

    [Theory]
    [MemberData(nameof(TestMistakes))]
    public void ARecognisedMistakeInTheTestLossIsWrongWithItsHint(string mistake, string hint)
    {
        var split = Split;
        var loss = mistake switch
        {
            "scored on the dev names" => CountingNll(split.Train, split.Dev),
            "counted from all names" => CountingNll(Data.Words, split.Test),
            "scored on the training names" => CountingNll(split.Train, split.Train),
            _ => throw new ArgumentOutOfRangeException(nameof(mistake)),
        };
        E01ChecksTests.AssertWrong(E02Checks.TrigramTestNll(loss), "trigramTestNll", hint);
    }
}
