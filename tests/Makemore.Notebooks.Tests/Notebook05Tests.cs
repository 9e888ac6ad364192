using System.Globalization;
using System.Text.RegularExpressions;

namespace Makemore.Notebooks.Tests;

/// <summary>Notebook 05, the neural network: the numbers, charts and names it prints, read from its executed copy.</summary>
[Collection(NotebookCollection.Name)]
public sealed class Notebook05Tests
{
    static Task<ExecutedNotebook> Run() => NotebookRun.ExecuteAsync("05-neural-network.ipynb");

    [Fact]
    public async Task OpensWithTheTitleAndTheStandardSetupCell()
    {
        var notebook = await Run();
        Assert.StartsWith("# 05", notebook.Cell(1).Source);
        Assert.Contains("dotnet build", notebook.Cell(1).Source);
        Assert.StartsWith("#r \"nuget: TorchSharp-cpu, 0.107.0\"", notebook.CodeCells.First().Source);
        Assert.EndsWith("Makemore.Notebook.Setup();", notebook.CodeCells.First().Source);
    }

    [Fact]
    public async Task EmmaGivesTheLessonsInputsAndLabels()
    {
        var notebook = await Run();
        notebook.Find(@"xs = \[0, 5, 13, 13, 1\]   ys = \[5, 13, 13, 1, 0\]   \(Int64\)");
        var oneHot = notebook.CellContaining("F.one_hot(xs, num_classes: 27)");
        oneHot.Find(@"xenc: 5×27 Float32");
        oneHot.Find(@"position of the 1 in each row: \[0, 5, 13, 13, 1\]");
    }

    [Fact]
    public async Task TheOneHotMatrixAndTheWeightComparisonAreDrawnAsHeatmaps()
    {
        var notebook = await Run();
        foreach (var source in new[] { "MatrixHeatmap.Of(xenc", "MatrixHeatmap.SideBySide" })
        {
            var html = Assert.Single(notebook.CellContaining(source).Html);
            Assert.Contains("Plotly.newPlot", html);
            Assert.Contains("\"type\":\"heatmap\"", html);
        }
    }

    [Fact]
    public async Task AOneHotRowTimesWPicksARowOfW()
    {
        var cell = (await Run()).CellContaining("var logits = xenc.matmul(W);");
        var product = cell.FindNumber(@"logits\[3, 13\] = (-?[\d.]+)");
        Assert.Equal(product, cell.FindNumber(@"\.sum\(\) = (-?[\d.]+)"));
        Assert.Equal(product, cell.FindNumber(@"W\[13, 13\] = (-?[\d.]+)"));
    }

    [Fact]
    public async Task TheSeededNetworksLossOnEmmaIs3Point7693EveryWayItIsComputed()
    {
        var notebook = await Run();
        var examples = Regex.Matches(notebook.CellContaining("var nlls = torch.zeros(5);").Text,
            @"bigram (..)   input\s+(\d+)  label\s+(\d+)   p\(label\) = ([\d.]+)   log likelihood = (-[\d.]+)   NLL = ([\d.]+)");
        Assert.Equal([".e", "em", "mm", "ma", "a."], examples.Select(m => m.Groups[1].Value));
        Assert.Equal(3.7693, Math.Round(examples.Average(m => m.Number(6)), 4));
        Assert.Equal(3.7693, notebook.FindNumber(@"average NLL \(the loss\) = ([\d.]+)"));
        Assert.Equal(3.7693, notebook.FindNumber(@"vectorised:\s+([\d.]+)"));
        Assert.Equal(3.7693, notebook.FindNumber(@"NeuralForward.ManualNll:\s+([\d.]+)"));
        Assert.Equal(3.7693, notebook.FindNumber(@"F.cross_entropy:\s+([\d.]+)"));
    }

    [Fact]
    public async Task BackwardFillsTheGradientOfTheUsedRowsAndOneStepLowersTheLoss()
    {
        var notebook = await Run();
        notebook.Find(@"W:    requires_grad = True, leaf = True");
        notebook.Find(@"loss: requires_grad = True, leaf = False");
        notebook.Find(@"W.grad before the backward pass: null");
        notebook.Find(@"rows with a non-zero gradient: 0 '\.', 1 'a', 5 'e', 13 'm'$");
        Assert.True(notebook.FindNumber(@"W.grad\[0, 5\] = (-?[\d.]+)") < 0);
        Assert.True(notebook.FindNumber(@"W.grad\[0, 1\] = (-?[\d.]+)") > 0);
        Assert.Equal(3.7492, notebook.FindNumber(@"loss after one step: ([\d.]+)"));
    }

    [Fact]
    public async Task TheWholeDataSetHas228146Examples()
    {
        var notebook = await Run();
        notebook.Find(@"number of examples: 228,146$");
        notebook.Find(@"the first five: xs = \[0, 5, 13, 13, 1\]   ys = \[5, 13, 13, 1, 0\]");
        notebook.Find(@"same as section 1's loop over all names: True");
    }

