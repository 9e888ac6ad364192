namespace Makemore;

/// <summary>
/// Settings of full-batch gradient descent for <see cref="NeuralNGram"/>.Train; the defaults are the lesson's
/// (100 steps of learning rate 50 with regularisation 0.01).
/// </summary>
public sealed record TrainingOptions(int Steps = 100, double LearningRate = 50, double Regularization = 0.01)
{
    /// <summary>
    /// The rules for the settings, checked here only (training checks them, and so can a program before it loads any
    /// data): at least one step, a positive finite learning rate, a regularisation strength of 0 or more. Throws an
    /// <see cref="ArgumentRule"/> exception naming the setting (Steps, LearningRate or Regularization).
    /// </summary>
    public void Check()
    {
        if (Steps < 1) throw ArgumentRule.OutOfRange(nameof(Steps), Steps, "must be 1 or more");
        if (!(double.IsFinite(LearningRate) && LearningRate > 0))
            throw ArgumentRule.OutOfRange(nameof(LearningRate), LearningRate, "must be a positive number");
        if (!(double.IsFinite(Regularization) && Regularization >= 0))
            throw ArgumentRule.OutOfRange(nameof(Regularization), Regularization, "must be 0 or more");
    }
}

/// <summary>
/// One step of training: the loss that step minimised (data loss plus regularisation, what the lesson prints)
/// and the data loss alone, both before the step's update.
/// </summary>
public sealed record TrainingStep(int Step, double Loss, double DataLoss);

/// <summary>
/// The library's rules for arguments, each checked in one place: an argument that breaks one throws an
/// <see cref="ArgumentException"/> (usually <see cref="ArgumentOutOfRangeException"/>) that carries the rule in words
/// ("must be 0 or more (a count added to every cell)") apart from the argument's name, so that a program can report it
/// under its own name for the argument (the makemore command names its option).
/// </summary>
public static class ArgumentRule
{
    const string Key = "Makemore.ArgumentRule";

    /// <summary>An <see cref="ArgumentOutOfRangeException"/> for <paramref name="paramName"/> that says "paramName rule.".</summary>
    public static ArgumentOutOfRangeException OutOfRange(string paramName, object? actualValue, string rule) =>
        With(new ArgumentOutOfRangeException(paramName, actualValue, $"{paramName} {rule}."), rule);

    /// <summary>Attaches <paramref name="rule"/> (what the argument must be, without its name) to the exception.</summary>
    public static TException With<TException>(TException exception, string rule) where TException : ArgumentException
    {
        exception.Data[Key] = rule;
        return exception;
    }

    /// <summary>The rule an exception of the library's checks carries ("must be 1 or more"), or null for any other exception.</summary>
    public static string? Of(ArgumentException exception) => exception.Data[Key] as string;
}
