namespace Makemore.Notebooks.Tests;

/// <summary>Notebook 06, training the network: the losses, charts and names it prints, read from its executed copy.</summary>
public sealed class Notebook06Tests() : NotebookTests("06-training-the-network.ipynb")
{
    [Fact]
    public void TheLearnedWeightsAndTheLogCountsAreDrawnSideBySide()
    {
        var html = Assert.Single(Notebook.CellContaining("MatrixHeatmap.SideBySide").Html);
        Assert.Contains("Plotly.newPlot", html);
        Assert.Contains("\"type\":\"heatmap\"", html);
    }

    [Fact]
    public void BackwardFillsTheGradientOfTheUsedRowsAndOneStepLowersTheLoss()
    {
        var forward = Notebook.CellContaining("this time TorchSharp records them");
        forward.Find(@"W:    requires_grad = True, leaf = True");
        forward.Find(@"loss: requires_grad = True, leaf = False");
        forward.Find(@"W.grad before the backward pass: null");
        var backward = Notebook.CellContaining("var rowsWithGradient");
        backward.Find(@"rows with a non-zero gradient: 0 '\.', 1 'a', 5 'e', 13 'm'$");
        Assert.True(backward.FindNumber(@"W.grad\[0, 5\] = (-?[\d.]+)") < 0);
        Assert.True(backward.FindNumber(@"W.grad\[0, 1\] = (-?[\d.]+)") > 0);
        Assert.Equal(3.7492, Notebook.FindNumber(@"loss after one step: ([\d.]+)"));
    }

    [Fact]
    public void TheWholeDataSetHas228146Examples()
    {
        Notebook.Find(@"number of examples: 228,146$");
        Notebook.Find(@"the first five: xs = \[0, 5, 13, 13, 1\]   ys = \[5, 13, 13, 1, 0\]");
        Notebook.Find(@"same as section 1's loop over all names: True");
    }

    [Fact]
    public void TrainingGivesTheLessonsLosses()
    {
        var cell = Notebook.CellContaining("W.add_(W.grad!, alpha: -50);");
        var steps = Regex.Matches(cell.Text, @"^step\s+(\d+): loss ([\d.]+)   average NLL ([\d.]+)   perplexity ([\d.]+)$", RegexOptions.Multiline)
            .ToDictionary(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m => (Loss: m.Number(2), Nll: m.Number(3), Perplexity: m.Number(4)));
        int[] printedSteps = [1, .. Enumerable.Range(1, 10).Select(i => 10 * i)];
        Assert.Equal(printedSteps, steps.Keys);
        // PyTorch 1.13 on the lesson's cell: every printed loss, and its data part alone (without 0.01 * mean(W²)).
        var losses = ReferenceValues.Numbers("training losses");
        var dataLosses = ReferenceValues.Numbers("training data losses");
        Assert.All(steps, s => Assert.Equal((Math.Round(losses[s.Key - 1], 4), Math.Round(dataLosses[s.Key - 1], 4)), (s.Value.Loss, s.Value.Nll)));
        Assert.Equal((42.90, 11.88), (steps[1].Perplexity, steps[100].Perplexity));
        Assert.All(steps.Values, s =>
        {
            Assert.True(s.Nll < s.Loss);
            Assert.Equal(Math.Exp(s.Nll), s.Perplexity, 0.01);
        });
        Assert.All(steps.Values.Zip(steps.Values.Skip(1)), pair => Assert.True(pair.Second.Loss < pair.First.Loss));
    }

    [Fact]
    public void TheLibrarysCountStatisticsTrainingRetracesTheLoopAndLevelsOff()
    {
        var cell = Notebook.CellContaining("net300.Train(bigramCounts, ");
        cell.Find(@"^228,146 examples, 627 distinct bigrams$");
        Assert.True(cell.FindNumber(@"largest difference to our losses over the first 100 steps: (\S+)") < 1e-5);
        double LossAt(int step) => cell.FindNumber($@"^library, step\s+{step}: loss ([\d.]+)   average NLL [\d.]+   perplexity [\d.]+$");
        var losses = ReferenceValues.Numbers("training losses");
        Assert.All(new[] { 1, 100, 200, 300 }, step => Assert.Equal(Math.Round(losses[step - 1], 4), LossAt(step)));
        Assert.Equal(ReferenceValues.Rounded("average NLL, step 1", 4), cell.FindNumber(@"^library, step\s+1: loss [\d.]+   average NLL ([\d.]+)"));
        var (at100, at200, at300) = (LossAt(100), LossAt(200), LossAt(300));
        Assert.True(at100 > at200 && at200 > at300);
        Assert.True(at100 - at200 > 4 * (at200 - at300), "the loss levels off");

        var curve = Assert.Single(Notebook.CellContaining("LossCurve.Of").Html);
        Assert.Contains("Plotly.newPlot", curve);
        Assert.Contains("steps 100 to 300", curve);
    }

    [Fact]
    public void TheLessonsLastPrintedLossIsOurLossAtStep267()
    {
        // The lesson notebook's saved output (its cell In [716]), and the step of the lesson's loop, run in PyTorch 1.13, closest to it.
        var lessons = ReferenceValues.Rounded("the lesson's last printed loss", 6);
        var cell = Notebook.CellContaining("lessonsLastLoss = 2.481828");
        Assert.Equal(lessons, cell.FindNumber(@"^the lesson's last printed loss: ([\d.]+)$"));
        var match = cell.Find(@"^closest of our 300 steps: step (\d+), loss ([\d.]+)$");
        Assert.Equal(ReferenceValues.Number("step of the lesson's last loss"), match.Number(1));
        var loss = match.Number(2);
        Assert.InRange(Math.Abs(loss - lessons), 0, 5e-6);
        var neighbours = cell.Find(@"^its neighbours: step 266 ([\d.]+), step 268 ([\d.]+)$");
        Assert.True(neighbours.Number(1) > loss && loss > neighbours.Number(2));
        Assert.All(new[] { neighbours.Number(1), neighbours.Number(2) }, n => Assert.True(Math.Abs(n - lessons) > Math.Abs(loss - lessons)));
    }

