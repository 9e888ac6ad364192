using Makemore.Exercises;
using static TorchSharp.torch;

namespace Makemore.Tests.Exercises;

/// <summary>
/// E06's checks on the numbers its scaffold asks for: each right answer, made here as the solution makes it, gets ✓;
/// NaN gets "not answered yet"; each recognised mistake, made here on the data as a learner would make it, gets ✗ and
/// its hint.
/// </summary>
public sealed class E06ChecksTests
{
    static void AssertWrong(CheckResult result, string variable, string hint)
    {
        Assert.Equal(Verdict.Wrong, result.Verdict);
        Assert.StartsWith($"✗ {variable}: ", result.Line);
        Assert.Contains(hint, result.Line);
    }

    static Vocabulary Vocabulary => BigramLesson.Vocabulary;
    static DataSplit Split => BigramLesson.Split;

    [Fact]
    public void TheMissingAnswerIsNotAnsweredYet()
    {
        Assert.StartsWith("not answered yet: countLoss, ", E06Checks.CountLoss(Answer.Missing).Line);
        Assert.StartsWith("not answered yet: bestDevLoss4, ", E06Checks.BestDevLoss4(Answer.Missing).Line);
        Assert.StartsWith("not answered yet: seenContexts5, ", E06Checks.SeenContexts5(Answer.Missing).Line);
        Assert.StartsWith("not answered yet: knDevLoss5, ", E06Checks.KnDevLoss5(Answer.Missing).Line);
    }

    /// <summary>The lesson's loss at W from the count table N: -(N · log_softmax(W)).sum() / N.sum() + 0.01 · mean(W²), or a mistaken variant.</summary>
    static double CountLoss(string variant = "right") => BigramLesson.Scalar(() =>
    {
        var n = CountingModel.CountTable(BigramLesson.Words, Vocabulary, order: 2).to_type(float32);
        var w = BigramLesson.W;
        var logP = w.log_softmax(1);
        var regularization = 0.01 * w.pow(2).mean();
        return variant switch
        {
            "no regularisation" => -(n * logP).sum() / n.sum(),
            "mean over cells" => -(n * logP).mean() + regularization,
            "unweighted" => -logP.mean() + regularization,
            _ => -(n * logP).sum() / n.sum() + regularization,
        };
    });

    [Fact]
    public void TheSolutionsAnswersAreRight()
    {
        Assert.Equal(Verdict.Right, E06Checks.CountLoss(CountLoss()).Verdict);
        var sweep = Sweep.Smoothing(Split.Train, Split.Dev, Vocabulary, 4, Sweep.LogSpaced(0.01, 10, 7));
        Assert.Equal(Verdict.Right, E06Checks.BestDevLoss4(sweep.Best.DevLoss).Verdict);
        var right = E06Checks.SeenContexts5(Contexts(Split.Train, 5));
        Assert.Equal(Verdict.Right, right.Verdict);
        Assert.Equal("✓ seenContexts5: 20,261, right", right.Line);
        Assert.Equal(Verdict.Right, E06Checks.KnDevLoss5(KneserNeyDev(Split.Train, Split.Dev, 5)).Verdict);
    }

    [Theory]
    [InlineData("no regularisation", "the average NLL alone")]
    [InlineData("mean over cells", "Divided by the 729 cells")]
    [InlineData("unweighted", "Every cell counted once")]
    public void CountLossMistakesAreNamed(string mistake, string hint) =>
        AssertWrong(E06Checks.CountLoss(CountLoss(mistake)), "countLoss", hint);

    [Theory]
    [InlineData("training words", "the training words' NLL")]
    [InlineData("k by the training loss", "chosen by the training loss")]
    [InlineData("k = 1", "k = 1, the lesson's smoothing")]
    [InlineData("test words", "the test words' NLL")]
    public void SweepMistakesAreNamed(string mistake, string hint)
    {
        var sweep = Sweep.Smoothing(Split.Train, Split.Dev, Vocabulary, 4, Sweep.LogSpaced(0.01, 10, 7));
        double Dev(double k, IReadOnlyList<string> scored)
        {
            using var model = CountingModel.Fit(Split.Train, Vocabulary, 4, k);
            return Evaluation.Nll(model, scored);
        }
        var answer = mistake switch
        {
            "training words" => sweep.Best.TrainLoss,
            "k by the training loss" => sweep.Points.MinBy(p => p.TrainLoss)!.DevLoss,
            "k = 1" => Dev(1, Split.Dev),
            _ => Dev(sweep.Best.Strength, Split.Test),
        };
        AssertWrong(E06Checks.BestDevLoss4(answer), "bestDevLoss4", hint);
    }

    static int Contexts(IReadOnlyList<string> words, int order) => NGramCounts.Of(words, Vocabulary, order).Contexts.Distinct().Count();

    [Theory]
    [InlineData("order 4", "order 4's count")]
    [InlineData("5-grams", "distinct (context, next character) pairs")]
    [InlineData("possible", "every possible context")]
    [InlineData("all names", "Counted on all names")]
    [InlineData("examples", "the number of examples")]
    public void ContextCountMistakesAreNamed(string mistake, string hint)
    {
        // Counted as a learner might, with strings rather than the library's context numbers.
        var train = Split.Train;
        IEnumerable<string> Grams(IEnumerable<string> words, int n) =>
            words.SelectMany(w => { var padded = new string('.', n - 1) + w + "."; return Enumerable.Range(0, padded.Length - n + 1).Select(i => padded.Substring(i, n)); });
        double answer = mistake switch
        {
            "order 4" => Grams(train, 4).Select(g => g[..^1]).Distinct().Count(),
            "5-grams" => Grams(train, 5).Distinct().Count(),
            "possible" => Math.Pow(27, 4),
            "all names" => Grams(BigramLesson.Words, 5).Select(g => g[..^1]).Distinct().Count(),
            _ => Grams(train, 5).Count(),
        };
        AssertWrong(E06Checks.SeenContexts5(answer), "seenContexts5", hint);
    }

    static double KneserNeyDev(IReadOnlyList<string> fitted, IReadOnlyList<string> scored, int order)
    {
        using var model = KneserNeyModel.Fit(NGramCounts.Of(fitted, Vocabulary, order));
        return Evaluation.Nll(model, scored);
    }

    [Theory]
    [InlineData("training words", "the training words' NLL")]
    [InlineData("order 4", "That is order 4")]
    [InlineData("dev words fitted", "has seen the dev words")]
    [InlineData("test words", "the test words' NLL")]
    public void KneserNeyMistakesAreNamed(string mistake, string hint)
    {
        var answer = mistake switch
        {
            "training words" => KneserNeyDev(Split.Train, Split.Train, 5),
            "order 4" => KneserNeyDev(Split.Train, Split.Dev, 4),
            "dev words fitted" => KneserNeyDev([.. Split.Train, .. Split.Dev], Split.Dev, 5),
            _ => KneserNeyDev(Split.Train, Split.Test, 5),
        };
        AssertWrong(E06Checks.KnDevLoss5(answer), "knDevLoss5", hint);
    }
}
