namespace Makemore.Notebooks.Tests;

/// <summary>E01 (trigrams), read from its executed copy: the lesson-style code and the library agree, and the comparison holds.</summary>
public sealed class E01Tests() : NotebookTests("E01-trigram-solution.ipynb")
{
    [Fact]
    public void ShowsBothPaddingsOfEmma()
    {
        Notebook.Find(@"^\.\.emma\.\s+\[\.\.→e, \.e→m, em→m, mm→a, ma→\.\]$");
        Notebook.Find(@"^\.emma\.\s+\[\.e→m, em→m, mm→a, ma→\.\]$");
    }

    [Fact]
    public void TheCountingLoopAndTheLibraryGiveTheSameTableAndLoss()
    {
        Notebook.Find(@"^N\.shape\s+\[27, 27, 27\]$");
        Assert.Equal(228146, Notebook.FindNumber(@"^trigrams counted\s+([\d,]+)$"));
        Notebook.Find(@"^library counts equal the loop's\s+True$");
        Notebook.Find(@"^library probabilities equal ours\s+True$");
        Notebook.Find(@"^every row of P sums to 1\s+True$");
        var lesson = Notebook.FindNumber(@"^trigram counting model \(k = 1\), NLL on all names\s+(\d\.\d+)$");
        var library = Notebook.FindNumber(@"^trigram counting model \(k = 1\), library NLL\s+(\d\.\d+)$");
        Assert.Equal(2.2126, lesson);
        Assert.Equal(lesson, library);
        Assert.Equal(6063, Notebook.Find(@"([\d,]+) of 19,683 possible trigrams occur").Number(1));
    }

    [Fact]
    public void TheTrigramCountingModelBeatsTheBigramModelWhoseLossIsPyTorchs()
    {
        var bigram = Notebook.FindNumber(@"^bigram counting model \(k = 1\), NLL\s+(\d\.\d+)$");
        var trigram = Notebook.FindNumber(@"^trigram counting model \(k = 1\), library NLL\s+(\d\.\d+)$");
        Assert.Equal(2.4546, bigram);
        Assert.True(trigram < bigram, $"trigram {trigram} vs bigram {bigram}");
        Assert.Equal(Math.Round(bigram - trigram, 4), Notebook.FindNumber(@"^improvement from the second character\s+(\d\.\d+)$"), 4);
        Notebook.Find($@"^PyTorch 1\.13, .+: {ReferenceValues.Number("average NLL, mean"):F4} · ours: {bigram:F4}$");
    }

    [Fact]
    public void TheInputIsTheTwoOneHotVectorsAsFloats()
    {
        Notebook.Find(@"^xenc\.shape\s+\[228146, 54\]$");
        Notebook.Find(@"^xenc\.dtype\s+Float32$");
        Notebook.Find(@"^columns of the ones in row 1\s+\[0, 32\]$");
    }

    [Fact]
    public void TheLessonLoopAndTheCountStatisticsTrainerTakeTheSameSteps()
    {
        var loop = Regex.Matches(Notebook.CellContaining("lessonLosses.Add").Text, @"step\s+\d+: loss (\d\.\d+)")
            .Select(m => m.Number(1)).ToArray();
        Assert.Equal(10, loop.Length);
        Assert.Equal(4.2422, loop[0]);
        Assert.True(loop.Zip(loop.Skip(1)).All(p => p.Second < p.First), "the loss falls at every step");
        var rows = Regex.Matches(Notebook.CellContaining("sameSteps").Text, @"^\s*(\d+)\s+(\d\.\d+)\s+(\d\.\d+)$", RegexOptions.Multiline);
        Assert.Equal(loop, rows.Select(m => m.Number(2)));
        Assert.Equal(loop, rows.Select(m => m.Number(3)));
        Assert.True(Notebook.FindNumber(@"the losses differ by at most (\S+)$") < 1e-5);
        Assert.Equal(228146, Notebook.FindNumber(@"^trigram examples\s+(\d+)$"));
        Assert.Equal(6063, Notebook.FindNumber(@"^distinct trigrams\s+(\d+)$"));
    }

    [Fact]
    public void TheAdditiveNetLandsBetweenTheCountingModels()
    {
        var net = Notebook.FindNumber(@"^trigram net, NLL on all names\s+(\d\.\d+)$");
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
        Notebook.Find(@"^emma's contexts\s+\[\.\., \.e, em, mm, ma\]$");
        Notebook.Find(@"^their rows of W729\s+\[0, 5, 148, 364, 352\]$");
        Notebook.Find(@"^one-hot product equals the picked rows\s+True$");
        var loop = Regex.Matches(Notebook.CellContaining("pairLosses.Add").Text, @"step \d: loss (\d\.\d+)").Select(m => m.Number(1)).ToArray();
        Assert.Equal(3, loop.Length);
        Assert.True(loop.Zip(loop.Skip(1)).All(p => p.Second < p.First), "the loss falls at every step");
        var library = Notebook.Find(@"^ContextNet losses\s+\[(.+)\]$").Groups[1].Value.Split(", ").Select(OutputNumbers.Parse).ToArray();
        Assert.Equal(loop, library);
        Assert.True(Notebook.FindNumber(@"^largest difference from the loop's losses\s+(\S+)$") < 1e-4);
        Assert.True(Notebook.FindNumber(@"^largest difference between the two W after three steps\s+(\S+)$") < 1e-3);
    }

