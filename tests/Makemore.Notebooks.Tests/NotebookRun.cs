using System.Collections.Concurrent;

namespace Makemore.Notebooks.Tests;

/// <summary>
/// Executes a notebook through the notebook runner, as CI does, and reads back its executed copy. A notebook that fails
/// fails the test with the runner's report. Each notebook runs once per test process, however many tests read it.
/// </summary>
public static class NotebookRun
{
    static readonly ConcurrentDictionary<string, Lazy<Task<ExecutedNotebook>>> Runs = new(StringComparer.Ordinal);

    /// <summary>The repository's notebooks folder.</summary>
    public static string NotebooksFolder => Repository.Notebooks;

    /// <summary>Where executed copies go (kept after the tests, to look at when one fails).</summary>
    public static string OutputFolder => Path.Combine(Repository.Artifacts, "notebook-tests");

    /// <summary>
    /// Executes <paramref name="notebook"/>: a file name in the repository's notebooks folder (e.g. "01-exploring-the-data.ipynb")
    /// or a path to a notebook elsewhere.
    /// </summary>
    public static Task<ExecutedNotebook> ExecuteAsync(string notebook)
    {
        var path = Path.GetFullPath(notebook, NotebooksFolder);
        return Runs.GetOrAdd(path, p => new Lazy<Task<ExecutedNotebook>>(() => RunAsync(p))).Value;
    }

    static async Task<ExecutedNotebook> RunAsync(string path)
    {
        var result = await RunnerProcess.RunAsync(Repository.Root, path, "--output", OutputFolder);
        var copy = Path.Combine(OutputFolder, Path.GetFileName(path));
        if (result.ExitCode != 0)
            Assert.Fail($"The notebook runner could not run {Path.GetFileName(path)} (executed copy: {copy}).\n{result}");
        return ExecutedNotebook.Load(copy);
    }
}

/// <summary>
/// The tests of one notebook of the series: every test reads the notebook's one executed copy, <see cref="Notebook"/>,
/// which xunit waits for before the test starts (so the tests themselves need not be async).
/// </summary>
public abstract class NotebookTests(string notebook) : IAsyncLifetime
{
    ExecutedNotebook? executed;

    /// <summary>The file name of the notebook these tests read (e.g. "01-exploring-the-data.ipynb").</summary>
    public string NotebookFile => notebook;

    /// <summary>The notebook, executed once per test process (<see cref="NotebookRun.ExecuteAsync"/>).</summary>
    protected ExecutedNotebook Notebook =>
        executed ?? throw new InvalidOperationException($"{notebook} is read before xunit initialised the test class.");

    /// <inheritdoc/>
    public async ValueTask InitializeAsync() => executed = await NotebookRun.ExecuteAsync(notebook);

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
