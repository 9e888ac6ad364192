namespace Makemore.Notebooks.Tests;

/// <summary>E03 (tuning smoothing), read from its executed copy: choices made on dev, the test split used once at the end.</summary>
public sealed class E03Tests() : NotebookTests("E03-tuning-smoothing-solution.ipynb")
{
    [Fact]
    public void TheTestNamesAreScoredOnlyInTheLastTwoCodeCellsAfterEveryChoice()
    {
        var cells = Notebook.CodeCells.ToList();
        var usingTest = cells.Where(c => c.Source.Contains(".Test", StringComparison.Ordinal) || c.Source.Contains("testExamples", StringComparison.Ordinal)).ToList();
        Assert.Equal(cells[^2..], usingTest);
        Assert.Single(usingTest, c => c.Source.Contains("split.Test", StringComparison.Ordinal));
        // The choices it evaluates were made before it.
        Assert.True(Notebook.CellContaining("var bestK =").Number < usingTest[0].Number);
        Assert.True(Notebook.CellContaining("var bestStrength =").Number < usingTest[0].Number);
    }

    [Fact]
    public void TheSmoothingSweepChoosesTheLowestDevLossBelowTheLessonsK()
    {
        var points = SweepOverGrid("smoothingPoints.Add", 25, 0.0001, 100);
        Assert.True(points.Zip(points.Skip(1)).All(p => p.Second.Train >= p.First.Train), "the training loss never falls as k grows");
        var best = Assert.Single(points, p => p.Marked);
        Assert.Equal(points.Min(p => p.Dev), best.Dev);
        Assert.True(best.Strength < 1, $"chosen k = {best.Strength}");
        Assert.True(points[0].Dev > best.Dev && points[^1].Dev > best.Dev, "the dev loss has a valley");
        Assert.Equal(best.Strength, Notebook.FindNumber(@"^best smoothing on dev, k\s+(\S+)$"), 3);
        Notebook.Find(@"^Sweep.Smoothing gives the same points\s+True$");

        var atOne = Notebook.FindNumber(@"^\s*1\s+\d\.\d+\s+(\d\.\d+)\s+the lesson's setting$");
        Assert.Equal(Math.Round(atOne - best.Dev, 4), Notebook.FindNumber(@"dev improvement of the chosen k over k = 1: (\d\.\d+)"), 4);
        Notebook.Find(@"^\s*0\s+\d\.\d+\s+(Infinity|∞)\s+no smoothing$");
        Assert.Equal(best.Dev, Notebook.FindNumber(@"^\s*0\.178\s+\d\.\d+\s+(\d\.\d+)\s+chosen on dev$"));
    }

    [Fact]
    public void TheRegularizationSweepOfThe729RowNetHasARealValley()
    {
        var points = SweepOverGrid("regularizationSweep = ContextNet.RegularizationSweep", 7, 0.0003, 0.3);
        var best = Assert.Single(points, p => p.Marked);
        Assert.Equal(points.Min(p => p.Dev), best.Dev);
        // Strictly inside the swept range, with a higher dev loss at both ends.
        var at = points.IndexOf(best);
        Assert.InRange(at, 1, points.Count - 2);
        Assert.True(points[0].Dev > best.Dev && points[^1].Dev > best.Dev, $"ends {points[0].Dev} and {points[^1].Dev}, best {best.Dev}");
        Assert.True(points.Zip(points.Skip(1)).All(p => p.Second.Train >= p.First.Train), "the training loss never falls as the strength grows");
        Assert.True(points[^1].Dev > best.Dev + 0.05, "strong regularisation flattens the net's predictions");
        Assert.All(points, p => Assert.Equal(Math.Exp(p.Dev), p.DevPerplexity, 0.002));
    }