    [Fact]
    public void ThePairNetsLossEndsWithin001OfTheCountingModels()
    {
        var net = Notebook.FindNumber(@"^729-row net, loss at step 5,000 \(with the regularisation term\)\s+(\d\.\d+)$");
        var counting = Notebook.FindNumber(@"^counting trigram model \(k = 1\), NLL\s+(\d\.\d+)$");
        Assert.Equal(2.2126, counting);
        Assert.True(Math.Abs(net - counting) < 0.01, $"net {net}, counting {counting}");
        Assert.Equal(Math.Round(Math.Abs(net - counting), 4), Notebook.FindNumber(@"^difference\s+(\d\.\d+)$"), 4);
        var curve = Regex.Matches(Notebook.CellContaining("everyThousand").Text, @"^\s*(\d+)\s+(\d\.\d+)$", RegexOptions.Multiline)
            .Select(m => (Step: m.Number(1), Loss: m.Number(2))).ToArray();
        Assert.Equal([1000, 2000, 3000, 4000, 5000], curve.Select(p => p.Step));
        Assert.Equal(net, curve[^1].Loss);
        Assert.True(curve.Zip(curve.Skip(1)).All(p => p.Second.Loss < p.First.Loss));
        // Its NLL alone lies between the unsmoothed counts and the k = 1 model, far below the additive net.
        var alone = Notebook.FindNumber(@"^729-row net, NLL alone\s+(\d\.\d+)$");
        var unsmoothed = Notebook.FindNumber(@"^unsmoothed counts \(k = 0\), NLL\s+(\d\.\d+)$");
        Assert.True(unsmoothed < alone && alone < counting);
        Assert.Equal(alone, Table["trigram, net of 729 rows"].Nll);
        var at500 = Notebook.FindNumber(@"^54-row net, loss at step 500\s+(\d\.\d+)$");
        var at1000 = Notebook.FindNumber(@"^54-row net, loss at step 1,000\s+(\d\.\d+)$");
        Assert.True(at1000 > counting + 0.1 && at500 - at1000 < 0.01, "the additive net levels off far above");
        var chart = Assert.Single(Notebook.CellContaining("counting model, k = 1").Html);
        Assert.Contains("729-row net (learning rate 50)", chart);
    }

    [Fact]
    public void LearningRate50StallsAboveLearningRate30AndTheZoomedChartShowsBoth()
    {
        var rows = Regex.Matches(Notebook.CellContaining("fastCurve").Text, @"^\s*(30|50)\s+(\d\.\d+)\s+(\d\.\d+)\s+(\d+)$", RegexOptions.Multiline)
            .ToDictionary(m => (int)m.Number(1), m => (Last: m.Number(2), Lowest: m.Number(3), Rises: m.Number(4)));
        Assert.True(rows[50].Last > rows[30].Last + 0.05, $"lr 50: {rows[50].Last}, lr 30: {rows[30].Last}");
        Assert.Equal(0, rows[30].Rises);
        Assert.Equal(rows[30].Last, rows[30].Lowest);
        Assert.True(rows[50].Rises > 100 && rows[50].Lowest < rows[50].Last, "learning rate 50 rises at many steps");
        Assert.InRange(Notebook.FindNumber(@"^from step (\d+) on, the loss with learning rate 50 stays above the loss with 30$"), 2, 999);
        var chart = Assert.Single(Notebook.CellContaining("LossCurve.Zoomed").Html);
        Assert.Contains("learning rate 30", chart);
        Assert.Contains("learning rate 50", chart);
        Assert.Contains("finer loss scale", chart);
    }

    [Fact]
    public void TheOneDotTotalPlusTheFirstLettersIsTheTwoDotTotal()
    {
        Assert.Equal(196113, Notebook.FindNumber(@"^one-dot trigrams\s+(\d+)$"));
        Notebook.Find(@"^bincount of the two-dot trigrams equals N\s+True$");
        var oneDotMean = Notebook.FindNumber(@"^one-dot trigram counting model \(k = 1\), NLL\s+(\d\.\d+)$");
        Assert.True(oneDotMean < Table["trigram, counting (k = 1)"].Nll);
        var oneDot = Notebook.FindNumber(@"^one-dot trigram model\s+(\d+\.\d)$");
        var firstLetters = Notebook.FindNumber(@"^\+ bigram model on the 32,033 first letters \(mean \d\.\d+\)\s+(\d+\.\d)$");
        var twoDot = Notebook.FindNumber(@"^two-dot trigram model\s+(\d+\.\d)$");
        Assert.Equal(twoDot, oneDot + firstLetters, 0.5);
        Assert.Equal(2.2126 * 228146, twoDot, 15.0);
    }

    [Fact]
    public void SamplesTenNamesFromEachCountingModelTheBigramOnesStartingWithPyTorchs()
    {
        var cell = Notebook.CellContaining("LessonSampler.Sample");
        var rows = Regex.Matches(cell.Text, @"^([a-z]*\.)\s+([a-z]*\.)$", RegexOptions.Multiline).ToList();
        Assert.Equal(10, rows.Count);
        // The bigram column starts with the lesson's sample, PyTorch 1.13's names, and the cell prints them beside ours.
        var lesson = ReferenceValues.Texts("names, add-one smoothing");
        Assert.Equal(lesson, rows.Take(5).Select(m => m.Groups[1].Value));
        cell.Find($"^PyTorch 1\\.13, .+: {Regex.Escape(string.Join(" ", lesson))} · ours: {Regex.Escape(string.Join(" ", lesson))}$");
    }

    Dictionary<string, (long Numbers, double Nll, double Perplexity)> Table =>
        Regex.Matches(Notebook.CellContaining("\"numbers\"").Text, @"^((?:bi|tri)gram, .+?)\s+([\d,]+)\s+(\d\.\d+)\s+(\d+\.\d+)\s*$", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value.Trim(),
                m => ((long)m.Number(2), m.Number(3), m.Number(4)));
}
