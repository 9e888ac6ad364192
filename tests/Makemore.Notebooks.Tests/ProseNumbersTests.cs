namespace Makemore.Notebooks.Tests;

/// <summary>
/// Every number a notebook's markdown quotes must be one the reader can find in that notebook: in a code cell or in
/// what the cells printed. The rule, implemented by <see cref="ProseNumbers"/>:
/// <list type="bullet">
/// <item>A <b>number</b> is a run of digits that is not part of a word (<c>float64</c>, <c>E01</c> hold none), with
/// optional thousands separators (<c>228,146</c>, and <c>10_000</c> as C# writes it), optional dotted parts (a decimal
/// <c>2.4544</c> or a version <c>2.1.1</c>) and an optional exponent (<c>1e-05</c>). Separators are dropped before
/// comparing, so 228,146 in the prose matches 228146 or 228,146 printed. Signs are ignored.</item>
/// <item>The markdown <b>quotes</b> a number if it has a decimal point or three or more digits (2.4544, 0.01, 729,
/// 228,146). Link targets and bare URLs are skipped; code spans and code blocks are checked like the rest, since the
/// reader takes them as literally true too.</item>
/// <item>A quoted number is <b>found</b> if the same number, digit for digit, occurs in a code cell's source or in a
/// text output: standard output and error, and the text/plain of a result that has no text/html (a chart's text/plain
/// is the runner's dump of the chart object, which a reader in Jupyter never sees, and the chart's HTML holds far more
/// numbers than any reader sees). So 2.45 does not match a printed 2.4544, nor 1.0 a printed 1.0000, nor 13.8% a
/// printed 0.1377.</item>
/// <item>Two exceptions. A number written right after "about", "roughly", "around", "approximately", "≈" or "~" may
/// be a printed number rounded to the decimals it shows (about 2.45 matches 2.4544; about 2.46 does not; whole numbers
/// still have to match exactly). A version names its release series too: 0.107 matches a printed 0.107.0.</item>
/// <item>What the prose takes from elsewhere (a number from the lesson's video, a constant) is listed in
/// <see cref="Allowed"/> with where it comes from. An entry that the notebook no longer quotes, or now prints, fails
/// the test too, so the list stays as short as it can be.</item>
/// </list>
/// </summary>
public sealed class ProseNumbersTests
{
    /// <summary>Every notebook on disk, so that a new one is checked without changing this file.</summary>
    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(NotebookRun.NotebooksFolder, "*.ipynb").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(path));
        return data;
    }

    /// <summary>Per notebook, numbers its prose may quote without printing them, each with where it comes from.</summary>
    static readonly Dictionary<string, (string Number, string Reason)[]> Allowed = new(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task EveryNumberTheProseQuotesIsPrintedOrInTheCode(string notebook)
    {
        var executed = await NotebookRun.ExecuteAsync(notebook);
        var found = ProseNumbers.Found(ProseNumbers.ReaderTexts(executed));
        var allowed = Allowed.GetValueOrDefault(notebook, []);
        var problems = new List<string>();
        var quotedAnywhere = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cell in executed.Cells.Where(c => !c.IsCode))
        {
            foreach (var number in ProseNumbers.Quoted(cell.Source))
            {
                quotedAnywhere.Add(number.Value);
                if (ProseNumbers.IsFound(number, found) || allowed.Any(a => a.Number == number.Value)) continue;
                problems.Add($"markdown cell {cell.Number - 1} (0-based; id {(string?)cell.Json["id"]}) quotes {number.Text}, " +
                    $"which neither its outputs nor its code contain, in: \"{number.Sentence}\"");
            }
        }
        foreach (var (number, reason) in allowed)
        {
            if (!quotedAnywhere.Contains(number))
                problems.Add($"the allowlist entry {number} ({reason}) is no longer quoted: remove it");
            else if (ProseNumbers.IsFound(new ProseNumber(number, number, "", Approximate: false), found))
                problems.Add($"the allowlist entry {number} ({reason}) is printed or in the code now: remove it");
        }
        Assert.True(problems.Count == 0,
            $"{notebook}: {problems.Count} number(s) in the prose that a reader cannot find in the notebook. Fix the prose " +
            $"(quote the number as printed, or print it), or, for a number from the lesson or a constant, list it with its " +
            $"reason in {nameof(ProseNumbersTests)}.{nameof(Allowed)}.\n" + string.Join("\n", problems.Select(p => "- " + p)));
    }
}

/// <summary>The number-matching rule of <see cref="ProseNumbersTests"/> on literal strings, without running a notebook.</summary>
public sealed class ProseNumbersRuleTests
{
    static string[] Values(string markdown) => ProseNumbers.Quoted(markdown).Select(n => n.Value).ToArray();

    static bool Matches(string prose, params string[] printed)
    {
        var number = Assert.Single(ProseNumbers.Quoted(prose));
        return ProseNumbers.IsFound(number, ProseNumbers.Found(printed));
    }

