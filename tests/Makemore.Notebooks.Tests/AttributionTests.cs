namespace Makemore.Notebooks.Tests;

/// <summary>
/// What the prose says the lesson or PyTorch gives, the notebook shows: a sentence that attributes a result to "the
/// lesson", "the video" or "PyTorch" (gives, printed, draws, … a number, or "the same") is backed by a reference line
/// the notebook printed (LessonReference's "PyTorch 1.13, … · ours: …" or "the lesson notebook's saved output, …")
/// in the code cell just before or just after it, and each number the sentence quotes is in such a line.
/// </summary>
public sealed partial class AttributionTests
{
    public static TheoryData<string> All() => Series.All();

    [Theory]
    [MemberData(nameof(All))]
    public async Task EverySentenceThatSaysWhatTheLessonOrPyTorchGivesHasItsEvidencePrintedBesideIt(string notebook)
    {
        var executed = await NotebookRun.ExecuteAsync(notebook);
        var problems = new List<string>();
        var cells = executed.Cells;
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i].IsCode) continue;
            var evidence = new[] { i - 1, i + 1 }.Where(j => j >= 0 && j < cells.Count && cells[j].IsCode)
                .SelectMany(j => cells[j].Text.Split('\n')).Where(IsReferenceLine).ToList();
            var found = ProseNumbers.Found(evidence);
            foreach (var sentence in Attributions(cells[i].Source))
            {
                var numbers = ProseNumbers.Quoted(sentence);
                if (evidence.Count == 0)
                    problems.Add($"markdown cell {i} (0-based) says \"{sentence}\", but neither code cell beside it prints a reference line");
                else if (numbers.FirstOrDefault(n => !ProseNumbers.IsFound(n, found)) is { } missing)
                    problems.Add($"markdown cell {i} (0-based) quotes {missing.Text} in \"{sentence}\", which the reference lines beside it do not show");
            }
        }
        Assert.True(problems.Count == 0, $"{notebook}: {problems.Count} attribution(s) without their evidence. Print the reference with " +
            "LessonReference.Show beside ours in the code cell before or after the sentence, or say it without attributing it.\n" +
            string.Join("\n", problems.Select(p => "- " + p)));
    }

    /// <summary>A line LessonReference printed: a value from PyTorch 1.13 or the lesson notebook's saved output, beside ours.</summary>
    static bool IsReferenceLine(string line) =>
        line.StartsWith("PyTorch ", StringComparison.Ordinal) || line.StartsWith("the lesson notebook's saved output", StringComparison.Ordinal);

    /// <summary>The sentences of <paramref name="markdown"/> that attribute a number, or "the same", to the lesson or PyTorch.</summary>
    /// <remarks>
    /// Sentences are taken within a block (a paragraph, a list item, a table row), and their code spans (`print(…)`)
    /// are code, not prose: neither a source nor a verb in them makes an attribution.
    /// </remarks>
    internal static IEnumerable<string> Attributions(string markdown) =>
        Block().Split(CodeBlock().Replace(markdown, "\n\n"))
            .SelectMany(block => SentenceSplit().Split(block.Replace('\n', ' ')))
            .Where(s =>
            {
                var prose = CodeSpan().Replace(s, " ");
                return Source().IsMatch(prose) && Giving().IsMatch(prose) && (ProseNumbers.Quoted(s).Count > 0 || Same().IsMatch(prose));
            })
            .Select(s => s.Trim());

    [GeneratedRegex(@"\n\s*\n|\n(?=\s*(?:[-*+]\s|\d+\.\s|\||#|>|<))")]
    private static partial Regex Block();

    [GeneratedRegex(@"(?ms)^```.*?^```")]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"`[^`]*`|<code>.*?</code>")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[\p{Lu}\p{N}*`(\[])")]
    private static partial Regex SentenceSplit();

    [GeneratedRegex(@"\b(PyTorch|the lesson|the video)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Source();

    [GeneratedRegex(@"\b(gives?|gave|prints?|printed|draws?|drew|gets?|got|reaches|reached|computes?|computed)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Giving();

    [GeneratedRegex(@"\bthe same\b", RegexOptions.IgnoreCase)]
    private static partial Regex Same();
}

/// <summary>The attribution rule of <see cref="AttributionTests"/> on literal sentences.</summary>
public sealed class AttributionRuleTests
{
    [Theory]
    [InlineData("Step 100 prints 2.4901, as the lesson printed 2.4901 in PyTorch.")]
    [InlineData("Run in PyTorch from the same seed, it prints the same losses.")]
    [InlineData("The lesson's cell gives 3.7693 on emma.")]
    public void AttributingANumberOrTheSameIsAnAttribution(string sentence) => Assert.Single(AttributionTests.Attributions(sentence));

    [Theory]
    [InlineData("The lesson computes the loss with one more walk over all bigrams.")]
    [InlineData("Our loop prints 2.4901 at step 100.")]
    [InlineData("PyTorch's broadcasting lines the shapes up from the right.")]
    [InlineData("| print a name | `print(''.join(out))` in PyTorch's lesson, 27 rows | `Console.WriteLine(...)` |")]
    public void DescribingTheLessonWithoutAResultIsNot(string sentence) => Assert.Empty(AttributionTests.Attributions(sentence));

    [Fact]
    public void AListItemOrATableRowIsItsOwnSentence() =>
        Assert.Empty(AttributionTests.Attributions("In this notebook:\n\n1. the lesson's loop\n2. what PyTorch draws\n\n| step | 27 |\n| --- | --- |"));
}
