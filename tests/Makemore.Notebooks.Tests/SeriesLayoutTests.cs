namespace Makemore.Notebooks.Tests;

/// <summary>
/// The series reads as one path a learner can walk and come back to: every notebook links the one before and the one
/// after and sums itself up; a lesson notebook reads in one sitting, asks the learner to predict before it shows,
/// ends with questions whose answers are folded away, and maps the lesson's PyTorch to the C# it uses; the lesson's code
/// is not buried under printing. Read from the committed notebooks; nothing is executed.
/// </summary>
public sealed partial class SeriesLayoutTests
{
    public const int MaxLessonCells = 45;
    public const string PredictPrompt = "**Predict:**";
    public const string QuestionsHeading = "## Check your understanding";

    public static TheoryData<string> All() => Series.All();

    public static TheoryData<string> Lessons() => Series.LessonNotebooks();

    [Theory]
    [MemberData(nameof(All))]
    public void LinksThePreviousNotebookAtTheTopAndTheNextAtTheEnd(string notebook)
    {
        var order = Series.Order;
        var at = order.ToList().IndexOf(notebook);
        var markdown = Series.Cells(notebook).Where(c => !c.IsCode).Select(c => c.Source).ToList();
        if (at > 0)
            Assert.True(markdown[0].Contains($"]({order[at - 1]})", StringComparison.Ordinal),
                $"{notebook}'s first markdown cell does not link the notebook before it, {order[at - 1]}.");
        if (at < order.Count - 1)
            Assert.True(markdown[^1].Contains($"]({order[at + 1]})", StringComparison.Ordinal),
                $"{notebook}'s last markdown cell does not link the notebook after it, {order[at + 1]}.");
    }

    [Theory]
    [MemberData(nameof(All))]
    public void HasASummary(string notebook) =>
        Assert.True(Headings(notebook).Any(h => h.Equals("## Summary", StringComparison.Ordinal)), $"{notebook} has no \"## Summary\" section.");

    [Theory]
    [MemberData(nameof(Lessons))]
    public void ALessonNotebookReadsInOneSitting(string notebook)
    {
        var cells = Series.Cells(notebook).Count;
        Assert.True(cells <= MaxLessonCells, $"{notebook} has {cells} cells; a lesson notebook has at most {MaxLessonCells}.");
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public void AsksTheLearnerToPredictAtLeastTwiceEachTimeAnsweredByTheNextOutputAndExplainedAfterIt(string notebook)
    {
        var cells = Series.Cells(notebook);
        var prompts = cells.Select((c, i) => (c, i)).Where(p => !p.c.IsCode && PredictParagraph().IsMatch(p.c.Source)).Select(p => p.i).ToList();
        Assert.True(prompts.Count >= 2, $"{notebook} has {prompts.Count} markdown cell(s) with a paragraph starting {PredictPrompt}; a lesson notebook has at least 2.");
        foreach (var i in prompts)
        {
            Assert.True(i + 2 < cells.Count && cells[i + 1].IsCode && !cells[i + 2].IsCode,
                $"{notebook}, cell {i} (0-based): a {PredictPrompt} prompt is followed by the code cell whose output answers it, then a markdown cell that says why.");
        }
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public void EndsWithCheckYourUnderstandingFiveToEightQuestionsWithFoldedAnswers(string notebook)
    {
        var markdown = Series.Cells(notebook).Where(c => !c.IsCode).Select(c => c.Source).ToList();
        var start = markdown.FindLastIndex(m => m.Split('\n').Any(l => l.TrimEnd() == QuestionsHeading));
        Assert.True(start >= 0, $"{notebook} has no \"{QuestionsHeading}\" section.");
        var section = string.Join("\n\n", markdown.Skip(start));
        var afterHeading = section[(section.IndexOf(QuestionsHeading, StringComparison.Ordinal) + QuestionsHeading.Length)..];
        Assert.DoesNotMatch(@"(?m)^## ", afterHeading);
        var answers = Details().Matches(section);
        Assert.InRange(answers.Count, 5, 8);
        foreach (Match answer in answers)
        {
            // GitHub and Jupyter render markdown inside <details> only after a blank line below the summary.
            Assert.Matches(@"^\s*<summary>[^\n]+</summary>\s*\n\s*\n", answer.Groups["body"].Value);
        }
        Assert.Equal(Regex.Count(section, "<details>"), answers.Count);
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public void MapsTheLessonsPyTorchCallsToTheCSharpUsedHere(string notebook)
    {
        var markdown = string.Join("\n\n", Series.Cells(notebook).Where(c => !c.IsCode).Select(c => c.Source));
        var table = Details().Matches(markdown).Select(m => m.Groups["body"].Value)
            .FirstOrDefault(body => Regex.IsMatch(body, @"<summary>.*?PyTorch.*?</summary>"));
        Assert.True(table is not null, $"{notebook} has no folded <details> block whose summary names PyTorch.");
        Assert.Matches(@"(?m)^\|[^\n]*(PyTorch|Python)[^\n]*\|[^\n]*C#[^\n]*\|\s*\n\|\s*-", table);
    }

    [Fact]
    public void PrintingPlumbingIsAtMostATenthOfTheLessonsCode()
    {
        var lines = Series.Lessons.SelectMany(n => Series.Cells(n).Where(c => c.IsCode).SelectMany(c => c.Source.Split('\n')))
            .Where(l => l.Trim().Length > 0).ToList();
        var plumbing = lines.Where(IsPlumbing).ToList();
        Assert.True(plumbing.Count <= lines.Count / 10.0,
            $"{plumbing.Count} of the lesson notebooks' {lines.Count} code lines ({100.0 * plumbing.Count / lines.Count:F1}%) print through " +
            "Console.WriteLine or string.Join; at most 10%. Show tensors and small tables as a cell's last expression instead.");
    }

    [Fact]
    public void TheLessonsMainPathReadsInAboutTheVideosLength()
    {
        var minutes = Series.Lessons.ToDictionary(n => n, n => ReadingTime.Of(n));
        var main = minutes.Values.Sum(m => m.MainPath);
        Assert.True(main >= 0.9 * ReadingTime.VideoMinutes && main <= 1.1 * ReadingTime.VideoMinutes,
            $"The lesson notebooks' main path reads in {main:F0} minutes; the video is {ReadingTime.VideoMinutes:F0}. Mark depth a learner " +
            $"can skip as \"{ReadingTime.AsideHeading} …\", or cut.\n" +
            string.Join("\n", minutes.Select(m => $"- {m.Key}: {m.Value.MainPath:F1} min, asides {m.Value.Asides:F1} min")));
    }

    /// <summary>A line of printing plumbing: one that writes through Console.WriteLine or builds text with string.Join.</summary>
    public static bool IsPlumbing(string line) => line.Contains("Console.WriteLine", StringComparison.Ordinal) || line.Contains("string.Join", StringComparison.Ordinal);

    static IEnumerable<string> Headings(string notebook) =>
        Series.Cells(notebook).Where(c => !c.IsCode).SelectMany(c => c.Source.Split('\n')).Where(l => l.StartsWith('#')).Select(l => l.TrimEnd());

    [GeneratedRegex(@"(?m)^\*\*Predict:\*\* ")]
    private static partial Regex PredictParagraph();

    [GeneratedRegex(@"<details>(?<body>.*?)</details>", RegexOptions.Singleline)]
    private static partial Regex Details();
}
