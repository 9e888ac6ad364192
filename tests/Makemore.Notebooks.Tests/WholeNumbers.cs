using System.Globalization;

namespace Makemore.Notebooks.Tests;

/// <summary>Counts as the notebooks print them, with thousands separators ("228,146"), which FindNumber does not read.</summary>
static class WholeNumbers
{
    /// <summary>The whole number captured by the first group of <paramref name="pattern"/> in any cell's text output.</summary>
    public static long FindCount(this ExecutedNotebook notebook, string pattern) =>
        long.Parse(notebook.Find(pattern).Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
}
