namespace Makemore.Exercises;

/// <summary>What a check made of a learner's answer to one step of a try-it notebook.</summary>
public enum Verdict
{
    /// <summary>The answer is still the placeholder the notebook came with (<see cref="Answer.Missing"/>, or null for a tensor or a list).</summary>
    NotAnswered,
    /// <summary>The answer is right, within the step's tolerance.</summary>
    Right,
    /// <summary>The answer is wrong; the line says what it suggests went wrong when the check recognises it.</summary>
    Wrong,
}

/// <summary>
/// One check of one step: its verdict and the one line a check cell prints, which starts with "✓", "✗" or
/// "not answered yet:" so that a learner (and a test) can tell them apart at a glance.
/// </summary>
public sealed record CheckResult(string Step, Verdict Verdict, string Line)
{
    public const string RightMark = "✓";
    public const string WrongMark = "✗";
    public const string NotAnsweredPrefix = "not answered yet:";

    /// <summary>The step's answer is the placeholder: the line says what the step must produce, nothing else.</summary>
    public static CheckResult NotAnswered(string step, string task) => new(step, Verdict.NotAnswered, $"{NotAnsweredPrefix} {step}, {task}");

    public static CheckResult Right(string step, string detail) => new(step, Verdict.Right, $"{RightMark} {step}: {detail}");

    public static CheckResult Wrong(string step, string detail) => new(step, Verdict.Wrong, $"{WrongMark} {step}: {detail}");

    public override string ToString() => Line;

    /// <summary>Writes the line (what a check cell shows) and returns the result, for the caller that wants it.</summary>
    internal CheckResult Print()
    {
        Console.WriteLine(Line);
        return this;
    }
}