    [Fact]
    public void TheStrengthMatchingTheChosenKIsNextToTheNetsBestAndBothPredictAlike()
    {
        var k = Sweep(Notebook.CellContaining("smoothingPoints.Add")).Single(p => p.Marked);
        var net = Sweep(Notebook.CellContaining("regularizationSweep = ContextNet.RegularizationSweep")).Single(p => p.Marked);
        var line = Notebook.Find(@"^chosen k = (\S+), ([\d,]+) training examples, 19,683 weights: matching strength .+ = (\S+)$");
        Assert.Equal(k.Strength, line.Number(1), 3);
        Assert.Equal(182819, line.Number(2));
        var matched = line.Number(3);
        Assert.Equal(k.Strength * 19683 / (2 * 182819), matched, 3);
        // The matching strength lies within half a grid step (a factor of 10^0.25) of the net's best strength.
        Assert.InRange(Math.Abs(Math.Log10(matched / net.Strength)), 0, 0.25);
        Assert.Equal(net.Dev, Notebook.FindNumber(@"^net, the sweep's best strength \S+\s+(\d\.\d+)$"));
        Assert.Equal(k.Dev, Notebook.FindNumber(@"^counting model, k = \S+\s+(\d\.\d+)$"));
        Assert.Equal(k.Dev, net.Dev, 0.001);
        var rises = Notebook.Find(@"^training the net again: 8,000 steps, the loss rose at (\d+) of them, none before step ([\d,]+), by at most (\S+)$");
        Assert.True(rises.Number(2) > 4000 && rises.Number(3) < 1e-6, rises.Value);

        var rows = Regex.Matches(Notebook.CellContaining("masked_select").Text,
                @"^(never|1 to 9 times|10 to 99 times|100 times or more)\s+(\d+)\s+(\d\.\d+)\s+(\d\.\d+)\s+(\d+\.\d) %$", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value, m => (Contexts: m.Number(2), Mean: m.Number(3), Share: m.Number(5)));
        Assert.Equal(4, rows.Count);
        Assert.Equal(729, rows.Values.Sum(r => r.Contexts));
        Assert.True(rows["100 times or more"].Mean < 0.02 && rows["100 times or more"].Share > 90, "frequent contexts: alike, and most dev examples");
        Assert.True(rows["never"].Mean > 5 * rows["100 times or more"].Mean && rows["1 to 9 times"].Mean > 5 * rows["100 times or more"].Mean);
    }

    [Fact]
    public void BothSweepsArePlottedOnALogAxis()
    {
        var charts = Notebook.CodeCells.Where(c => c.Source.StartsWith("SweepChart.Of", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, charts.Count);
        Assert.All(charts, c =>
        {
            var html = Assert.Single(c.Html);
            Assert.Contains("\"type\":\"log\"", html);
            Assert.Contains("lowest dev loss", html);
        });
    }

    [Fact]
    public void TheChosenModelsAreRebuiltAndTestedOnce()
    {
        var smoothing = Sweep(Notebook.CellContaining("smoothingPoints.Add")).Single(p => p.Marked);
        var regularization = Sweep(Notebook.CellContaining("regularizationSweep = ContextNet.RegularizationSweep")).Single(p => p.Marked);
        var testNll = Notebook.FindNumber(@"^trigram counting, k = \S+: test NLL\s+(\d\.\d+)$");

        var final = Notebook.CodeCells.Last();
        var counting = final.Find(@"^trigram counting, k = \S+\s+(\d\.\d+)\s+(\d\.\d+)\s+(\d+\.\d+)\s*$");
        var net = final.Find(@"^trigram net, regularisation \S+\s+(\d\.\d+)\s+(\d\.\d+)\s+(\d+\.\d+)\s*$");
        // Rebuilt, each chosen model scores the dev loss of its sweep; the step's test loss is the table's.
        Assert.Equal(smoothing.Dev, counting.Number(1));
        Assert.Equal(regularization.Dev, net.Number(1));
        Assert.Equal(testNll, counting.Number(2));
        // Test and dev are samples of the same names: close, and the counting model stays ahead.
        Assert.Equal(counting.Number(1), counting.Number(2), 0.03);
        Assert.Equal(net.Number(1), net.Number(2), 0.03);
        Assert.Equal(Math.Exp(counting.Number(2)), counting.Number(3), 0.002);
        Assert.Equal(Math.Exp(net.Number(2)), net.Number(3), 0.002);
    }

    sealed record Point(double Strength, double Train, double Dev, double DevPerplexity, bool Marked);

    /// <summary>The sweep table printed by the cell containing <paramref name="source"/>, checked to have swept <paramref name="count"/> strengths from <paramref name="first"/> to <paramref name="last"/>.</summary>
    List<Point> SweepOverGrid(string source, int count, double first, double last)
    {
        var points = Sweep(Notebook.CellContaining(source));
        Assert.Equal(count, points.Count);
        Assert.Equal(first, points[0].Strength);
        Assert.Equal(last, points[^1].Strength);
        return points;
    }

    static List<Point> Sweep(ExecutedCell cell) =>
        Regex.Matches(cell.Text, @"^\s*(\d[\d.eE+-]*)\s+(\d\.\d+)\s+(\d\.\d+)\s+(\d+\.\d+)(  <- lowest dev loss)?\s*$", RegexOptions.Multiline)
            .Select(m => new Point(m.Number(1), m.Number(2), m.Number(3), m.Number(4), m.Groups[5].Success)).ToList();
}
