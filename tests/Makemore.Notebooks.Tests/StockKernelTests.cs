using System.Threading.Channels;
using static Makemore.Testing.FixtureNotebook;

namespace Makemore.Notebooks.Tests;

/// <summary>
/// The whole series in the stock kernel, once for <see cref="StockKernelTests"/>: the first notebook alone (it restores
/// the packages, and kernels restoring the same packages at once race on .NET Interactive's restore cache), then the
/// others two at a time, one per core, each in a kernel slot of its own. The executed copies stay in
/// artifacts/stock-kernel/notebooks.
/// </summary>
public sealed class StockKernelSeries : IAsyncLifetime
{
    readonly Dictionary<string, Task<ExecutedNotebook>> runs = new(StringComparer.Ordinal);
    readonly Channel<StockKernel> free = Channel.CreateUnbounded<StockKernel>();
    // The runs go on after InitializeAsync, whose context (and its cancellation) ends with it.
    CancellationTokenSource? stop;
    (StockKernel? Kernel, string Missing) found;

    public static string OutputFolder => Path.Combine(Repository.Artifacts, "stock-kernel", "notebooks");

    public async ValueTask InitializeAsync()
    {
        found = await StockKernel.FindAsync(slot: 0);
        if (found.Kernel is null) return;
        free.Writer.TryWrite(found.Kernel);
        free.Writer.TryWrite((await StockKernel.FindAsync(slot: 1)).Kernel!); // found as slot 0 was
        stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        Task? first = null;
        foreach (var notebook in Directory.GetFiles(NotebookRun.NotebooksFolder, "*.ipynb").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal))
        {
            var run = RunAsync(notebook, first);
            runs[notebook] = run;
            first ??= run;
        }
    }

    /// <summary>The executed copy of <paramref name="notebook"/> (skips the test where the stock kernel is not installed).</summary>
    public Task<ExecutedNotebook> ExecutedAsync(string notebook)
    {
        StockKernel.Require(found);
        return runs[notebook];
    }

    async Task<ExecutedNotebook> RunAsync(string notebook, Task? first)
    {
        if (first is not null) await Task.WhenAny(first); // finished, whether or not it succeeded
        var kernel = await free.Reader.ReadAsync();
        try
        {
            return await kernel.ExecuteAsync(Path.Combine(NotebookRun.NotebooksFolder, notebook), OutputFolder, stop!.Token);
        }
        finally
        {
            free.Writer.TryWrite(kernel);
        }
    }

    // No kernel outlives the tests: runs no test is left to read are stopped, and waited for.
    public async ValueTask DisposeAsync()
    {
        if (stop is null) return;
        await stop.CancelAsync();
        await Task.WhenAny(Task.WhenAll(runs.Values));
        stop.Dispose();
    }
}

/// <summary>
/// Every notebook prints in the stock kernel, as VS Code and Jupyter run it, what its committed outputs show (which the
/// freshness test holds to be what our runner prints): the same comparison and message as the freshness test, with the
/// stock kernel's documented differences set aside (docs/stock-kernel.md).
/// </summary>
public sealed class StockKernelTests(StockKernelSeries series) : IClassFixture<StockKernelSeries>
{
    [Theory]
    [MemberData(nameof(CommittedOutputsTests.Notebooks), MemberType = typeof(CommittedOutputsTests))]
    public async Task TheStockKernelPrintsTheCommittedOutputs(string notebook)
    {
        var stock = await series.ExecutedAsync(notebook);
        var committed = ExecutedNotebook.Load(Path.Combine(NotebookRun.NotebooksFolder, notebook));
        NotebookOutputs.AssertSameOutputsInStockKernel(committed, stock, $"notebooks/{notebook}");
    }
}

/// <summary>
/// The stock-kernel comparison on a small notebook run in both kernels: what differs by design (the first cell's extra
/// outputs, a return value without text/plain, compiler warnings on standard error) is set aside, and an output changed
/// by hand is still found.
/// </summary>
public sealed class StockKernelComparisonTests : IDisposable
{
    readonly TempFolder folder = new("stock-kernel-tests-");

    [Fact]
    public async Task BothKernelsMatchUntilAnOutputIsEditedThenTheCellAndLineAreNamed()
    {
        var kernel = StockKernel.Require(await StockKernel.FindAsync());
        // The series' own setup cell, with the helper library's path made absolute for a notebook outside notebooks/.
        var setup = ExecutedNotebook.Load(Path.Combine(NotebookRun.NotebooksFolder, "01-exploring-the-data.ipynb")).CodeCells.First().Source
            .Replace("\"../artifacts/", $"\"{Repository.Artifacts}/", StringComparison.Ordinal);
        var path = Write(folder["stock-fixture.ipynb"],
        [
            Code(setup),
            .. HeadingAndPrintedValues("# Both kernels"),
            Code("Console.WriteLine($\"⏱ took {Environment.TickCount64 % 1000} ms\");"),
            Code("Makemore.LossCurve.Of(new[] { 3.0, 2.6, 2.5 }, title: \"Loss over 3 steps\")"),
            Code("new[] { 1, 2 }"),
            Code("TorchSharp.torch.ones(2)"),
            Code("string? nothing = null;\nConsole.WriteLine(nothing is null);"),
        ]);
        var runner = await NotebookRun.ExecuteAsync(path);
        var stock = await kernel.ExecuteAsync(path, folder["stock"]);

        NotebookOutputs.AssertSameOutputsInStockKernel(runner, stock, "stock-fixture.ipynb");
        // Both differences are really there, and set aside only by the stock comparison.
        Assert.Contains(stock.Cell(1).PlainText, text => text.StartsWith("Loading extensions from", StringComparison.Ordinal));
        Assert.Equal(["text/html"], stock.Cell(6).Outputs.Single()["data"]!.AsObject().Select(d => d.Key));
        Assert.Contains("text/plain", runner.Cell(6).Outputs.Single()["data"]!.AsObject().Select(d => d.Key));
        Assert.Contains("warning CS8632", stock.Cell(8).Stderr, StringComparison.Ordinal);
        Assert.Empty(runner.Cell(8).Stderr);
        Assert.NotNull(NotebookOutputs.FirstDifference(runner, stock));
        // A chart's one line is the same in both kernels.
        Assert.Equal("Chart: Loss over 3 steps (interactive; picture in the HTML output)", Assert.Single(stock.Cell(5).Charts).PlainText);
        Assert.Equal(Assert.Single(runner.Cell(5).Charts).PlainText, Assert.Single(stock.Cell(5).Charts).PlainText);

        var edited = folder["stock/edited.ipynb"];
        File.WriteAllText(edited, File.ReadAllText(stock.Path).Replace("loss = 2.4544", "loss = 2.4543", StringComparison.Ordinal));
        var failure = Assert.ThrowsAny<Exception>(() => NotebookOutputs.AssertSameOutputsInStockKernel(runner, ExecutedNotebook.Load(edited), "stock-fixture.ipynb"));
        Assert.Contains("stock-fixture.ipynb, cell 3, output line 4: the stock kernel's outputs are not the committed ones", failure.Message);
        Assert.Contains("committed: loss = 2.4544", failure.Message);
        Assert.Contains("stock:     loss = 2.4543", failure.Message);
    }

    public void Dispose() => folder.Dispose();
}
