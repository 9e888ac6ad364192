namespace Makemore.Notebooks.Tests;

/// <summary>
/// How long a notebook takes to read, from its words and code, the way the README's map states it: markdown at
/// <see cref="WordsPerMinute"/> words a minute and code at <see cref="CodeLinesPerMinute"/> non-blank lines a minute
/// (outputs and pictures not counted). An optional aside is a markdown heading that starts with
/// <see cref="AsideHeading"/>; it runs to the next heading of the same or a higher level, and the main path leaves it
/// out. A notebook whose title says <see cref="OptionalNotebook"/> is an aside as a whole.
/// </summary>
public static partial class ReadingTime
{
    public const int WordsPerMinute = 200;
    public const int CodeLinesPerMinute = 20;
    public const string AsideHeading = "Optional aside:";
    public const string OptionalNotebook = "(optional: beyond the video)";

    /// <summary>The lesson's video, 1 h 56 min 20 s (its last chapter, the conclusion, starts at 1:56:16).</summary>
    public const double VideoMinutes = 116.3;

    /// <summary>Minutes to read the notebook's main path and its optional asides.</summary>
    public static (double MainPath, double Asides) Of(string notebook)
    {
        var cells = Series.Cells(notebook);
        var wholeAside = cells.FirstOrDefault(c => !c.IsCode).Source?.Split('\n')[0].Contains(OptionalNotebook, StringComparison.Ordinal) == true;
        double main = 0, asides = 0;
        int? asideLevel = null;
        foreach (var (isCode, source) in cells)
        {
            if (!isCode && Heading().Match(source) is { Success: true } heading)
            {
                var level = heading.Groups["hashes"].Length;
                if (heading.Groups["title"].Value.StartsWith(AsideHeading, StringComparison.Ordinal)) asideLevel ??= level;
                else if (asideLevel is { } open && level <= open) asideLevel = null;
            }
            var minutes = isCode
                ? source.Split('\n').Count(l => l.Trim().Length > 0) / (double)CodeLinesPerMinute
                : Words().Count(source) / (double)WordsPerMinute;
            if (wholeAside || asideLevel is not null) asides += minutes;
            else main += minutes;
        }
        return (main, asides);
    }

    // The cell's first heading decides where an aside starts or ends (a cell opens with its heading, or has none).
    [GeneratedRegex(@"(?m)^(?<hashes>#{1,6})\s+(?<title>.+)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"\S+")]
    private static partial Regex Words();
}
