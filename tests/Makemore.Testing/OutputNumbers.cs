using System.Globalization;
using System.Text.RegularExpressions;

namespace Makemore.Testing;

/// <summary>
/// Numbers as the notebooks and programs print them: invariant culture, thousands separators (228,146), E notation,
/// NaN and Infinity. The one parser every test reads printed numbers with.
/// </summary>
public static class OutputNumbers
{
    public static double Parse(string text) =>
        double.Parse(text.Trim(), NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    /// <summary>The number captured by group <paramref name="group"/> of <paramref name="match"/>.</summary>
    public static double Number(this Match match, int group) => Parse(match.Groups[group].Value);

    /// <summary>The number captured by the first group of <paramref name="match"/>, the match of <paramref name="pattern"/>.</summary>
    public static double FirstGroupNumber(Match match, string pattern)
    {
        if (match.Groups.Count < 2) throw new ArgumentException($"The pattern /{pattern}/ has no group to capture a number.", nameof(pattern));
        return match.Number(1);
    }
}
