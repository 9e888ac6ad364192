using Makemore.Exercises;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Makemore.Tests.Exercises;

/// <summary>
/// E04's checks: each step's right answer, made here as the solution makes it, gets ✓; the placeholder gets "not
/// answered yet"; each recognised mistake, made here on the data as a learner would make it, gets ✗ and its hint.
/// </summary>
public sealed class E04ChecksTests
{
    static Tensor Xs => BigramLesson.Xs;
    static Tensor Ys => BigramLesson.Ys;
    static Tensor W => BigramLesson.W;

    static void AssertRight(CheckResult result, string variable)
    {
        Assert.Equal(Verdict.Right, result.Verdict);
        Assert.StartsWith($"✓ {variable}: ", result.Line);
    }

    static void AssertWrong(CheckResult result, string variable, string hint)
    {
        Assert.Equal(Verdict.Wrong, result.Verdict);
        Assert.StartsWith($"✗ {variable}: ", result.Line);
        Assert.Contains(hint, result.Line);
    }

    [Fact]
    public void ThePlaceholdersAreNotAnsweredYet()
    {
        Assert.Equal(Verdict.NotAnswered, E04Checks.OneHot(null).Verdict);
        Assert.Equal(Verdict.NotAnswered, E04Checks.OneHotLogits(null).Verdict);
        Assert.Equal(Verdict.NotAnswered, E04Checks.IndexedLogits(null).Verdict);
        Assert.StartsWith("not answered yet: loss, ", E04Checks.Loss(Answer.Missing).Line);
        Assert.StartsWith("not answered yet: lossAtStep20, ", E04Checks.LossAtStep20(Answer.Missing).Line);
    }

    [Fact]
    public void TheSolutionsAnswersAreRight()
    {
        using var scope = NewDisposeScope();
        var xenc = F.one_hot(Xs, 27).to_type(float32);
        AssertRight(E04Checks.OneHot(xenc), "xenc");
        AssertRight(E04Checks.OneHotLogits(xenc.matmul(W)), "logitsOneHot");
        var logitsIndexed = W[Xs];
        AssertRight(E04Checks.IndexedLogits(logitsIndexed), "logitsIndexed");
        AssertRight(E04Checks.Loss(BigramLesson.Scalar(() => BigramLesson.LessonLoss(logitsIndexed, W))), "loss");
        AssertRight(E04Checks.LossAtStep20(Train(steps: 20, learningRate: 50, clearGradient: true)[19]), "lossAtStep20");
    }

    public static TheoryData<string> OneHotMistakes() => ["int64", "float64", "targets"];

    [Theory]
    [MemberData(nameof(OneHotMistakes))]
    public void OneHotMistakesAreNamed(string mistake)
    {
        using var scope = NewDisposeScope();
        var (xenc, hint) = mistake switch
        {
            "int64" => (F.one_hot(Xs, 27), "Left as integers"),
            "float64" => (F.one_hot(Xs, 27).to_type(float64), "float64, while W is float32"),
            _ => (F.one_hot(Ys, 27).to_type(float32), "the targets ys encoded"),
        };
        AssertWrong(E04Checks.OneHot(xenc), "xenc", hint);
    }

    [Fact]
    public void AOneHotMatrixOfTheWrongShapeSaysWhichShapeTheStepWants()
    {
        using var scope = NewDisposeScope();
        AssertWrong(E04Checks.OneHot(F.one_hot(Xs, 27).to_type(float32).t()), "xenc", "asks for shape [228146, 27]");
    }

    public static TheoryData<string> LogitsMistakes() => ["transposed W", "targets"];

    [Theory]
    [MemberData(nameof(LogitsMistakes))]
    public void OneHotLogitsMistakesAreNamed(string mistake)
    {
        using var scope = NewDisposeScope();
        var (logits, hint) = mistake == "transposed W"
            ? (F.one_hot(Xs, 27).to_type(float32).matmul(W.t()), "W's transpose")
            : (F.one_hot(Ys, 27).to_type(float32).matmul(W), "targets ys");
        AssertWrong(E04Checks.OneHotLogits(logits), "logitsOneHot", hint);
    }

    [Theory]
    [MemberData(nameof(LogitsMistakes))]
    public void IndexedLogitsMistakesAreNamed(string mistake)
    {
        using var scope = NewDisposeScope();
        var (logits, hint) = mistake == "transposed W"
            ? (W.index_select(1, Xs).t(), "columns of W")
            : (W[Ys], "W[ys]");
        AssertWrong(E04Checks.IndexedLogits(logits), "logitsIndexed", hint);
    }

    public static TheoryData<string> LossMistakes() => ["no regularisation", "W[ys]", "sum of W²"];

    [Theory]
    [MemberData(nameof(LossMistakes))]
    public void LossMistakesAreNamed(string mistake)
    {
        var (loss, hint) = mistake switch
        {
            "no regularisation" => (BigramLesson.Scalar(() => BigramLesson.LessonLoss(W[Xs], W, regularization: 0)), "the average NLL alone"),
            "W[ys]" => (BigramLesson.Scalar(() => BigramLesson.LessonLoss(W[Ys], W)), "logits W[ys]"),
            _ => (BigramLesson.Scalar(() => BigramLesson.LessonLoss(W[Xs], W, regularization: 0) + 0.01 * W.pow(2).sum()), "not its sum"),
        };
        AssertWrong(E04Checks.Loss(loss), "loss", hint);
    }

    public static TheoryData<string> TrainingMistakes() => ["gradient never cleared", "one step too far", "NLL alone", "learning rate 0.1"];

    [Theory]
    [MemberData(nameof(TrainingMistakes))]
    public void TrainingMistakesAreNamed(string mistake)
    {
        var (loss, hint) = mistake switch
        {
            "gradient never cleared" => (Train(20, 50, clearGradient: false)[19], "never cleared"),
            "one step too far" => (Train(21, 50, clearGradient: true)[20], "One step too far"),
            "NLL alone" => (Train(20, 50, clearGradient: true, dataLossOnly: true)[19], "average NLL alone"),
            _ => (Train(20, 0.1, clearGradient: true)[19], "Learning rate 0.1"),
        };
        AssertWrong(E04Checks.LossAtStep20(loss), "lossAtStep20", hint);
    }

    [Fact]
    public void AnyOtherNumberGetsTheStepsOwnHint() =>
        AssertWrong(E04Checks.LossAtStep20(2.7), "lossAtStep20", "is not it. Run the lesson's loop");

    /// <summary>
    /// The lesson's loop on all 228,146 examples with W[xs] for the logits, as the solution runs it: the loss of each step
    /// before its update (or its average NLL alone).
    /// </summary>
    static double[] Train(int steps, double learningRate, bool clearGradient, bool dataLossOnly = false)
    {
        using var scope = NewDisposeScope();
        var w = W.clone().requires_grad_();
        var losses = new double[steps];
        for (var k = 0; k < steps; k++)
        {
            using var stepScope = NewDisposeScope();
            var loss = BigramLesson.LessonLoss(w[Xs], w);
            losses[k] = dataLossOnly ? BigramLesson.Scalar(() => BigramLesson.LessonLoss(w[Xs], w, regularization: 0)) : loss.item<float>();
            if (clearGradient) w.grad = null;
            loss.backward();
            using (no_grad()) w.add_(w.grad!, alpha: -learningRate);
        }
        return losses;
    }
}
