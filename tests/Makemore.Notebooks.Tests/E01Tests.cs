namespace Makemore.Notebooks.Tests;

/// <summary>E01 (trigrams), read from its executed copy: the lesson-style code and the library agree, and the comparison holds.</summary>
public sealed class E01Tests() : NotebookTests("E01-trigram-solution.ipynb")
{
    [Fact]
    public void ShowsBothPaddingsOfEmma()
    {
        Notebook.Find(@"^\.\.emma\.\s+\.\.→e  \.e→m  em→m  mm→a  ma→\.$");
        Notebook.Find(@"^\.emma\.\s+\.e→m  em→m  mm→a  ma→\.$");
    }

    [Fact]
    public void TheCountingLoopAndTheLibraryGiveTheSameTableAndLoss()
    {
        Assert.Equal(228146, Notebook.Find(@"N: 27 × 27 × 27 Int32, ([\d,]+) trigrams counted").Number(1));
        Notebook.Find(@"library counts equal the loop's: True");
        Notebook.Find(@"library probabilities equal ours: True");
        var lesson = Notebook.FindNumber(@"trigram counting model \(k = 1\), NLL on all names: (\d\.\d+)");
        var library = Notebook.FindNumber(@"library trigram counting NLL: (\d\.\d+)");
        Assert.Equal(2.2126, lesson);
        Assert.Equal(lesson, library);
        Assert.Equal(6063, Notebook.Find(@"([\d,]+) of 19,683 possible trigrams occur").Number(1));
    }

    [Fact]
    public void TheTrigramCountingModelBeatsTheBigramModel()
    {
        var bigram = Notebook.FindNumber(@"bigram counting model \(k = 1\), NLL on all names: (\d\.\d+)");
        var trigram = Notebook.FindNumber(@"library trigram counting NLL: (\d\.\d+)");
        Assert.Equal(2.4546, bigram);
        Assert.True(trigram < bigram, $"trigram {trigram} vs bigram {bigram}");
        Assert.Equal(Math.Round(bigram - trigram, 4), Notebook.FindNumber(@"improvement from the second character of context: (\d\.\d+)"), 4);
    }

    [Fact]
    public void TheLessonLoopAndTheCountStatisticsTrainerTakeTheSameSteps()
    {
        var loop = Regex.Matches(Notebook.CellContaining("lessonLosses.Add").Text, @"step\s+\d+: loss (\d\.\d+)")
            .Select(m => m.Number(1)).ToArray();
        Assert.Equal(10, loop.Length);
        Assert.Equal(4.2422, loop[0]);
        Assert.True(loop.Zip(loop.Skip(1)).All(p => p.Second < p.First), "the loss falls at every step");
        var library = Notebook.Find(@"library losses: (.+)$").Groups[1].Value.Split(' ')
            .Select(OutputNumbers.Parse).ToArray();
        Assert.Equal(loop, library);
        Assert.True(Notebook.FindNumber(@"largest difference from the lesson loop's losses: (\S+)") < 1e-5);
        Assert.Equal(228146, Notebook.Find(@"([\d,]+) trigram examples, [\d,]+ distinct").Number(1));
    }

    [Fact]
    public void TheAdditiveNetLandsBetweenTheCountingModels()
    {
        var net = Notebook.FindNumber(@"trigram net, NLL on all names: (\d\.\d+)");
        var table = Table;
        Assert.Equal(net, table["trigram, net of 54 rows"].Nll);
        Assert.True(table["trigram, counting (k = 1)"].Nll < net && net < table["bigram, counting (k = 1)"].Nll, $"trigram net {net}");
        Assert.True(net < table["bigram, neural net"].Nll);
        Assert.Equal([729, 729, 19683, 1458, 19683], table.Values.Select(r => r.Numbers));
        Assert.All(table.Values, r => Assert.Equal(Math.Exp(r.Nll), r.Perplexity, 0.006));
    }

    [Fact]
    public void ThePairNetIsTheLessonsNetWithOneRowPerPair()
    {
        Notebook.Find(@"^emma's contexts \.\. \.e em mm ma are rows 0, 5, 148, 364, 352 of W729$");
        Notebook.Find(@"^one-hot product equals the picked rows: True$");
        var loop = Regex.Matches(Notebook.CellContaining("pairLosses.Add").Text, @"step \d: loss (\d\.\d+)").Select(m => m.Number(1)).ToArray();
        Assert.Equal(3, loop.Length);
        Assert.True(loop.Zip(loop.Skip(1)).All(p => p.Second < p.First), "the loss falls at every step");
        var library = Notebook.Find(@"ContextNet losses: (.+)$").Groups[1].Value.Split(' ').Select(OutputNumbers.Parse).ToArray();
        Assert.Equal(loop, library);
        Assert.True(Notebook.FindNumber(@"largest difference from the loop's losses: (\S+)") < 1e-4);
        Assert.True(Notebook.FindNumber(@"largest difference between the two W after three steps: (\S+)") < 1e-3);
    }

