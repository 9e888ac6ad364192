using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Makemore.Cli;

/// <summary>
/// Parsers for option values that say what was expected in the user's words ("--seed must be a whole number 0 or
/// more, not -5") instead of System.CommandLine's "Cannot parse argument … as expected type 'System.UInt64'", and
/// the one place that turns a library rule (<see cref="ArgumentRule"/>) into a message about an option.
/// </summary>
static class OptionValues
{
    /// <summary>
    /// Accepts any whole number an int holds; which of them are allowed is checked afterwards, by the library's rule
    /// (or the command's). <paramref name="minimum"/> only words the message for a number too large for an int.
    /// </summary>
    public static Option<int> WholeNumber(this Option<int> option, int minimum)
    {
        option.CustomParser = result => Parse(result, option, (string text, out int value) =>
            int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value), text => ExpectedWholeNumber(text, minimum));
        return option;
    }

    /// <summary>An optional whole number (no value unless given); as <see cref="WholeNumber(Option{int}, int)"/> otherwise.</summary>
    public static Option<int?> WholeNumber(this Option<int?> option, int minimum)
    {
        option.CustomParser = result => Parse(result, option, (string text, out int? value) =>
        {
            var parsed = int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number);
            value = parsed ? number : null;
            return parsed;
        }, text => ExpectedWholeNumber(text, minimum));
        return option;
    }

    // A whole number too large for an int is told the range; anything else, that a whole number was expected.
    static string ExpectedWholeNumber(string text, int minimum) => IsWholeNumber(text) && !text.StartsWith('-')
        ? $"a whole number from {minimum:N0} to {int.MaxValue:N0}"
        : "a whole number";

    /// <summary>A seed option: a whole number from 0 to 2^64 - 1, the range of torch's generator seeds.</summary>
    public static Option<ulong> Seed(string name, string description, ulong defaultValue)
    {
        var option = new Option<ulong>(name) { HelpName = "seed", Description = description, DefaultValueFactory = _ => defaultValue };
        option.CustomParser = result => Parse(result, option, (string text, out ulong value) =>
            ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value),
            text => IsWholeNumber(text) && !text.StartsWith('-') ? $"a whole number 0 or more, at most {ulong.MaxValue:N0}" : "a whole number 0 or more");
        return option;
    }

    /// <summary>Any number (decimal point and exponent allowed, e.g. 0.01 or 1e-3); the library says which are allowed.</summary>
    public static Option<double> Number(this Option<double> option)
    {
        option.CustomParser = result => Parse(result, option, (string text, out double value) =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value), _ => "a number (such as 0.5 or 1e-3)");
        return option;
    }

    /// <summary>
    /// The error for a value that breaks a library rule, under the option's name and with the value as the user
    /// wrote it (or the default's): "--steps must be 1 or more, not 0."
    /// </summary>
    public static UsageException Broken(ParseResult parse, Option option, string rule, object? value)
    {
        var written = parse.GetResult(option) is { Implicit: false, Tokens: [.., var last] } ? last.Value : Shown(value);
        return new($"{option.Name} {rule}, not {written}.");
    }

    /// <summary>
    /// Runs <paramref name="check"/>, a library check, reporting a broken <see cref="ArgumentRule"/> of one of the
    /// parameters as the error of the option that gave it.
    /// </summary>
    public static void Check(ParseResult parse, Action check, params (string Parameter, Option Option)[] options)
    {
        try
        {
            check();
        }
        catch (ArgumentOutOfRangeException e) when (ArgumentRule.Of(e) is { } rule && options.Any(o => o.Parameter == e.ParamName))
        {
            throw Broken(parse, options.First(o => o.Parameter == e.ParamName).Option, rule, e.ActualValue);
        }
    }

    public static string Shown(object? value) => value switch
    {
        double d => d.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? "nothing",
    };

    delegate bool TryParse<T>(string text, out T value);

    static T Parse<T>(ArgumentResult result, Option<T> option, TryParse<T> tryParse, Func<string, string> expected)
    {
        if (result.Tokens.Count == 0) return option.DefaultValueFactory is { } factory ? factory(result) : default!;
        var text = result.Tokens[^1].Value;
        if (tryParse(text.Trim(), out var value)) return value;
        result.AddError($"{option.Name} must be {expected(text.Trim())}, not {text}.");
        return default!;
    }

    static bool IsWholeNumber(string text) => text.TrimStart('-', '+') is { Length: > 0 } digits && digits.All(char.IsAsciiDigit);
}
