using System.Text.RegularExpressions;

namespace Makemore.Notebooks.Tests;

/// <summary>E01 (trigrams), read from its executed copy: the lesson-style code and the library agree, and the comparison holds.</summary>
[Collection(NotebookCollection.Name)]
public sealed class E01Tests
{
    static Task<ExecutedNotebook> Notebook() => NotebookRun.ExecuteAsync("E01-trigram.ipynb");

    [Fact]
    public async Task ShowsBothPaddingsOfEmma()
    {
        var notebook = await Notebook();
        notebook.Find(@"^\.\.emma\.\s+\.\.→e  \.e→m  em→m  mm→a  ma→\.$");
        notebook.Find(@"^\.emma\.\s+\.e→m  em→m  mm→a  ma→\.$");
    }

    [Fact]
    public async Task TheCountingLoopAndTheLibraryGiveTheSameTableAndLoss()
    {
        var notebook = await Notebook();
        Assert.Equal(228146, notebook.Find(@"N: 27 × 27 × 27 Int32, ([\d,]+) trigrams counted").Number(1));
        notebook.Find(@"library counts equal the loop's: True");
        notebook.Find(@"library probabilities equal ours: True");
        var lesson = notebook.FindNumber(@"trigram counting model \(k = 1\), NLL on all names: (\d\.\d+)");
        var library = notebook.FindNumber(@"library trigram counting NLL: (\d\.\d+)");
        Assert.Equal(2.2126, lesson);
        Assert.Equal(lesson, library);
        Assert.Equal(6063, notebook.Find(@"([\d,]+) of 19,683 possible trigrams occur").Number(1));
    }

    [Fact]
    public async Task TheTrigramCountingModelBeatsTheBigramModel()
    {
        var notebook = await Notebook();
        var bigram = notebook.FindNumber(@"bigram counting model \(k = 1\), NLL on all names: (\d\.\d+)");
        var trigram = notebook.FindNumber(@"library trigram counting NLL: (\d\.\d+)");
        Assert.Equal(2.4546, bigram);
        Assert.True(trigram < bigram, $"trigram {trigram} vs bigram {bigram}");
        Assert.Equal(Math.Round(bigram - trigram, 4), notebook.FindNumber(@"improvement from the second character of context: (\d\.\d+)"), 4);
    }

    [Fact]
    public async Task TheLessonLoopAndTheCountStatisticsTrainerTakeTheSameSteps()
    {
        var notebook = await Notebook();
        var loop = Regex.Matches(notebook.CellContaining("lessonLosses.Add").Text, @"step\s+\d+: loss (\d\.\d+)")
            .Select(m => m.Number(1)).ToArray();
        Assert.Equal(10, loop.Length);
        Assert.Equal(4.2422, loop[0]);
        Assert.True(loop.Zip(loop.Skip(1)).All(p => p.Second < p.First), "the loss falls at every step");
        var library = notebook.Find(@"library losses: (.+)$").Groups[1].Value.Split(' ')
            .Select(OutputNumbers.Parse).ToArray();
        Assert.Equal(loop, library);
        Assert.True(notebook.FindNumber(@"largest difference from the lesson loop's losses: (\S+)") < 1e-5);
        Assert.Equal(228146, notebook.Find(@"([\d,]+) trigram examples, [\d,]+ distinct").Number(1));
    }

    [Fact]
    public async Task TheTrigramNetLandsBetweenTheCountingModels()
    {
        var notebook = await Notebook();
        var net = notebook.FindNumber(@"trigram net, NLL on all names: (\d\.\d+)");
        var table = Table(notebook);
        Assert.Equal(net, table["trigram, neural net"].Nll);
        Assert.True(table["trigram, counting (k = 1)"].Nll < net && net < table["bigram, counting (k = 1)"].Nll, $"trigram net {net}");
        Assert.True(net < table["bigram, neural net"].Nll);
        Assert.Equal([729, 729, 19683, 1458], table.Values.Select(r => r.Numbers));
    }

    [Fact]
    public async Task LearningRate50StallsAboveLearningRate30()
    {
        var notebook = await Notebook();
        var fast = notebook.FindNumber(@"learning rate 50: loss after 1000 steps (\d\.\d+)");
        var slow = notebook.FindNumber(@"learning rate 30: loss after 1000 steps (\d\.\d+)");
        Assert.True(fast > slow + 0.05, $"lr 50: {fast}, lr 30: {slow}");
        var chart = Assert.Single(notebook.CellContaining("LossCurve.Of").Html);
        Assert.Contains("learning rate 30", chart);
        Assert.Contains("learning rate 50", chart);
    }

    [Fact]
    public async Task TheOneDotTotalPlusTheFirstLettersIsTheTwoDotTotal()
    {
        var notebook = await Notebook();
        Assert.Equal(196113, notebook.Find(@"one-dot trigrams: ([\d,]+)").Number(1));
        notebook.Find(@"bincount of the two-dot trigrams equals N: True");
        var oneDotMean = notebook.FindNumber(@"one-dot trigram counting model \(k = 1\), NLL: (\d\.\d+)");
        Assert.True(oneDotMean < Table(notebook)["trigram, counting (k = 1)"].Nll);
        var oneDot = notebook.FindNumber(@"one-dot trigram model, total NLL\s+(\d+\.\d)");
        var firstLetters = notebook.FindNumber(@"bigram model, total NLL of the first letters\s+(\d+\.\d)");
        var twoDot = notebook.FindNumber(@"two-dot trigram model, total NLL\s+(\d+\.\d)");
        Assert.Equal(twoDot, oneDot + firstLetters, 0.5);
        Assert.Equal(2.2126 * 228146, twoDot, 15.0);
    }

    [Fact]
    public async Task SamplesTenNamesFromEachCountingModel()
    {
        var notebook = await Notebook();
        var lines = notebook.CellContaining("LessonSampler.Sample").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(11, lines.Length);
        // The bigram column is the lesson's sample.
        Assert.StartsWith("mor.", lines[1]);
        Assert.StartsWith("axx.", lines[2]);
        Assert.All(lines.Skip(1), l => Assert.Matches(@"^[a-z]*\.\s+[a-z]*\.$", l));
    }

    static Dictionary<string, (long Numbers, double Nll)> Table(ExecutedNotebook notebook) =>
        Regex.Matches(notebook.CellContaining("\"numbers\"").Stdout, @"^((?:bi|tri)gram, [^\d]+?(?:\(k = 1\))?)\s+([\d,]+)\s+(\d\.\d+)\s*$", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value.Trim(),
                m => ((long)m.Number(2), m.Number(3)));
}
