using Makemore.Exercises;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Makemore.Tests.Exercises;

/// <summary>
/// E01's checks, each answer made here the way a learner would make it: the exercise's loops over names.txt written
/// again, with the right padding and with each recognised mistake.
/// </summary>
public sealed class E01ChecksTests
{
    const int V = 27;

    static (IReadOnlyList<string> Words, Vocabulary Vocabulary) Data => NamesData.WordsAndVocabularyOrSkip();

    /// <summary>Every trigram of the names padded with <paramref name="before"/> and <paramref name="after"/>: the lesson's zip of three shifted copies.</summary>
    static (Tensor First, Tensor Second, Tensor Next) Trigrams(string before, string after)
    {
        var (words, vocabulary) = Data;
        var (a, b, c) = (new List<long>(), new List<long>(), new List<long>());
        foreach (var w in words)
        {
            var chs = before + w + after;
            foreach (var (ch1, ch2, ch3) in chs.Zip(chs.Skip(1), chs.Skip(2)))
            {
                a.Add(vocabulary.Stoi[ch1]);
                b.Add(vocabulary.Stoi[ch2]);
                c.Add(vocabulary.Stoi[ch3]);
            }
        }
        return (tensor(a.ToArray()), tensor(b.ToArray()), tensor(c.ToArray()));
    }

    /// <summary>The notebook's counting loop: N[first, second, next] += 1 for every trigram.</summary>
    static Tensor Counts(string before = "..", string after = ".")
    {
        var (first, second, next) = Trigrams(before, after);
        var n = zeros([V, V, V], dtype: ScalarType.Int32);
        n.index_put_(ones(next.shape[0], dtype: ScalarType.Int32), [first, second, next], accumulate: true);
        return n;
    }

    /// <summary>The notebook's loss: P = (N + k) normalised over <paramref name="dim"/>, then -mean(log P[first, second, next]).</summary>
    static Tensor LogProbabilities(Tensor counts, (Tensor First, Tensor Second, Tensor Next) trigrams, double k = 1, int dim = 2)
    {
        var p = counts.to_type(ScalarType.Float32) + k;
        p /= p.sum(dim, keepdim: true);
        return p[trigrams.First, trigrams.Second, trigrams.Next].log();
    }

    static double Nll(Tensor counts, (Tensor, Tensor, Tensor) trigrams, double k = 1, int dim = 2) =>
        (-LogProbabilities(counts, trigrams, k, dim).mean()).item<float>();

    // Step 1 · N

    [Fact]
    public void NoCountTableIsNotAnsweredYet() =>
        Assert.Equal(Verdict.NotAnswered, E01Checks.Counts(null!).Verdict);

    [Fact]
    public void TheTwoDotCountsAreRight()
    {
        using var scope = NewDisposeScope();
        var result = E01Checks.Counts(Counts());
        Assert.Equal(Verdict.Right, result.Verdict);
        Assert.Equal("✓ N: 27 × 27 × 27, 228,146 trigrams counted, right", result.Line);
    }

    public static TheoryData<string, string> CountMistakes() => new()
    {
        { "one dot before each name", "one dot before each name" },
        { "no end marker", "without the end marker" },
        { "the bigram table", "27 × 27 is the bigram table" },
        { "as 729 rows", "view them as 27 × 27 × 27" },
        { "the indices in another order", "in other cells" },
    };

    [Theory]
    [MemberData(nameof(CountMistakes))]
    public void ARecognisedMistakeInTheCountsIsWrongWithItsHint(string mistake, string hint)
    {
        using var scope = NewDisposeScope();
        var n = mistake switch
        {
            "one dot before each name" => Counts(".", "."),
            "no end marker" => Counts("..", ""),
            "the bigram table" => CountingModel.CountTable(Data.Words, Data.Vocabulary, order: 2),
            "as 729 rows" => Counts().view(V * V, V),
            "the indices in another order" => Counts().permute(2, 1, 0).contiguous(), // N[next, second, first]
            _ => throw new ArgumentOutOfRangeException(nameof(mistake)),
        };
        AssertWrong(E01Checks.Counts(n), "N", hint);
    }

    // Step 2 · trigramNll

    [Fact]
    public void TheMissingAnswerIsNotAnsweredYet()
    {
        Assert.Equal(Verdict.NotAnswered, E01Checks.TrigramNll(Answer.Missing).Verdict);
        Assert.Equal(Verdict.NotAnswered, E01Checks.TenthLoss(Answer.Missing).Verdict);
        Assert.Equal(Verdict.NotAnswered, E01Checks.TrigramNetNll(Answer.Missing).Verdict);
    }

    [Fact]
    public void TheAddOneTrigramLossIsRight()
    {
        using var scope = NewDisposeScope();
        var loss = Nll(Counts(), Trigrams("..", "."));
        Assert.Equal(2.2126, loss, 0.00005);
        Assert.Equal(Verdict.Right, E01Checks.TrigramNll(loss).Verdict);
    }

