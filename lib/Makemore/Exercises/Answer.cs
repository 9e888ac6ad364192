namespace Makemore.Exercises;

/// <summary>
/// The placeholder a try-it notebook's number steps start with: <c>double trigramNll = Answer.Missing; // your answer</c>.
/// It is a NaN, so the variable stays a plain <c>double</c> the later steps can compute with, but a NaN of its own bits:
/// a check tells it from the NaN a computation gives (0/0, log of a negative number), which is a wrong answer, not a
/// missing one.
/// </summary>
public static class Answer
{
    // A quiet NaN with a payload no arithmetic produces: computed NaNs carry none (or lose it in conversions).
    const long MissingBits = 0x7FF8_0000_4D49_5353; // "MISS"

    /// <summary>Not answered yet: the value an answer cell holds until the learner replaces it.</summary>
    public static readonly double Missing = BitConverter.Int64BitsToDouble(MissingBits);

    /// <summary>Whether <paramref name="value"/> is still the placeholder <see cref="Missing"/>.</summary>
    public static bool IsMissing(double value) => BitConverter.DoubleToInt64Bits(value) == MissingBits;
}
