namespace Makemore.Notebooks.Tests;

/// <summary>
/// A step of adding a notebook that nothing else checks (CONTRIBUTING.md): a test class that asserts what it prints
/// (its row in the README's map is <see cref="ReadmeMapTests"/>'s). Read from the test classes; nothing is executed.
/// </summary>
public sealed class NotebookCatalogTests
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
}
