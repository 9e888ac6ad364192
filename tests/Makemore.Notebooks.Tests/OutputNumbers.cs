using System.Globalization;
using System.Text.RegularExpressions;

namespace Makemore.Notebooks.Tests;

/// <summary>Numbers as notebooks print them: invariant culture, thousands separators, E notation, NaN and Infinity.</summary>
static class OutputNumbers
{
    public static double Parse(string text) =>
        double.Parse(text.Trim(), NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    /// <summary>The number captured by group <paramref name="group"/> of <paramref name="match"/>.</summary>
    public static double Number(this Match match, int group) => Parse(match.Groups[group].Value);
}
