using System.Globalization;

namespace Makemore.Exercises;

/// <summary>
/// A mistake a check recognises in a number: what the learner probably did, told as a hint, and how to recognise it:
/// either the number that mistake gives (<see cref="Near"/>, computed by really making the mistake on the data) or a
/// property of the number (<see cref="When"/>, such as "infinite" or "above the uniform guess").
/// </summary>
internal sealed class Mistake
{
    readonly Lazy<double>? value;
    readonly Func<double, bool>? test;

    Mistake(string hint, Func<double>? value, Func<double, bool>? test)
    {
        Hint = hint;
        if (value is not null) this.value = new(value);
        this.test = test;
    }

    public string Hint { get; }
    /// <summary>The number the mistake gives, for a mistake recognised by its value (made once, when first needed: some take training a model).</summary>
    public double? Value => value?.Value;

    /// <summary>An answer within the step's tolerance of <paramref name="value"/> is this mistake.</summary>
    public static Mistake Near(Func<double> value, string hint) => new(hint, value, null);

    /// <summary>An answer for which <paramref name="test"/> holds is this mistake.</summary>
    public static Mistake When(Func<double, bool> test, string hint) => new(hint, null, test);

    public bool Matches(double answer, double tolerance) =>
        test?.Invoke(answer) ?? IsNear(answer, Value!.Value, tolerance);

    // The tolerance is a decimal ("±0.0005"): an answer exactly at its edge counts, whatever binary rounding does to the difference.
    internal static bool IsNear(double answer, double value, double tolerance) =>
        answer == value || Math.Abs(answer - value) <= tolerance * (1 + 1e-9);
}

/// <summary>
/// A step whose answer is one number (a loss, a count, a strength): the variable the learner sets, what it must hold,
/// the right value (computed from the data by the library, once), the tolerance within which an answer is right, the
/// mistakes it recognises and a hint for any other wrong number. The right value is never printed for a wrong answer:
/// the check says what the number suggests, not what to type.
/// </summary>
internal sealed class NumberStep
{
    readonly Lazy<double> expected;
    readonly Mistake[] mistakes;
    readonly string otherwise;
    readonly string format;
    bool distinctChecked;

    /// <param name="variable">The name of the variable the learner sets (what the lines name).</param>
    /// <param name="task">What the variable must hold, for the "not answered yet" line.</param>
    /// <param name="expected">Computes the right value (called once, when first needed).</param>
    /// <param name="tolerance">How far from the right value an answer may be and still be right.</param>
    /// <param name="otherwise">The hint for a wrong number that no mistake explains.</param>
    /// <param name="mistakes">The mistakes recognised, tried in this order after the right value.</param>
    /// <param name="format">How numbers are shown ("0.0000" for losses).</param>
    public NumberStep(string variable, string task, Func<double> expected, double tolerance, string otherwise,
        Mistake[] mistakes, string format = "0.0000")
    {
        if (!(tolerance >= 0)) throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "A tolerance is 0 or more.");
        Variable = variable;
        Task = task;
        this.expected = new(expected);
        Tolerance = tolerance;
        this.otherwise = otherwise;
        this.mistakes = mistakes;
        this.format = format;
    }

    public string Variable { get; }
    public string Task { get; }
    public double Tolerance { get; }
    /// <summary>The right value.</summary>
    public double Expected => expected.Value;
    public IReadOnlyList<Mistake> Mistakes => mistakes;

    /// <summary>
    /// The verdict on <paramref name="value"/>: <see cref="Answer.Missing"/> is the placeholder, so "not answered yet";
    /// any other NaN is an answer (a computation that went wrong somewhere), told as such when no mistake of the step
    /// explains it.
    /// </summary>
    public CheckResult Check(double value)
    {
        if (Answer.IsMissing(value)) return CheckResult.NotAnswered(Variable, Task);
        CheckDistinct();
        var shown = Show(value);
        if (Mistake.IsNear(value, Expected, Tolerance))
            return CheckResult.Right(Variable, Tolerance == 0 ? $"{shown}, right" : $"{shown}, right (within ±{Show(Tolerance)})");
        if (mistakes.FirstOrDefault(m => m.Matches(value, Tolerance)) is { } mistake)
            return CheckResult.Wrong(Variable, $"{shown}. {mistake.Hint}");
        if (double.IsNaN(value))
            return CheckResult.Wrong(Variable, "NaN, not a number: somewhere a 0/0, an ∞ − ∞ or the log of a negative number crept in. " +
                "Show the tensors of your computation one at a time to find the first that holds NaN.");
        return CheckResult.Wrong(Variable, $"{shown} is not it. {otherwise}");
    }

    // A mistake whose number is the right one's, or another mistake's, within the tolerance could never be told apart:
    // the step itself would be wrong, so that is an error of the exercise, found the first time it is checked.
    void CheckDistinct()
    {
        if (distinctChecked) return;
        var values = mistakes.Where(m => m.Value is not null).Select(m => (Hint: m.Hint, Value: m.Value!.Value))
            .Prepend((Hint: "the right answer", Value: Expected)).ToList();
        for (var i = 0; i < values.Count; i++)
            for (var j = i + 1; j < values.Count; j++)
                if (Mistake.IsNear(values[i].Value, values[j].Value, 2 * Tolerance))
                    throw new InvalidOperationException(
                        $"The step {Variable} cannot tell \"{values[i].Hint}\" ({Show(values[i].Value)}) from \"{values[j].Hint}\" ({Show(values[j].Value)}) within ±{Show(Tolerance)}.");
        distinctChecked = true;
    }

    string Show(double value) => value.ToString(format, CultureInfo.InvariantCulture);
}
