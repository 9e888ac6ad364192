using System.Text.RegularExpressions;

namespace Makemore.Notebooks.Tests;

/// <summary>E03 (tuning smoothing), read from its executed copy: choices made on dev, the test split used once at the end.</summary>
[Collection(NotebookCollection.Name)]
public sealed class E03Tests
{
    static Task<ExecutedNotebook> Notebook() => NotebookRun.ExecuteAsync("E03-tuning-smoothing.ipynb");

    [Fact]
    public async Task TheTestSplitIsUsedOnlyInTheLastCodeCell()
    {
        var notebook = await Notebook();
        var usingTest = notebook.CodeCells.Where(c => c.Source.Contains(".Test", StringComparison.Ordinal)).ToList();
        var last = Assert.Single(usingTest);
        Assert.Same(notebook.CodeCells.Last(), last);
        // The choices it evaluates were made before it.
        Assert.True(notebook.CellContaining("regularizationSweep.Best.Strength").Number < last.Number);
    }

    [Fact]
    public async Task TheSmoothingSweepChoosesTheLowestDevLossBelowTheLessonsK()
    {
        var notebook = await Notebook();
        var points = Sweep(notebook.CellContaining("smoothingPoints.Add"));
        Assert.Equal(25, points.Count);
        Assert.Equal(0.0001, points[0].Strength);
        Assert.Equal(100, points[^1].Strength);
        Assert.True(points.Zip(points.Skip(1)).All(p => p.Second.Train >= p.First.Train), "the training loss never falls as k grows");
        var best = Assert.Single(points, p => p.Marked);
        Assert.Equal(points.Min(p => p.Dev), best.Dev);
        Assert.True(best.Strength < 1, $"chosen k = {best.Strength}");
        Assert.True(points[0].Dev > best.Dev && points[^1].Dev > best.Dev, "the dev loss has a valley");
        Assert.Equal(best.Strength, notebook.FindNumber(@"best smoothing on dev: k = (\S+),"), 3);
        notebook.Find(@"^Sweep.Smoothing gives the same points: True$");

        var atOne = notebook.FindNumber(@"^k = 1:  train \d\.\d+, dev (\d\.\d+)");
        Assert.Equal(Math.Round(atOne - best.Dev, 4), notebook.FindNumber(@"dev improvement of the chosen k over k = 1: (\d\.\d+)"), 4);
        notebook.Find(@"^k = 0:  train \d\.\d+, dev (Infinity|∞)$");
    }

    [Fact]
    public async Task TheRegularizationSweepChoosesTheLowestDevLoss()
    {
        var notebook = await Notebook();
        var points = Sweep(notebook.CellContaining("regularizationSweep = Sweep.Regularization"));
        Assert.Equal(9, points.Count);
        var best = Assert.Single(points, p => p.Marked);
        Assert.Equal(points.Min(p => p.Dev), best.Dev);
        Assert.True(points[^1].Dev > best.Dev + 0.1, "strong regularisation flattens the net's predictions");
    }

    [Fact]
    public async Task BothSweepsArePlottedOnALogAxis()
    {
        var notebook = await Notebook();
        var charts = notebook.CodeCells.Where(c => c.Source.StartsWith("SweepChart.Of", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, charts.Count);
        Assert.All(charts, c =>
        {
            var html = Assert.Single(c.Html);
            Assert.Contains("\"type\":\"log\"", html);
            Assert.Contains("lowest dev loss", html);
        });
    }

    [Fact]
    public async Task TheChosenModelsAreRebuiltAndTestedOnce()
    {
        var notebook = await Notebook();
        var smoothing = Sweep(notebook.CellContaining("smoothingPoints.Add")).Single(p => p.Marked);
        var regularization = Sweep(notebook.CellContaining("regularizationSweep = Sweep.Regularization")).Single(p => p.Marked);
        Assert.Equal(smoothing.Dev, notebook.FindNumber(@"^trigram counting, k = \S+: dev NLL (\d\.\d+)"));
        Assert.Equal(regularization.Dev, notebook.FindNumber(@"^trigram net, regularisation \S+: dev NLL (\d\.\d+)"));

        var final = notebook.CodeCells.Last();
        var counting = final.Find(@"^trigram counting, k = \S+\s+(\d\.\d+)\s+(\d\.\d+)\s*$");
        var net = final.Find(@"^trigram net, regularisation \S+\s+(\d\.\d+)\s+(\d\.\d+)\s*$");
        Assert.Equal(smoothing.Dev, counting.Number(1));
        Assert.Equal(regularization.Dev, net.Number(1));
        // Test and dev are samples of the same names: close, and the counting model stays ahead.
        Assert.Equal(counting.Number(1), counting.Number(2), 0.03);
        Assert.Equal(net.Number(1), net.Number(2), 0.03);
        Assert.True(counting.Number(2) < net.Number(2));
    }

    sealed record Point(double Strength, double Train, double Dev, bool Marked);

    static List<Point> Sweep(ExecutedCell cell) =>
        Regex.Matches(cell.Stdout, @"^\s*(\d[\d.eE+-]*)\s+(\d\.\d+)\s+(\d\.\d+)(  <- lowest dev loss)?\s*$", RegexOptions.Multiline)
            .Select(m => new Point(m.Number(1), m.Number(2), m.Number(3), m.Groups[4].Success)).ToList();
}