    [Fact]
    public void TheTrainedNetworkComesCloseToTheCountingModel()
    {
        var rows = Regex.Matches(Notebook.CellContaining("var rawCounts =").Text, @"^(the .+?)\s{2,}([\d.]+)\s+([\d.]+)\s+([\d.]+)$", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value, m => (Nll: m.Number(2), Perplexity: m.Number(3), Bits: m.Number(4)));
        Assert.Equal(["the network after 100 steps", "the network after 300 steps", "the counting model (k = 1)", "the raw counts (k = 0)"], rows.Keys);
        Assert.Equal((2.4546, 11.64, 3.541), rows["the counting model (k = 1)"]);
        Assert.Equal((2.4540, 11.63, 3.540), rows["the raw counts (k = 0)"]);
        Assert.InRange(rows["the network after 300 steps"].Nll, 2.4546, rows["the network after 100 steps"].Nll);
        Assert.All(rows.Values, r =>
        {
            Assert.Equal(Math.Exp(r.Nll), r.Perplexity, 0.01);
            Assert.Equal(r.Nll / Math.Log(2), r.Bits, 0.001);
        });
        Assert.True(Notebook.FindNumber(@"correlation of the two centred matrices: ([\d.]+)") > 0.9);
    }

    [Fact]
    public void RegularisationFlattensTheRowsWithFewExamplesMost()
    {
        var cell = Notebook.CellContaining("var netP = net300.Probabilities");
        var kept = Regex.Matches(cell.Text, @"row '(.)':\s+[\d,]+ examples, the network keeps (\d+)% of the spread")
            .ToDictionary(m => m.Groups[1].Value, m => m.Number(2));
        Assert.Equal(["a", "e", "i", "x", "w", "f"], kept.Keys);
        Assert.True(new[] { "a", "e", "i" }.Min(c => kept[c]) > new[] { "x", "w", "f" }.Max(c => kept[c]));
        Assert.True(cell.FindNumber(@"P\(q \| j\): counts \(N\[j, q\] =\s+0\) 0\.0003   network ([\d.]+)") > 0.0003);
    }

    [Fact]
    public void TheNetworkAtTheLessonsStepSamplesTheLessonsFiveNames()
    {
        // The names the lesson's network printed (its notebook's saved output); after the lesson's 100 steps PyTorch 1.13
        // gives ours, which differ in the fourth, and at step 267 and 300 the lesson's.
        var lessonNames = ReferenceValues.Texts("names, the lesson's network");
        Assert.Equal(lessonNames, ReferenceValues.Texts("names, network after 267 steps"));
        Assert.Equal(lessonNames, ReferenceValues.Texts("names, network after 300 steps"));
        var after100 = ReferenceValues.Texts("names, network after 100 steps");
        var sampled = Notebook.CellContaining("LessonSampler.Draw(p, g)").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(after100, sampled);
        Notebook.Find($"^network after 100 steps: {Regex.Escape(string.Join("  ", after100))}$");
        Notebook.Find($"^network after 267 steps: {Regex.Escape(string.Join("  ", lessonNames))}$");
        Notebook.Find($"^network after 300 steps: {Regex.Escape(string.Join("  ", lessonNames))}$");
        Notebook.Find($@"counting model \(k = 1\):  {Regex.Escape(string.Join("  ", ReferenceValues.Texts("names, add-one smoothing")))}$");

        // Trained longer, the network draws more of the counting model's names from the same seed.
        string[] Names(string label) => Notebook.Find($@"^{Regex.Escape(label)}:\s+(.+)$").Groups[1].Value.Split("  ");
        var counting = Names("counting model (k = 1)");
        int SameAsCounting(string label) => Names(label).Zip(counting).Count(pair => pair.First == pair.Second);
        Assert.True(SameAsCounting("network after 300 steps") > SameAsCounting("network after 100 steps"));
    }

    [Fact]
    public void TheCountTableGrowsAs27ToTheContextLengthWhileTheDataDoesNot()
    {
        var cell = Notebook.CellContaining("table rows 27^(n-1)");
        var rows = Regex.Matches(cell.Text, @"^\s*(\d)\s+([\d,]+)\s+([\d,]+)\s+([\d,]+)\s+([\d,]+)$", RegexOptions.Multiline)
            .Select(m => (N: (int)m.Number(1), Rows: m.Number(2), Cells: m.Number(3), Seen: m.Number(4), Weights: m.Number(5)))
            .ToList();
        Assert.Equal([2, 3, 4, 5, 6], rows.Select(r => r.N));
        Assert.All(rows, r =>
        {
            Assert.Equal(Math.Pow(27, r.N - 1), r.Rows);
            Assert.Equal(Math.Pow(27, r.N), r.Cells);
            Assert.Equal((r.N - 1) * 27 * 27, r.Weights);
            Assert.InRange(r.Seen, 1, r.Rows);
        });
        Assert.Equal(27, rows[0].Seen);
        Assert.All(rows.Zip(rows.Skip(1)), pair => Assert.True(pair.Second.Seen / pair.Second.Rows < pair.First.Seen / pair.First.Rows));
        Assert.True(rows[^1].Seen < 228_146 && rows[^1].Cells > 228_146);
    }
}