    public static TheoryData<string, string> LossMistakes() => new()
    {
        { "the bigram model", "bigram model's loss" },
        { "one dot before each name", "one dot before each name" },
        { "no end marker", "without the end marker" },
        { "no smoothing", "without smoothing" },
        { "normalised over the second character", "wrong dimension" },
        { "the log-probabilities not negated", "negative loss" },
        { "a sum instead of a mean", "a total" },
    };

    [Theory]
    [MemberData(nameof(LossMistakes))]
    public void ARecognisedMistakeInTheLossIsWrongWithItsHint(string mistake, string hint)
    {
        using var scope = NewDisposeScope();
        var right = Trigrams("..", ".");
        var loss = mistake switch
        {
            "the bigram model" => BigramNll(),
            "one dot before each name" => Nll(Counts(".", "."), Trigrams(".", ".")),
            "no end marker" => Nll(Counts("..", ""), Trigrams("..", "")),
            "no smoothing" => Nll(Counts(), right, k: 0),
            "normalised over the second character" => Nll(Counts(), right, dim: 1),
            "the log-probabilities not negated" => LogProbabilities(Counts(), right).mean().item<float>(),
            "a sum instead of a mean" => (-LogProbabilities(Counts(), right).sum()).item<float>(),
            _ => throw new ArgumentOutOfRangeException(nameof(mistake)),
        };
        AssertWrong(E01Checks.TrigramNll(loss), "trigramNll", hint);
    }

    /// <summary>The lesson's add-one bigram model: counts of ".name." bigrams, each row normalised, the mean NLL.</summary>
    static double BigramNll()
    {
        var (words, vocabulary) = Data;
        var (xs, ys) = (new List<long>(), new List<long>());
        foreach (var w in words)
        {
            var chs = "." + w + ".";
            foreach (var (ch1, ch2) in chs.Zip(chs.Skip(1)))
            {
                xs.Add(vocabulary.Stoi[ch1]);
                ys.Add(vocabulary.Stoi[ch2]);
            }
        }
        var (x, y) = (tensor(xs.ToArray()), tensor(ys.ToArray()));
        var n = zeros([V, V], dtype: ScalarType.Float32);
        n.index_put_(ones(y.shape[0]), [x, y], accumulate: true);
        var p = n + 1;
        p /= p.sum(1, keepdim: true);
        return (-p[x, y].log().mean()).item<float>();
    }

    // Step 3 · xenc

    static Tensor OneHot(Tensor symbols) => F.one_hot(symbols, V).to_type(ScalarType.Float32);

    [Fact]
    public void NoInputIsNotAnsweredYet() => Assert.Equal(Verdict.NotAnswered, E01Checks.OneHot(null!).Verdict);

    [Fact]
    public void BothOneHotVectorsSideBySideAsFloatsAreRight()
    {
        using var scope = NewDisposeScope();
        var (first, second, _) = Trigrams("..", ".");
        var result = E01Checks.OneHot(cat([OneHot(first), OneHot(second)], 1));
        Assert.Equal(Verdict.Right, result.Verdict);
        Assert.StartsWith("✓ xenc: 228,146 × 54 float32", result.Line);
    }

    public static TheoryData<string, string> OneHotMistakes() => new()
    {
        { "left as integers", "F.one_hot gives integers" },
        { "float64", "W is float32" },
        { "one character", "one character of context" },
        { "the two vectors added", "added into the same 27 columns" },
        { "the pair's one-hot", "729 columns" },
        { "the halves swapped", "halves are swapped" },
        { "one dot before each name", "One row short for every name" },
    };

    [Theory]
    [MemberData(nameof(OneHotMistakes))]
    public void ARecognisedMistakeInTheInputIsWrongWithItsHint(string mistake, string hint)
    {
        using var scope = NewDisposeScope();
        var (first, second, _) = Trigrams("..", ".");
        var xenc = mistake switch
        {
            // What F.one_hot returns: int64. Only checked, never multiplied (that would stop the test process).
            "left as integers" => cat([F.one_hot(first, V), F.one_hot(second, V)], 1),
            "float64" => cat([F.one_hot(first, V), F.one_hot(second, V)], 1).to_type(ScalarType.Float64),
            "one character" => OneHot(second),
            "the two vectors added" => OneHot(first) + OneHot(second),
            // The real one-hot of the pairs would take 0.7 GB; the check reads its shape and dtype only, so a broadcast view stands in.
            "the pair's one-hot" => zeros(1, 1).expand(first.shape[0], V * V),
            "the halves swapped" => cat([OneHot(second), OneHot(first)], 1),
            "one dot before each name" => OneDotInput(),
            _ => throw new ArgumentOutOfRangeException(nameof(mistake)),
        };
        AssertWrong(E01Checks.OneHot(xenc), "xenc", hint);
    }

    static Tensor OneDotInput()
    {
        var (first, second, _) = Trigrams(".", ".");
        return cat([OneHot(first), OneHot(second)], 1);
    }

    // Step 4 · tenthLoss: the lesson's loop, with the logits picked as rows of W (the same as one_hot @ W, in less memory).