    [Fact]
    public void QuotesDecimalsAndNumbersOfThreeOrMoreDigits()
    {
        Assert.Equal(["2.4544", "228146", "729", "0.01", "2147483647"],
            Values("The loss is 2.4544 over 228,146 bigrams; 27 × 27 = 729 pairs, smoothing 0.01, seed 2147483647."));
        Assert.Equal(["100"], Values("61 of 100 draws, 6 twos."));
    }

    [Fact]
    public void DigitsInsideWordsAndLinkTargetsAreNotNumbers()
    {
        Assert.Empty(Values("`float64` and `int32` tensors, exercise E01, branch nb0103."));
        Assert.Equal(["0.5"], Values("See [the video at 1:02:03](https://www.youtube.com/watch?v=PaCmpygFfXo&t=3723s) or https://example.com/1234 for 0.5."));
    }

    [Fact]
    public void VersionsAndExponentsAreOneNumber()
    {
        Assert.Equal(["2.1.1", "0.107"], Values("PyTorch 2.1.1 and TorchSharp 0.107."));
        Assert.Equal(["1.5e-05"], Values("a step of 1.5e-05."));
    }

    [Fact]
    public void SeparatorsDoNotMatterButDigitsDo()
    {
        Assert.True(Matches("228,146 pairs", "228146 bigrams in all"));
        Assert.True(Matches("228146 pairs", "count 228,146"));
        Assert.True(Matches("10,000 draws", "num_samples: 10_000"));
        Assert.False(Matches("228,146 pairs", "228147 bigrams"));
        Assert.False(Matches("2.45", "loss 2.4544"));
        Assert.False(Matches("1.0", "value = 1.0000"));
        Assert.False(Matches("13.8%", "0.1377 0.0408"));
        Assert.False(Matches("228 names", "228.5"));
        Assert.True(Matches("the loss 2.4544.", "loss = 2.4544"));
    }

    [Fact]
    public void NumbersInAListOfOutputsAreFoundOneByOne()
    {
        Assert.True(Matches("then 456", "[0,123,456]"));
        Assert.True(Matches("then 2.75", "[0.5,2.75]"));
    }

    [Fact]
    public void OnlyAnApproximateNumberMayBeRounded()
    {
        Assert.True(Matches("about 2.45", "loss 2.4544"));
        Assert.True(Matches("≈ 2.46", "2.4560"));
        Assert.False(Matches("about 2.46", "loss 2.4544"));
        Assert.False(Matches("about 228,000 pairs", "228146"));
    }

    [Fact]
    public void AVersionMatchesItsFullPrintedForm()
    {
        Assert.True(Matches("TorchSharp 0.107", "TorchSharp 0.107.0"));
        Assert.False(Matches("TorchSharp 0.108", "TorchSharp 0.107.0"));
    }

    [Fact]
    public void ReportsTheSentenceANumberIsIn()
    {
        var number = Assert.Single(ProseNumbers.Quoted("## Loss\n\nIt starts high. After training, e.g. with 0.1 steps, the loss is low. Next."));
        Assert.Equal("After training, e.g. with 0.1 steps, the loss is low.", number.Sentence);
        var wrapped = Assert.Single(ProseNumbers.Quoted("A first one. The loss falls\nto 2.4544 and\nstays. Next.\n- an item"));
        Assert.Equal("The loss falls to 2.4544 and stays.", wrapped.Sentence);
        var item = Assert.Single(ProseNumbers.Quoted("Intro line.\n- first item\n- the item with 0.25 in it\n| a | 1 |"));
        Assert.Equal("- the item with 0.25 in it", item.Sentence);
    }
}

/// <summary>A number quoted in markdown: as written, normalised (no separators, no sign), and the sentence around it.</summary>
internal sealed record ProseNumber(string Text, string Value, string Sentence, bool Approximate);

/// <summary>Finds the numbers markdown quotes and those a reader can see; the rule is <see cref="ProseNumbersTests"/>'s.</summary>
internal static class ProseNumbers
{
    // Not inside a word, nor the continuation of a dotted number; thousands groups of exactly three digits.
    static readonly Regex Number = new(
        @"(?<![\p{L}\p{N}_]|\d\.)\d+(?:[,_]\d{3}(?!\d))*(?:\.\d+)*(?:[eE][-+]?\d+)?", RegexOptions.Compiled);

    static readonly Regex LinkTarget = new(@"\]\([^)\s]*(?:\s+""[^""]*"")?\)|^\s*\[[^\]]+\]:\s*\S+.*$|<?https?://[^\s)>]+>?",
        RegexOptions.Compiled | RegexOptions.Multiline);

    static readonly Regex ApproximatePrefix = new(@"(?:\b(?:about|roughly|around|approximately)\s+|[≈~]\s*)$",
        RegexOptions.Compiled | RegexOptions.IgnoreCase);

