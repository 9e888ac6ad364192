using Makemore.Exercises;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Makemore.Tests.Exercises;

/// <summary>
/// E05's checks: each step's right answer, made here as the solution makes it, gets ✓; NaN gets "not answered yet";
/// each recognised mistake, made here on the data as a learner would make it, gets ✗ and its hint.
/// </summary>
public sealed class E05ChecksTests
{
    static Tensor Xs => BigramLesson.Xs;
    static Tensor Ys => BigramLesson.Ys;
    static Tensor W => BigramLesson.W;

    static void AssertWrong(CheckResult result, string variable, string hint)
    {
        Assert.Equal(Verdict.Wrong, result.Verdict);
        Assert.StartsWith($"✗ {variable}: ", result.Line);
        Assert.Contains(hint, result.Line);
    }

    /// <summary>The lesson's manual loss without regularisation, with the normalising sum along <paramref name="dim"/>.</summary>
    static Tensor Manual(Tensor logits, int dim = 1)
    {
        var counts = logits.exp();
        var probs = counts / counts.sum(dim, keepdim: true);
        return -probs[arange(Ys.shape[0]), Ys].log().mean();
    }

    static double Value(Func<Tensor> compute) => BigramLesson.Scalar(compute);

    [Fact]
    public void TheMissingAnswerIsNotAnsweredYet()
    {
        Assert.StartsWith("not answered yet: manualLoss, ", E05Checks.ManualLoss(Answer.Missing).Line);
        Assert.StartsWith("not answered yet: fusedLoss, ", E05Checks.FusedLoss(Answer.Missing).Line);
        Assert.StartsWith("not answered yet: gradientDifference, ", E05Checks.GradientDifference(Answer.Missing).Line);
        Assert.StartsWith("not answered yet: stableLossAt100, ", E05Checks.StableLossAt100(Answer.Missing).Line);
    }

    [Fact]
    public void TheSolutionsAnswersAreRight()
    {
        Assert.Equal(Verdict.Right, E05Checks.ManualLoss(Value(() => Manual(W[Xs]))).Verdict);
        Assert.Equal(Verdict.Right, E05Checks.FusedLoss(Value(() => F.cross_entropy(W[Xs], Ys))).Verdict);
        var right = E05Checks.GradientDifference(GradientDifference(clearBetween: true));
        Assert.Equal(Verdict.Right, right.Verdict);
        Assert.Contains("right (within ±1.0E-5)", right.Line);
        Assert.Equal(Verdict.Right, E05Checks.StableLossAt100(Value(() => Stable(W[Xs] * 100))).Verdict);
    }

    public static TheoryData<string> ManualMistakes() => ["with regularisation", "sum", "no minus", "columns"];

    [Theory]
    [MemberData(nameof(ManualMistakes))]
    public void ManualLossMistakesAreNamed(string mistake)
    {
        var (loss, hint) = mistake switch
        {
            "with regularisation" => (Value(() => Manual(W[Xs]) + 0.01 * W.pow(2).mean()), "includes the regularisation"),
            "sum" => (Value(() =>
            {
                var counts = W[Xs].exp();
                return -(counts / counts.sum(1, keepdim: true))[arange(Ys.shape[0]), Ys].log().sum();
            }), "the sum over all the examples"),
            "no minus" => (-Value(() => Manual(W[Xs])), "A negative loss"),
            _ => (Value(() => Manual(W[Xs], dim: 0)), "sums of the columns"),
        };
        AssertWrong(E05Checks.ManualLoss(loss), "manualLoss", hint);
    }

    public static TheoryData<string> FusedMistakes() => ["probabilities", "counts", "sum", "with regularisation"];

    [Theory]
    [MemberData(nameof(FusedMistakes))]
    public void CrossEntropyMistakesAreNamed(string mistake)
    {
        var (loss, hint) = mistake switch
        {
            "probabilities" => (Value(() => F.cross_entropy(F.softmax(W[Xs], 1), Ys)), "given probabilities"),
            "counts" => (Value(() => F.cross_entropy(W[Xs].exp(), Ys)), "given exp(logits)"),
            "sum" => (Value(() => F.cross_entropy(W[Xs], Ys, reduction: nn.Reduction.Sum)), "the sum over all the examples"),
            _ => (Value(() => F.cross_entropy(W[Xs], Ys) + 0.01 * W.pow(2).mean()), "includes the regularisation"),
        };
        AssertWrong(E05Checks.FusedLoss(loss), "fusedLoss", hint);
    }

    [Theory]
    [InlineData("gradient not cleared")]
    [InlineData("regularisation on one side")]
    public void GradientMistakesAreNamed(string mistake)
    {
        var (difference, hint) = mistake == "gradient not cleared"
            ? (GradientDifference(clearBetween: false), "added to the first")
            : (GradientDifference(clearBetween: true, regularizeManual: true), "regularisation's gradient");
        AssertWrong(E05Checks.GradientDifference(difference), "gradientDifference", hint);
    }

    public static TheoryData<string> StableMistakes() => ["no max subtracted", "no log-sum-exp", "unscaled", "sum"];

    [Theory]
    [MemberData(nameof(StableMistakes))]
    public void StableLossMistakesAreNamed(string mistake)
    {
        var (loss, hint) = mistake switch
        {
            // Without the shift, exp overflows to infinity in float32 and its log stays infinite.
            "no max subtracted" => (Value(() =>
            {
                var logits = W[Xs] * 100;
                var logSumExp = logits.exp().sum(1, keepdim: true).log();
                return -(logits - logSumExp).gather(1, Ys.unsqueeze(1)).mean();
            }), "Infinite"),
            "no log-sum-exp" => (Value(() =>
            {
                var logits = W[Xs] * 100;
                return -(logits - logits.amax([1], keepdim: true)).gather(1, Ys.unsqueeze(1)).mean();
            }), "log-sum-exp term is missing"),
            "unscaled" => (Value(() => Stable(W[Xs])), "the loss of W itself"),
            _ => (Value(() => Stable(W[Xs] * 100) * Ys.shape[0]), "the sum over all the examples"),
        };
        AssertWrong(E05Checks.StableLossAt100(loss), "stableLossAt100", hint);
    }

    /// <summary>The log-sum-exp recipe, as the solution writes it.</summary>
    static Tensor Stable(Tensor logits)
    {
        var shifted = logits - logits.amax([1], keepdim: true);
        var logProbs = shifted - shifted.exp().sum(1, keepdim: true).log();
        return -logProbs.gather(1, Ys.unsqueeze(1)).mean();
    }

    /// <summary>
    /// The largest difference between W's gradient from the manual loss and from cross_entropy, backpropagated one after
    /// the other from the same W, with W.grad cleared in between or not, and the manual loss regularised or not.
    /// </summary>
    static double GradientDifference(bool clearBetween, bool regularizeManual = false)
    {
        using var scope = NewDisposeScope();
        var w = W.clone().requires_grad_();
        (Manual(w[Xs]) + (regularizeManual ? 0.01 * w.pow(2).mean() : zeros(1).squeeze())).backward();
        var manual = w.grad!.clone();
        if (clearBetween) w.grad = null;
        F.cross_entropy(w[Xs], Ys).backward();
        return (manual - w.grad!).abs().max().to_type(float64).item<double>();
    }
}