    [Fact]
    public async Task TrainingGivesTheLessonsLosses()
    {
        var cell = (await Run()).CellContaining("W.add_(W.grad!, alpha: -50);");
        var losses = Regex.Matches(cell.Text, @"^step\s+(\d+): loss ([\d.]+)$", RegexOptions.Multiline)
            .ToDictionary(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m => m.Number(2));
        int[] printedSteps = [1, .. Enumerable.Range(1, 10).Select(i => 10 * i)];
        Assert.Equal(printedSteps, losses.Keys);
        // PyTorch 1.13 on the lesson's cell: 3.7686 at the first step, 2.4901 at the 100th.
        Assert.Equal(3.7686, losses[1]);
        Assert.Equal(2.4901, losses[100]);
        Assert.All(losses.Values.Zip(losses.Values.Skip(1)), pair => Assert.True(pair.Second < pair.First));
    }

    [Fact]
    public async Task TheLibrarysCountStatisticsTrainingRetracesTheLoopAndLevelsOff()
    {
        var notebook = await Run();
        var cell = notebook.CellContaining("net300.Train(bigramCounts.ToExamples()");
        cell.Find(@"^228,146 examples, 627 distinct bigrams$");
        Assert.True(cell.FindNumber(@"largest difference to our losses over the first 100 steps: (\S+)") < 1e-5);
        Assert.Equal(3.7686, cell.FindNumber(@"library: step 1 ([\d.]+)"));
        var (at100, at200, at300) = (cell.FindNumber(@"step 100 ([\d.]+)"), cell.FindNumber(@"step 200 ([\d.]+)"), cell.FindNumber(@"step 300 ([\d.]+)"));
        Assert.Equal(2.4901, at100);
        Assert.True(at100 > at200 && at200 > at300);
        Assert.True(at100 - at200 > 4 * (at200 - at300), "the loss levels off");

        var curve = Assert.Single(notebook.CellContaining("LossCurve.Of").Html);
        Assert.Contains("Plotly.newPlot", curve);
        Assert.Contains("steps 100 to 300", curve);
    }

    [Fact]
    public async Task TheTrainedNetworkComesCloseToTheCountingModel()
    {
        var notebook = await Run();
        var after100 = notebook.FindNumber(@"average NLL of the network after 100 steps: ([\d.]+)");
        var after300 = notebook.FindNumber(@"average NLL of the network after 300 steps: ([\d.]+)");
        Assert.Equal(2.4546, notebook.FindNumber(@"average NLL of the counting model \(k = 1\):\s+([\d.]+)"));
        Assert.InRange(after300, 2.4546, after100);
        Assert.True(notebook.FindNumber(@"correlation of the two centred matrices: ([\d.]+)") > 0.9);
    }

    [Fact]
    public async Task RegularisationFlattensTheRowsWithFewExamplesMost()
    {
        var cell = (await Run()).CellContaining("var netP = net300.Probabilities");
        var kept = Regex.Matches(cell.Text, @"row '(.)':\s+[\d,]+ examples, the network keeps (\d+)% of the spread")
            .ToDictionary(m => m.Groups[1].Value, m => m.Number(2));
        Assert.Equal(["a", "e", "i", "x", "w", "f"], kept.Keys);
        Assert.True(new[] { "a", "e", "i" }.Min(c => kept[c]) > new[] { "x", "w", "f" }.Max(c => kept[c]));
        Assert.True(cell.FindNumber(@"P\(q \| j\): counts \(N\[j, q\] =\s+0\) 0\.0003   network ([\d.]+)") > 0.0003);
    }

    [Fact]
    public async Task TheNetworkSamplesTheLessonsFiveNames()
    {
        var notebook = await Run();
        string[] lessonNames = ["mor.", "axx.", "minaymoryles.", "kondmaisah.", "anchthizarie."];
        var sampled = notebook.CellContaining("LessonSampler.Draw(p, g)").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(lessonNames, sampled);
        notebook.Find($"network after 100 steps: {Regex.Escape(string.Join("  ", lessonNames))}$");
        notebook.Find(@"counting model \(k = 1\):  mor\.  axx\.  minaymoryles\.  kondlaisah\.  anchshizarie\.$");

        // Trained longer, the network draws more of the counting model's names from the same seed.
        string[] Names(string label) => notebook.Find($@"^{Regex.Escape(label)}:\s+(.+)$").Groups[1].Value.Split("  ");
        var counting = Names("counting model (k = 1)");
        int SameAsCounting(string label) => Names(label).Zip(counting).Count(pair => pair.First == pair.Second);
        Assert.True(SameAsCounting("network after 300 steps") > SameAsCounting("network after 100 steps"));
    }
}
