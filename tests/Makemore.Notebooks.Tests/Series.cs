using System.Text.Json.Nodes;

namespace Makemore.Notebooks.Tests;

/// <summary>
/// The series as a reader walks it: the lesson notebooks (01-…, 02-…) in order, then each exercise as the notebook to
/// try it in (E01-trigram.ipynb) followed by its solution (E01-trigram-solution.ipynb). Read from disk, so a notebook
/// added in the right place is part of every test that walks the series.
/// </summary>
public static class Series
{
    public const string SolutionSuffix = "-solution.ipynb";

    /// <summary>Every notebook's file name, in reading order.</summary>
    public static IReadOnlyList<string> Order { get; } = ReadingOrder();

    public static IEnumerable<string> Lessons => Order.Where(IsLesson);

    /// <summary>A lesson notebook: its name starts with two digits (01-exploring-the-data.ipynb).</summary>
    public static bool IsLesson(string notebook) => notebook.Length > 2 && char.IsAsciiDigit(notebook[0]) && char.IsAsciiDigit(notebook[1]);

    public static bool IsSolution(string notebook) => notebook.EndsWith(SolutionSuffix, StringComparison.Ordinal);

    /// <summary>An exercise to try: E01-trigram.ipynb, beside its solution E01-trigram-solution.ipynb.</summary>
    public static bool IsTryIt(string notebook) => notebook.StartsWith('E') && !IsSolution(notebook);

    public static string SolutionOf(string tryIt) => tryIt[..^".ipynb".Length] + SolutionSuffix;

    public static string TryItOf(string solution) => solution[..^SolutionSuffix.Length] + ".ipynb";

    public static TheoryData<string> All() => new(Order);

    public static TheoryData<string> LessonNotebooks() => new(Lessons);

    public static TheoryData<string> TryItNotebooks() => new(Order.Where(IsTryIt));

    /// <summary>The committed notebook's cells: type and source, nothing executed.</summary>
    public static IReadOnlyList<(bool IsCode, string Source)> Cells(string notebook) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(NotebookRun.NotebooksFolder, notebook)))!["cells"]!.AsArray()
            .Select(c => ((string?)c!["cell_type"] == "code", c["source"] switch
            {
                JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
                var text => (string?)text ?? "",
            }))
            .ToList();

    static List<string> ReadingOrder()
    {
        var names = Directory.GetFiles(NotebookRun.NotebooksFolder, "*.ipynb").Select(p => Path.GetFileName(p)!).ToList();
        var lessons = names.Where(IsLesson).Order(StringComparer.Ordinal);
        var exercises = names.Where(n => !IsLesson(n))
            .OrderBy(n => IsSolution(n) ? TryItOf(n) : n, StringComparer.Ordinal)
            .ThenBy(IsSolution);
        return [.. lessons, .. exercises];
    }
}
