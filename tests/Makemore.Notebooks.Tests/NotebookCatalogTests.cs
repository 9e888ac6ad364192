namespace Makemore.Notebooks.Tests;

/// <summary>
/// The steps of adding a notebook that nothing else checks (CONTRIBUTING.md): a test class that asserts what it prints,
/// and its row in the README's table of notebooks. Read from the files and the test classes; nothing is executed.
/// </summary>
public sealed partial class NotebookCatalogTests
{
    static string[] NotebookFiles() =>
        [.. Directory.GetFiles(NotebookRun.NotebooksFolder, "*.ipynb").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    [Fact]
    public void EveryNotebookHasATestClassAndEveryTestClassANotebook()
    {
        var tested = typeof(NotebookTests).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(NotebookTests)) && !t.IsAbstract)
            .Select(t => ((NotebookTests)Activator.CreateInstance(t)!).NotebookFile)
            .Order(StringComparer.Ordinal);
        // A notebook to try an exercise in is tested by TryItNotebookTests, beside its solution's own class.
        Assert.Equal(NotebookFiles().Where(n => !Series.IsTryIt(n)), tested);
    }

    [Fact]
    public void TheReadmeListsEveryNotebook()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        var start = readme.IndexOf("\n## Notebooks\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no \"## Notebooks\" section");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var table = readme[start..(end < 0 ? readme.Length : end)];
        // A row names a notebook by its file name without .ipynb, or by its number; "`E01` … `E06`" names a range.
        var listed = Code().Matches(table).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        foreach (Match range in Range().Matches(table))
        {
            var (prefix, from, to) = (range.Groups[1].Value, int.Parse(range.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(range.Groups[3].Value, CultureInfo.InvariantCulture));
            for (var n = from; n <= to; n++) listed.Add($"{prefix}{n.ToString(new string('0', range.Groups[2].Length), CultureInfo.InvariantCulture)}");
        }
        Assert.All(NotebookFiles(), notebook =>
        {
            var name = Path.GetFileNameWithoutExtension(notebook);
            var number = name[..name.IndexOf('-', StringComparison.Ordinal)];
            Assert.True(listed.Contains(name) || listed.Contains(number), $"README.md's table of notebooks has no row for {name}");
        });
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();

    [GeneratedRegex(@"`([A-Z]?)(\d+)` … `\1(\d+)`")]
    private static partial Regex Range();
}
