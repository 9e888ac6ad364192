namespace Makemore.Notebooks.Tests;

/// <summary>E01 (trigrams), read from its executed copy: the lesson-style code and the library agree, and the comparison holds.</summary>
public sealed class E01Tests() : NotebookTests("E01-trigram.ipynb")
{
    [Fact]
    public async Task ShowsBothPaddingsOfEmma()
    {
        var notebook = await Executed();
        notebook.Find(@"^\.\.emma\.\s+\.\.→e  \.e→m  em→m  mm→a  ma→\.$");
        notebook.Find(@"^\.emma\.\s+\.e→m  em→m  mm→a  ma→\.$");
    }

    [Fact]
    public async Task TheCountingLoopAndTheLibraryGiveTheSameTableAndLoss()
    {
        var notebook = await Executed();
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
        var notebook = await Executed();
        var bigram = notebook.FindNumber(@"bigram counting model \(k = 1\), NLL on all names: (\d\.\d+)");
        var trigram = notebook.FindNumber(@"library trigram counting NLL: (\d\.\d+)");
        Assert.Equal(2.4546, bigram);
        Assert.True(trigram < bigram, $"trigram {trigram} vs bigram {bigram}");
        Assert.Equal(Math.Round(bigram - trigram, 4), notebook.FindNumber(@"improvement from the second character of context: (\d\.\d+)"), 4);
    }

    [Fact]
    public async Task TheLessonLoopAndTheCountStatisticsTrainerTakeTheSameSteps()
    {
        var notebook = await Executed();
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
    public async Task TheAdditiveNetLandsBetweenTheCountingModels()
    {
        var notebook = await Executed();
        var net = notebook.FindNumber(@"trigram net, NLL on all names: (\d\.\d+)");
        var table = Table(notebook);
        Assert.Equal(net, table["trigram, net of 54 rows"].Nll);
        Assert.True(table["trigram, counting (k = 1)"].Nll < net && net < table["bigram, counting (k = 1)"].Nll, $"trigram net {net}");
        Assert.True(net < table["bigram, neural net"].Nll);
        Assert.Equal([729, 729, 19683, 1458, 19683], table.Values.Select(r => r.Numbers));
        Assert.All(table.Values, r => Assert.Equal(Math.Exp(r.Nll), r.Perplexity, 0.006));
    }

    [Fact]
    public async Task ThePairNetIsTheLessonsNetWithOneRowPerPair()
    {
        var notebook = await Executed();
        notebook.Find(@"^emma's contexts \.\. \.e em mm ma are rows 0, 5, 148, 364, 352 of W729$");
        notebook.Find(@"^one-hot product equals the picked rows: True$");
        var loop = Regex.Matches(notebook.CellContaining("pairLosses.Add").Text, @"step \d: loss (\d\.\d+)").Select(m => m.Number(1)).ToArray();
        Assert.Equal(3, loop.Length);
        Assert.True(loop.Zip(loop.Skip(1)).All(p => p.Second < p.First), "the loss falls at every step");
        var library = notebook.Find(@"ContextNet losses: (.+)$").Groups[1].Value.Split(' ').Select(OutputNumbers.Parse).ToArray();
        Assert.Equal(loop, library);
        Assert.True(notebook.FindNumber(@"largest difference from the loop's losses: (\S+)") < 1e-4);
        Assert.True(notebook.FindNumber(@"largest difference between the two W after three steps: (\S+)") < 1e-3);
    }

    [Fact]
    public async Task ThePairNetsLossEndsWithin001OfTheCountingModels()
    {
        var notebook = await Executed();
        var net = notebook.FindNumber(@"^729-row net, loss at step 5,000 \(with the regularisation term\): (\d\.\d+)$");
        var counting = notebook.FindNumber(@"^counting trigram model \(k = 1\), NLL:\s+(\d\.\d+)$");
        Assert.Equal(2.2126, counting);
        Assert.True(Math.Abs(net - counting) < 0.01, $"net {net}, counting {counting}");
        Assert.Equal(Math.Round(Math.Abs(net - counting), 4), notebook.FindNumber(@"^difference: (\d\.\d+)$"), 4);
        var curve = Regex.Matches(notebook.CellContaining("pairNet.Train").Text, @"^step\s+[\d,]+: loss (\d\.\d+)$", RegexOptions.Multiline)
            .Select(m => m.Number(1)).ToArray();
        Assert.Equal(5, curve.Length);
        Assert.Equal(net, curve[^1]);
        Assert.True(curve.Zip(curve.Skip(1)).All(p => p.Second < p.First));
        // Its NLL alone lies between the unsmoothed counts and the k = 1 model, far below the additive net.
        var line = notebook.Find(@"^729-row net, NLL alone: (\d\.\d+); unsmoothed counts \(k = 0\), NLL: (\d\.\d+)$");
        Assert.True(line.Number(2) < line.Number(1) && line.Number(1) < counting);
        Assert.Equal(line.Number(1), Table(notebook)["trigram, net of 729 rows"].Nll);
        var additive = notebook.Find(@"^54-row net, loss at step 500: (\d\.\d+), at step 1,000: (\d\.\d+)$");
        Assert.True(additive.Number(2) > counting + 0.1 && additive.Number(1) - additive.Number(2) < 0.01, "the additive net levels off far above");
        var chart = Assert.Single(notebook.CellContaining("pairNet.Train").Html);
        Assert.Contains("counting model, k = 1", chart);
    }

    [Fact]
    public async Task LearningRate50StallsAboveLearningRate30()
    {
        var notebook = await Executed();
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
        var notebook = await Executed();
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
        var notebook = await Executed();
        var lines = notebook.CellContaining("LessonSampler.Sample").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(11, lines.Length);
        // The bigram column is the lesson's sample.
        Assert.StartsWith("mor.", lines[1]);
        Assert.StartsWith("axx.", lines[2]);
        Assert.All(lines.Skip(1), l => Assert.Matches(@"^[a-z]*\.\s+[a-z]*\.$", l));
    }

    static Dictionary<string, (long Numbers, double Nll, double Perplexity)> Table(ExecutedNotebook notebook) =>
        Regex.Matches(notebook.CellContaining("\"numbers\"").Stdout, @"^((?:bi|tri)gram, .+?)\s+([\d,]+)\s+(\d\.\d+)\s+(\d+\.\d+)\s*$", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value.Trim(),
                m => ((long)m.Number(2), m.Number(3), m.Number(4)));
}
