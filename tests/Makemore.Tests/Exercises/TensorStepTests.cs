using Makemore.Exercises;
using static TorchSharp.torch;

namespace Makemore.Tests.Exercises;

public sealed class TensorStepTests
{
    static TensorStep Step(params TensorMistake[] mistakes) => new(
        "probs", "the rows of counts normalised", () => tensor(new float[] { 0.25f, 0.75f, 0.5f, 0.5f }).view(2, 2), tolerance: 1e-6,
        "Divide each row by its own sum.", mistakes);

    static readonly TensorMistake Columns = TensorMistake.Like(() => tensor(new float[] { 1f / 3, 0.6f, 2f / 3, 0.4f }).view(2, 2),
        "The columns were normalised: sum(1, keepdim: true).");
    static readonly TensorMistake Integers = TensorMistake.When(t => !t.is_floating_point(), "Integers: divide floats.");

    [Fact]
    public void TheMissingAnswerIsNotAnsweredYet() =>
        Assert.Equal("not answered yet: probs, the rows of counts normalised", Step(Columns).Check(null).Line);

    [Fact]
    public void TheRightTensorWithinTheToleranceIsRightAndNamesItsDtypeAndShape()
    {
        using var answer = tensor(new float[] { 0.25f, 0.7500004f, 0.5f, 0.5f }).view(2, 2);
        var result = Step(Columns).Check(answer);
        Assert.Equal(Verdict.Right, result.Verdict);
        Assert.Equal("✓ probs: float32 [2, 2], right (every entry within ±1E-06)", result.Line);
    }

    [Fact]
    public void TheRightValuesInAnotherDtypeAreNotRight()
    {
        using var answer = tensor(new double[] { 0.25, 0.75, 0.5, 0.5 }).view(2, 2);
        var result = Step(Columns).Check(answer);
        Assert.Equal(Verdict.Wrong, result.Verdict);
        Assert.StartsWith("✗ probs: float64 [2, 2] is not it.", result.Line);
    }

    [Fact]
    public void ARecognisedMistakeByValueOrByPropertyIsNamed()
    {
        using var columns = tensor(new float[] { 1f / 3, 0.6f, 2f / 3, 0.4f }).view(2, 2);
        Assert.Equal("✗ probs: float32 [2, 2]. The columns were normalised: sum(1, keepdim: true).", Step(Columns, Integers).Check(columns).Line);
        using var integers = tensor(new long[] { 1, 3, 1, 1 }).view(2, 2);
        Assert.Equal("✗ probs: int64 [2, 2]. Integers: divide floats.", Step(Columns, Integers).Check(integers).Line);
    }

    [Fact]
    public void AWrongShapeSaysWhichShapeTheStepWants()
    {
        using var answer = tensor(new float[] { 0.25f, 0.75f });
        Assert.Equal("✗ probs: float32 [2]: the step asks for shape [2, 2]. Divide each row by its own sum.", Step(Columns).Check(answer).Line);
    }

    [Fact]
    public void ADisposedTensorIsWrongWithoutAStackTrace()
    {
        var answer = tensor(new float[] { 0.25f, 0.75f, 0.5f, 0.5f }).view(2, 2);
        answer.Dispose();
        var result = Step(Columns).Check(answer);
        Assert.Equal(Verdict.Wrong, result.Verdict);
        Assert.Contains("has been disposed", result.Line);
    }

    [Fact]
    public void AMistakeThatCannotBeToldApartFromTheRightAnswerIsAnErrorOfTheExercise()
    {
        var step = Step(TensorMistake.Like(() => tensor(new float[] { 0.25f, 0.75f, 0.5f, 0.5f }).view(2, 2), "the same tensor"));
        using var answer = zeros(2, 2);
        Assert.Contains("cannot tell", Assert.Throws<InvalidOperationException>(() => step.Check(answer)).Message);
    }
}