    /// <summary>The losses the lesson's loop prints over <paramref name="steps"/> steps from W = randn(54, 27) seeded 2147483647.</summary>
    static List<double> LoopLosses(double learningRate, double regularization, int steps)
    {
        using var scope = NewDisposeScope();
        var (first, second, next) = Trigrams("..", ".");
        var w = Seeded.Randn(2 * V, V, 2147483647).requires_grad_();
        var losses = new List<double>();
        for (var k = 0; k < steps; k++)
        {
            using var step = NewDisposeScope();
            var logits = w.index_select(0, first) + w.index_select(0, second + V);
            var counts = logits.exp();
            var probs = counts / counts.sum(1, keepdim: true);
            var loss = -probs[arange(next.shape[0]), next].log().mean() + regularization * w.pow(2).mean();
            losses.Add(loss.item<float>());
            w.grad = null;
            loss.backward();
            using (no_grad()) w.add_(w.grad!, alpha: -learningRate);
        }
        return losses;
    }

    [Fact]
    public void TheTenthLossOfTheLessonsLoopWithLearningRate30IsRight()
    {
        var loss = LoopLosses(30, 0.01, 10)[^1];
        Assert.Equal(2.7674, loss, 0.00005);
        Assert.Equal(Verdict.Right, E01Checks.TenthLoss(loss).Verdict);
    }

    public static TheoryData<string, string> LoopMistakes() => new()
    {
        { "the bigram learning rate", "learning rate 50, the bigram net's" },
        { "no regularisation", "without the regularisation term" },
        { "the first step's loss", "loss at the first step" },
        { "an eleventh step", "after ten updates" },
    };

    [Theory]
    [MemberData(nameof(LoopMistakes))]
    public void ARecognisedMistakeInTheLoopIsWrongWithItsHint(string mistake, string hint)
    {
        var loss = mistake switch
        {
            "the bigram learning rate" => LoopLosses(50, 0.01, 10)[^1],
            "no regularisation" => LoopLosses(30, 0, 10)[^1],
            "the first step's loss" => LoopLosses(30, 0.01, 10)[0],
            "an eleventh step" => LoopLosses(30, 0.01, 11)[^1],
            _ => throw new ArgumentOutOfRangeException(nameof(mistake)),
        };
        AssertWrong(E01Checks.TenthLoss(loss), "tenthLoss", hint);
    }

    // Step 5 · trigramNetNll: the net trained on the counts, as the solution continues the loop with the library.

    static (NeuralNGram Net, IReadOnlyList<TrainingStep> Steps) Trained(int order, double learningRate, double regularization, int steps)
    {
        var net = Seeded.NeuralNGram(Data.Vocabulary, order, 2147483647);
        var taken = net.Train(NGramCounts.Of(Data.Words, Data.Vocabulary, order), new TrainingOptions(steps, learningRate, regularization));
        return (net, taken);
    }

    static double NetNll(int order, double learningRate, double regularization, int steps)
    {
        var (net, _) = Trained(order, learningRate, regularization, steps);
        using (net) return Evaluation.Nll(net, Data.Words);
    }

    [Fact]
    public void TheNetsNllAfter1000StepsIsRight()
    {
        var nll = NetNll(3, 30, 0.01, 1000);
        Assert.Equal(2.3408, nll, 0.00005);
        Assert.Equal(Verdict.Right, E01Checks.TrigramNetNll(nll).Verdict);
    }

    public static TheoryData<string, string> NetMistakes() => new()
    {
        { "the bigram learning rate", "learning rate 50, the bigram net's" },
        { "no regularisation", "trained without the regularisation term" },
        { "the training loss", "training loss with the regularisation term" },
        { "ten steps", "only the first 10 steps" },
        { "the bigram net", "bigram net's NLL" },
    };

    [Theory]
    [MemberData(nameof(NetMistakes))]
    public void ARecognisedMistakeInTheNetIsWrongWithItsHint(string mistake, string hint)
    {
        var nll = mistake switch
        {
            "the bigram learning rate" => NetNll(3, 50, 0.01, 1000),
            "no regularisation" => NetNll(3, 30, 0, 1000),
            "the training loss" => TrainingLoss(),
            "ten steps" => NetNll(3, 30, 0.01, 10),
            "the bigram net" => NetNll(2, 50, 0.01, 1000),
            _ => throw new ArgumentOutOfRangeException(nameof(mistake)),
        };
        AssertWrong(E01Checks.TrigramNetNll(nll), "trigramNetNll", hint);
    }

    static double TrainingLoss()
    {
        var (net, steps) = Trained(3, 30, 0.01, 1000);
        using (net) return steps[^1].Loss;
    }

    [Fact]
    public void AnyOtherWrongNumberGetsTheStepsHintWithoutTheRightValue()
    {
        var result = E01Checks.TrigramNll(2.3);
        Assert.Equal("✗ trigramNll: 2.3000 is not it. Check the padding (two dots before each name, one after), the smoothing (1 added to every count) and that each context's row sums to 1.", result.Line);
    }

    internal static void AssertWrong(CheckResult result, string step, string hint)
    {
        Assert.Equal(Verdict.Wrong, result.Verdict);
        Assert.StartsWith($"✗ {step}: ", result.Line);
        Assert.Contains(hint, result.Line);
        Assert.DoesNotContain("is not it", result.Line);
    }
}
