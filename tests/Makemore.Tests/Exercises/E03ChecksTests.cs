using Makemore.Exercises;

namespace Makemore.Tests.Exercises;

/// <summary>
/// E03's checks, each answer made here as a learner would make it: the smoothing swept by hand over the set-up's grid,
/// the net's regularisation swept with the library, and each choice made on the wrong names or not made at all.
/// </summary>
public sealed class E03ChecksTests
{
    static (IReadOnlyList<string> Words, Vocabulary Vocabulary) Data => NamesData.WordsAndVocabularyOrSkip();

    static DataSplit Split => DataSplit.Of(Data.Words, 42);

    // The set-up cell's grids and settings.
    static readonly double[] Ks = Sweep.LogSpaced(0.0001, 100, 25);
    static readonly double[] Strengths = Sweep.LogSpaced(0.0003, 0.3, 7);
    static readonly TrainingOptions NetOptions = new(Steps: 8000, LearningRate: 100);

    static double Nll(double k, IReadOnlyList<string> scoreOn, IReadOnlyList<string>? fitOn = null)
    {
        using var model = CountingModel.Fit(fitOn ?? Split.Train, Data.Vocabulary, order: 3, smoothing: k);
        return Evaluation.Nll(model, scoreOn);
    }

    /// <summary>The k of the grid whose model scores lowest on <paramref name="scoreOn"/> (highest with <paramref name="highest"/>).</summary>
    static double ChosenK(IReadOnlyList<string> scoreOn, bool highest = false)
    {
        var losses = Ks.Select(k => (K: k, Loss: Nll(k, scoreOn))).ToList();
        return (highest ? losses.MaxBy(p => p.Loss) : losses.MinBy(p => p.Loss)).K;
    }

    static double BestK => ChosenK(Split.Dev);

    [Fact]
    public void TheMissingAnswerIsNotAnsweredYet()
    {
        Assert.Equal(Verdict.NotAnswered, E03Checks.BestK(Answer.Missing).Verdict);
        Assert.Equal(Verdict.NotAnswered, E03Checks.BestDevNll(Answer.Missing).Verdict);
        Assert.Equal(Verdict.NotAnswered, E03Checks.BestStrength(Answer.Missing).Verdict);
        Assert.Equal(Verdict.NotAnswered, E03Checks.TestNll(Answer.Missing).Verdict);
    }

    [Fact]
    public void TheChoicesMadeOnDevAndTheOneTestLossAreRight()
    {
        var k = BestK;
        Assert.Equal(Verdict.Right, E03Checks.BestK(k).Verdict);
        Assert.Equal(Verdict.Right, E03Checks.BestDevNll(Nll(k, Split.Dev)).Verdict);
        Assert.Equal(Verdict.Right, E03Checks.TestNll(Nll(k, Split.Test)).Verdict);
        var sweep = ContextNet.RegularizationSweep(Split.Train, Split.Dev, Data.Vocabulary, 3, Strengths, NetOptions, cancellation: TestContext.Current.CancellationToken);
        Assert.Equal(Verdict.Right, E03Checks.BestStrength(sweep.Best.Strength).Verdict);
    }

    public static TheoryData<string, string> KMistakes() => new()
    {
        { "chosen on the training names", "lowest training loss" },
        { "the lesson's k", "the lesson's k = 1" },
        { "the highest dev loss", "highest dev loss" },
    };

    [Theory]
    [MemberData(nameof(KMistakes))]
    public void ARecognisedMistakeInTheChosenKIsWrongWithItsHint(string mistake, string hint)
    {
        var k = mistake switch
        {
            "chosen on the training names" => ChosenK(Split.Train),
            "the lesson's k" => 1,
            "the highest dev loss" => ChosenK(Split.Dev, highest: true),
            _ => throw new ArgumentOutOfRangeException(nameof(mistake)),
        };
        E01ChecksTests.AssertWrong(E03Checks.BestK(k), "bestK", hint);
    }

    public static TheoryData<string, string> DevLossMistakes() => new()
    {
        { "the training loss", "training loss at your k" },
        { "the dev loss at k = 1", "dev loss at the lesson's k = 1" },
        { "the test loss", "test loss at your k" },
        { "k chosen on the training names", "dev loss at the k with the lowest training loss" },
    };

    [Theory]
    [MemberData(nameof(DevLossMistakes))]
    public void ARecognisedMistakeInTheDevLossIsWrongWithItsHint(string mistake, string hint)
    {
        var loss = mistake switch
        {
            "the training loss" => Nll(BestK, Split.Train),
            "the dev loss at k = 1" => Nll(1, Split.Dev),
            "the test loss" => Nll(BestK, Split.Test),
            "k chosen on the training names" => Nll(ChosenK(Split.Train), Split.Dev),
            _ => throw new ArgumentOutOfRangeException(nameof(mistake)),
        };
        E01ChecksTests.AssertWrong(E03Checks.BestDevNll(loss), "bestDevNll", hint);
    }

    public static TheoryData<string, string> StrengthMistakes() => new()
    {
        { "chosen on the training names", "lowest training loss" },
        { "chosen on the test names", "the test names choose" },
        { "the lesson's strength", "the lesson's 0.01" },
        { "the highest dev loss", "highest dev loss" },
    };

    [Theory]
    [MemberData(nameof(StrengthMistakes))]
    public void ARecognisedMistakeInTheChosenStrengthIsWrongWithItsHint(string mistake, string hint)
    {
        SweepResult Swept(IReadOnlyList<string> heldOut) =>
            ContextNet.RegularizationSweep(Split.Train, heldOut, Data.Vocabulary, 3, Strengths, NetOptions, cancellation: TestContext.Current.CancellationToken);
        var strength = mistake switch
        {
            "chosen on the training names" => Swept(Split.Dev).Points.MinBy(p => p.TrainLoss)!.Strength,
            "chosen on the test names" => Swept(Split.Test).Best.Strength,
            "the lesson's strength" => 0.01,
            "the highest dev loss" => Swept(Split.Dev).Points.MaxBy(p => p.DevLoss)!.Strength,
            _ => throw new ArgumentOutOfRangeException(nameof(mistake)),
        };
        E01ChecksTests.AssertWrong(E03Checks.BestStrength(strength), "bestStrength", hint);
    }

    public static TheoryData<string, string> TestLossMistakes() => new()
    {
        { "the dev loss", "dev loss at your k" },
        { "the test loss at k = 1", "test loss at the lesson's k = 1" },
        { "refit on training and dev names", "training and dev names together" },
        { "k chosen on the training names", "test loss at the k with the lowest training loss" },
    };

    [Theory]
    [MemberData(nameof(TestLossMistakes))]
    public void ARecognisedMistakeInTheTestLossIsWrongWithItsHint(string mistake, string hint)
    {
        var split = Split;
        var loss = mistake switch
        {
            "the dev loss" => Nll(BestK, split.Dev),
            "the test loss at k = 1" => Nll(1, split.Test),
            "refit on training and dev names" => Nll(BestK, split.Test, fitOn: [.. split.Train, .. split.Dev]),
            "k chosen on the training names" => Nll(ChosenK(split.Train), split.Test),
            _ => throw new ArgumentOutOfRangeException(nameof(mistake)),
        };
        E01ChecksTests.AssertWrong(E03Checks.TestNll(loss), "testNll", hint);
    }
}
