namespace Makemore;

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
    internal static ArgumentOutOfRangeException OutOfRange(string paramName, object? actualValue, string rule) =>
        With(new ArgumentOutOfRangeException(paramName, actualValue, $"{paramName} {rule}."), rule);

    /// <summary>Attaches <paramref name="rule"/> (what the argument must be, without its name) to the exception.</summary>
    internal static TException With<TException>(TException exception, string rule) where TException : ArgumentException
    {
        exception.Data[Key] = rule;
        return exception;
    }

    /// <summary>The rule an exception of the library's checks carries ("must be 1 or more"), or null for any other exception.</summary>
    public static string? Of(ArgumentException exception) => exception.Data[Key] as string;
}