    [Fact]
    public void ThePairNetsLossEndsWithin001OfTheCountingModels()
    {
        var net = Notebook.FindNumber(@"^729-row net, loss at step 5,000 \(with the regularisation term\): (\d\.\d+)$");
        var counting = Notebook.FindNumber(@"^counting trigram model \(k = 1\), NLL:\s+(\d\.\d+)$");
        Assert.Equal(2.2126, counting);
        Assert.True(Math.Abs(net - counting) < 0.01, $"net {net}, counting {counting}");
        Assert.Equal(Math.Round(Math.Abs(net - counting), 4), Notebook.FindNumber(@"^difference: (\d\.\d+)$"), 4);
        var curve = Regex.Matches(Notebook.CellContaining("pairNet.Train").Text, @"^step\s+[\d,]+: loss (\d\.\d+)$", RegexOptions.Multiline)
            .Select(m => m.Number(1)).ToArray();
        Assert.Equal(5, curve.Length);
        Assert.Equal(net, curve[^1]);
        Assert.True(curve.Zip(curve.Skip(1)).All(p => p.Second < p.First));
        // Its NLL alone lies between the unsmoothed counts and the k = 1 model, far below the additive net.
        var line = Notebook.Find(@"^729-row net, NLL alone: (\d\.\d+); unsmoothed counts \(k = 0\), NLL: (\d\.\d+)$");
        Assert.True(line.Number(2) < line.Number(1) && line.Number(1) < counting);
        Assert.Equal(line.Number(1), Table["trigram, net of 729 rows"].Nll);
        var additive = Notebook.Find(@"^54-row net, loss at step 500: (\d\.\d+), at step 1,000: (\d\.\d+)$");
        Assert.True(additive.Number(2) > counting + 0.1 && additive.Number(1) - additive.Number(2) < 0.01, "the additive net levels off far above");
        var chart = Assert.Single(Notebook.CellContaining("pairNet.Train").Html);
        Assert.Contains("counting model, k = 1", chart);
    }

    [Fact]
    public void LearningRate50StallsAboveLearningRate30()
    {
        var fast = Notebook.FindNumber(@"learning rate 50: loss after 1000 steps (\d\.\d+)");
        var slow = Notebook.FindNumber(@"learning rate 30: loss after 1000 steps (\d\.\d+)");
        Assert.True(fast > slow + 0.05, $"lr 50: {fast}, lr 30: {slow}");
        var chart = Assert.Single(Notebook.CellContaining("LossCurve.Of").Html);
        Assert.Contains("learning rate 30", chart);
        Assert.Contains("learning rate 50", chart);
    }

    [Fact]
    public void TheOneDotTotalPlusTheFirstLettersIsTheTwoDotTotal()
    {
        Assert.Equal(196113, Notebook.Find(@"one-dot trigrams: ([\d,]+)").Number(1));
        Notebook.Find(@"bincount of the two-dot trigrams equals N: True");
        var oneDotMean = Notebook.FindNumber(@"one-dot trigram counting model \(k = 1\), NLL: (\d\.\d+)");
        Assert.True(oneDotMean < Table["trigram, counting (k = 1)"].Nll);
        var oneDot = Notebook.FindNumber(@"one-dot trigram model, total NLL\s+(\d+\.\d)");
        var firstLetters = Notebook.FindNumber(@"bigram model, total NLL of the first letters\s+(\d+\.\d)");
        var twoDot = Notebook.FindNumber(@"two-dot trigram model, total NLL\s+(\d+\.\d)");
        Assert.Equal(twoDot, oneDot + firstLetters, 0.5);
        Assert.Equal(2.2126 * 228146, twoDot, 15.0);
    }

    [Fact]
    public void SamplesTenNamesFromEachCountingModel()
    {
        var lines = Notebook.CellContaining("LessonSampler.Sample").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(11, lines.Length);
        // The bigram column starts with the lesson's sample, PyTorch 1.13's names.
        Assert.Equal(ReferenceValues.Texts("names, add-one smoothing"), lines.Skip(1).Take(5).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]));
        Assert.All(lines.Skip(1), l => Assert.Matches(@"^[a-z]*\.\s+[a-z]*\.$", l));
    }

    Dictionary<string, (long Numbers, double Nll, double Perplexity)> Table =>
        Regex.Matches(Notebook.CellContaining("\"numbers\"").Stdout, @"^((?:bi|tri)gram, .+?)\s+([\d,]+)\s+(\d\.\d+)\s+(\d+\.\d+)\s*$", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value.Trim(),
                m => ((long)m.Number(2), m.Number(3), m.Number(4)));
}