    // A sentence ends at . ! or ? followed by space and something that starts a sentence ("e.g. with" does not).
    static readonly Regex SentenceEnd = new(@"(?<=[.!?])\s+(?=[\p{Lu}\p{N}*`(\[""_>#-])", RegexOptions.Compiled);

    /// <summary>The numbers <paramref name="markdown"/> quotes: those with a decimal point or three or more digits.</summary>
    public static IReadOnlyList<ProseNumber> Quoted(string markdown)
    {
        var text = LinkTarget.Replace(markdown.ReplaceLineEndings("\n"), m => m.Value.StartsWith(']') ? "]" : " ");
        var quoted = new List<ProseNumber>();
        foreach (Match match in Number.Matches(text))
        {
            var value = Normalize(match.Value);
            if (!IsQuoted(value)) continue;
            var before = text[Math.Max(0, match.Index - 20)..match.Index];
            quoted.Add(new ProseNumber(match.Value, value, SentenceAround(text, match.Index), ApproximatePrefix.IsMatch(before)));
        }
        return quoted;
    }

    /// <summary>
    /// Every number in <paramref name="texts"/>, normalised; a run like "0,123,456" also yields its parts, in case it is
    /// a list rather than one number with separators.
    /// </summary>
    public static IReadOnlySet<string> Found(IEnumerable<string> texts)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            foreach (Match match in Number.Matches(text))
            {
                found.Add(Normalize(match.Value));
                foreach (var part in match.Value.Split(',', '_')) found.Add(Normalize(part));
            }
        }
        return found;
    }

    /// <summary>Whether a reader can find <paramref name="number"/> among the <paramref name="found"/> ones (see the rule).</summary>
    public static bool IsFound(ProseNumber number, IReadOnlySet<string> found)
    {
        var value = number.Value;
        if (found.Contains(value)) return true;
        // A version names its release series: 0.107 is 0.107.0.
        if (value.Contains('.') && found.Any(f => f.StartsWith(value + ".", StringComparison.Ordinal))) return true;
        return number.Approximate && IsPlainDecimal(value) && found.Any(f => RoundsTo(f, value));
    }

    /// <summary>What a reader sees as text in an executed notebook: its code, and its outputs other than charts and HTML.</summary>
    public static IEnumerable<string> ReaderTexts(ExecutedNotebook notebook)
    {
        foreach (var cell in notebook.CodeCells)
        {
            yield return cell.Source;
            yield return cell.Stdout;
            yield return cell.Stderr;
            foreach (var output in cell.Outputs)
            {
                var data = output["data"];
                if (data?["text/plain"] is { } plain && data["text/html"] is null)
                    yield return plain is System.Text.Json.Nodes.JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)plain ?? "";
            }
            foreach (var error in cell.Errors) yield return error.Message;
        }
    }

    static string Normalize(string number) => number.Replace(",", "").Replace("_", "").ToLowerInvariant();

    static bool IsQuoted(string value)
    {
        var mantissa = value.Split('e')[0];
        return mantissa.Contains('.') || mantissa.Length >= 3;
    }

    static bool IsPlainDecimal(string value) => Regex.IsMatch(value, @"^\d+\.\d+$");

    // Whether the printed number f, with more decimals than value, rounds (half away from zero) to value.
    static bool RoundsTo(string f, string value)
    {
        if (!IsPlainDecimal(f)) return false;
        var decimals = value.Length - value.IndexOf('.') - 1;
        if (f.Length - f.IndexOf('.') - 1 <= decimals) return false;
        var rounded = Math.Round(decimal.Parse(f, CultureInfo.InvariantCulture), decimals, MidpointRounding.AwayFromZero);
        return rounded.ToString("F" + decimals, CultureInfo.InvariantCulture) == value;
    }

    // A block is a paragraph (its lines may be wrapped), a list item, a table row or a heading.
    static readonly Regex BlockStart = new(@"\n\s*\n|\n(?=\s*(?:[-*+]\s|\d+\.\s|\||#|>))", RegexOptions.Compiled);

    static string SentenceAround(string text, int index)
    {
        var blockStart = 0;
        var blockEnd = text.Length;
        foreach (Match boundary in BlockStart.Matches(text))
        {
            if (boundary.Index >= index) { blockEnd = boundary.Index; break; }
            blockStart = boundary.Index + boundary.Length;
        }
        // Wrapped lines read as one line; replacing each newline by a space keeps the offsets.
        var block = text[blockStart..blockEnd].Replace('\n', ' ');
        var offset = index - blockStart;
        var start = 0;
        foreach (Match end in SentenceEnd.Matches(block))
        {
            if (end.Index >= offset) return block[start..end.Index].Trim();
            start = end.Index + end.Length;
        }
        return block[start..].Trim();
    }
}
