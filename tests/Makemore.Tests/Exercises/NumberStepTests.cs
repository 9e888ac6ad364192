using Makemore.Exercises;

namespace Makemore.Tests.Exercises;

public sealed class NumberStepTests
{
    static NumberStep Loss(params Mistake[] mistakes) => new(
        "trigramNll", "the trigram model's average NLL on all names", () => 2.0927, tolerance: 0.0005,
        "Check that each example's context is the two characters before it.", mistakes);

    static readonly Mistake BigramLoss = Mistake.Near(() => 2.4546, "That is the bigram model's loss: one character of context.");
    static readonly Mistake Infinite = Mistake.When(double.IsPositiveInfinity, "An infinite loss: some trigram got probability 0.");

    [Fact]
    public void TheMissingAnswerIsNotAnsweredYetAndSaysWhatTheStepMustHold()
    {
        var result = Loss(BigramLoss).Check(Answer.Missing);
        Assert.Equal(Verdict.NotAnswered, result.Verdict);
        Assert.Equal("not answered yet: trigramNll, the trigram model's average NLL on all names", result.Line);
    }

    [Theory]
    [InlineData(2.0927)]
    [InlineData(2.0932)]
    [InlineData(2.0922)]
    public void AnAnswerWithinTheToleranceIsRight(double answer)
    {
        var result = Loss(BigramLoss).Check(answer);
        Assert.Equal(Verdict.Right, result.Verdict);
        Assert.StartsWith($"✓ trigramNll: {answer:0.0000}, right (within ±0.0005)", result.Line);
    }

    [Fact]
    public void ARecognisedMistakeIsWrongWithItsHintAndWithoutTheRightValue()
    {
        var result = Loss(BigramLoss, Infinite).Check(2.4544);
        Assert.Equal(Verdict.Wrong, result.Verdict);
        Assert.Equal("✗ trigramNll: 2.4544. That is the bigram model's loss: one character of context.", result.Line);
        Assert.DoesNotContain("2.0927", result.Line);
    }

    [Fact]
    public void AMistakeRecognisedByAPropertyOfTheNumber()
    {
        var result = Loss(BigramLoss, Infinite).Check(double.PositiveInfinity);
        Assert.Equal(Verdict.Wrong, result.Verdict);
        Assert.EndsWith("An infinite loss: some trigram got probability 0.", result.Line);
    }

    [Fact]
    public void AnyOtherWrongNumberGetsTheStepsOwnHint()
    {
        var result = Loss(BigramLoss, Infinite).Check(2.3);
        Assert.Equal(Verdict.Wrong, result.Verdict);
        Assert.Equal("✗ trigramNll: 2.3000 is not it. Check that each example's context is the two characters before it.", result.Line);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    public void ANaNAComputationGaveIsAWrongAnswerNotAMissingOne(double zeroOrNegative)
    {
        var nan = zeroOrNegative == 0 ? zeroOrNegative / zeroOrNegative : Math.Log(zeroOrNegative);
        Assert.True(double.IsNaN(nan) && !Answer.IsMissing(nan));
        var result = Loss(BigramLoss, Infinite).Check(nan);
        Assert.Equal(Verdict.Wrong, result.Verdict);
        Assert.StartsWith("✗ trigramNll: NaN, not a number:", result.Line);
    }

    [Fact]
    public void TheMissingAnswerKeepsItsBitsThroughAVariableAndACall()
    {
        double placeholder = Answer.Missing;
        Assert.True(Answer.IsMissing(Identity(placeholder)));
        Assert.False(Answer.IsMissing(double.NaN));
        Assert.False(Answer.IsMissing((double)(float)Answer.Missing + 0));
    }

    static double Identity(double x) => x;

    [Fact]
    public void AnExactStepSaysRightWithoutATolerance() =>
        Assert.Equal("✓ count: 627, right", new NumberStep("count", "the distinct bigrams", () => 627, 0, "Count each pair once.", [], "0").Check(627).Line);

    [Fact]
    public void AMistakeThatCannotBeToldApartFromTheRightAnswerIsAnErrorOfTheExercise()
    {
        var step = Loss(Mistake.Near(() => 2.0930, "too close to the right value"));
        var error = Assert.Throws<InvalidOperationException>(() => step.Check(2.5));
        Assert.Contains("cannot tell", error.Message);
    }
}
