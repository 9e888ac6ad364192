using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Makemore.Cli.Tests;

/// <summary>makemore train end to end, on small word lists the tests write.</summary>
public partial class TrainTests
{
    [Fact]
    public void ACountingBigramReportsTheSplitTheLossesAndTheSamples()
    {
        using var files = new WordFiles();
        var run = files.Makemore("train", files.Write("words.txt", WordFiles.Small), "--samples", "7");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Error);
        Assert.Contains("data     words.txt: 48 words, 11 symbols ('.' and abdeiklmno)", run.Output);
        Assert.Contains("split    38 train, 5 dev, 5 test words (split seed 42)", run.Output);
        Assert.Contains("model    counting bigram (order 2), smoothing k = 1", run.Output);
        foreach (var part in new[] { "train", "dev", "test" })
        {
            var loss = Loss(run, part);
            Assert.InRange(loss, 0.5, Math.Log(11));
        }
        Assert.Equal(7, run.Samples.Length);
    }

    [Fact]
    public void SamplesAlreadyInTheTrainingWordsAreMarkedAndOnlyThose()
    {
        using var files = new WordFiles();
        var run = files.Makemore("train", files.Write("words.txt", WordFiles.Small), "-n", "3", "-k", "0.01", "-s", "40", "--save", "model.json");
        Assert.True(run.ExitCode == 0, run.ToString());

        using var model = JsonDocument.Parse(File.ReadAllText(files.PathOf("model.json")));
        var training = model.RootElement.GetProperty("trainingWords").EnumerateArray().Select(w => w.GetString()!).ToHashSet();
        Assert.Equal(38, training.Count);
        var marked = run.Samples.Where(s => s.EndsWith(" *", StringComparison.Ordinal)).Select(s => s[..^2]).ToArray();
        var unmarked = run.Samples.Where(s => !s.EndsWith(" *", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(marked); // a nearly unsmoothed trigram model of 38 four-letter words repeats many of them
        Assert.NotEmpty(unmarked);
        Assert.All(marked, word => Assert.Contains(word, training));
        Assert.All(unmarked, word => Assert.DoesNotContain(word, training));
        Assert.Contains($"* = already in the training words: {marked.Length} of 40", run.Output);
    }

    [Fact]
    public void ANeuralModelTrainsAndItsLossFalls()
    {
        using var files = new WordFiles();
        var run = files.Makemore("train", files.Write("words.txt", WordFiles.Small), "--model", "neural", "--order", "3",
            "--steps", "30", "--learning-rate", "10", "--regularization", "0.001", "-s", "5");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("model    neural trigram (order 3), W: 22 × 11 weights (seed 2147483647), learning rate 10, regularization 0.001", run.Output);
        var trained = TrainedLine().Match(run.Output);
        Assert.True(trained.Success, run.Output);
        Assert.True(double.Parse(trained.Groups["last"].Value, CultureInfo.InvariantCulture) < double.Parse(trained.Groups["first"].Value, CultureInfo.InvariantCulture));
        Assert.Equal("30", trained.Groups["steps"].Value);
        Assert.Equal(5, run.Samples.Length);
        // Redirected output never gets the progress bar, which only a terminal should see.
        Assert.Equal("", run.Error);
        Assert.DoesNotContain('\r', run.Output);
    }

    [Fact]
    public void TheSameSeedGivesTheSameOutputAndAnotherSeedOtherSamples()
    {
        using var files = new WordFiles();
        var words = files.Write("words.txt", WordFiles.Small);
        string[] args = ["train", words, "--model", "neural", "--steps", "20", "-s", "15"];
        var first = files.Makemore(args);
        var second = files.Makemore(args);
        var otherSeed = files.Makemore([.. args, "--seed", "7"]);
        var otherSplit = files.Makemore([.. args, "--split-seed", "7"]);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(first.Output, second.Output);
        Assert.NotEqual(first.Samples, otherSeed.Samples);
        // The split seed changes which words train the model, hence its losses.
        Assert.NotEqual(Loss(first, "dev"), Loss(otherSplit, "dev"));
    }

    [Fact]
    public void CountingModelsGiveTheSameLossWhateverTheSamplingSeed()
    {
        using var files = new WordFiles();
        var words = files.Write("words.txt", WordFiles.Small);
        var first = files.Makemore("train", words, "-n", "1", "-s", "10");
        var other = files.Makemore("train", words, "-n", "1", "-s", "10", "--seed", "1");
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("model    counting unigram (order 1)", first.Output);
        Assert.Equal(Loss(first, "test"), Loss(other, "test"));
        Assert.NotEqual(first.Samples, other.Samples);
    }

    [Fact]
    public void AnyAlphabetWorks()
    {
        using var files = new WordFiles();
        // Greek transliterations of the small list: the vocabulary comes from the data.
        var greek = WordFiles.Small.Replace('a', 'α').Replace('b', 'β').Replace('d', 'δ').Replace('e', 'ε').Replace('i', 'ι')
            .Replace('k', 'κ').Replace('l', 'λ').Replace('m', 'μ').Replace('n', 'ν').Replace('o', 'ο');
        var run = files.Makemore("train", files.Write("λέξεις.txt", greek), "-s", "10");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("data     λέξεις.txt: 48 words, 11 symbols ('.' and αβδεικλμνο)", run.Output);
        Assert.All(run.Samples, sample => Assert.Matches("^[αβδεικλμνο]*( \\*)?$|^\\(empty word\\)$", sample));
    }

    [Fact]
    public void WithoutSmoothingAnUnseenNGramMakesTheLossInfinite()
    {
        using var files = new WordFiles();
        // "zz" appears once in all the words, so the part that gets it (the dev words, with split seed 1) has bigrams
        // the training words never have.
        var run = files.Makemore("train", files.Write("words.txt", WordFiles.Small + "\nzz\n"), "-k", "0", "-s", "3", "--split-seed", "1");
        Assert.True(run.ExitCode == 0, run.ToString());
        var infinite = new[] { "train", "dev", "test" }.Where(part => double.IsPositiveInfinity(Loss(run, part))).ToArray();
        if (infinite.Length == 0) Assert.Fail($"no infinite loss:\n{run}");
        Assert.DoesNotContain("train", infinite);
        Assert.Contains("(infinite: these words have an n-gram the training words never have", run.Output);
    }

    [Fact]
    public void ByDefaultItTrainsOnTheLessonsNames()
    {
        var repository = RepositoryRoot();
        if (!File.Exists(Path.Combine(repository, "data", "names.txt")))
            Assert.Skip("data/names.txt is not in this repository (.ci/run places it; see data/README.md).");
        var run = MakemoreProcess.Run(repository, "train", "-s", "5");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("data     data/names.txt: 32,033 words, 27 symbols ('.' and abcdefghijklmnopqrstuvwxyz)", run.Output);
        Assert.Contains("split    25,626 train, 3,203 dev, 3,204 test words (split seed 42)", run.Output);
        // The lesson's generator seed gives the lesson's first names, even from 80% of the names.
        Assert.Equal(["mor", "axx", "minaymoryles", "kondlaisah", "anchshizarie"], run.Samples);

        // So do the sampling options at their defaults, given or not, and a top-k that keeps every symbol.
        using var files = new WordFiles();
        var defaults = MakemoreProcess.Run(repository, "train", "-s", "5", "--temperature", "1", "--top-k", "27", "--save", files.PathOf("model.json"));
        Assert.True(defaults.ExitCode == 0, defaults.ToString());
        Assert.Contains("5 samples (seed 2147483647, top-k 27; * = already in the training words)", defaults.OutputLines);
        Assert.Equal(run.Samples, defaults.Samples);
        Assert.Equal(run.Samples, files.Makemore("sample", "model.json", "-s", "5").Samples);
    }

    [Fact]
    public void TemperatureAndTopKChangeTheWordsAndSayHow()
    {
        using var files = new WordFiles();
        var words = files.Write("words.txt", WordFiles.Small);
        var plain = files.Makemore("train", words, "-n", "3", "-s", "30");
        var cold = files.Makemore("train", words, "-n", "3", "-s", "30", "--temperature", "0.3");
        var greedy = files.Makemore("train", words, "-n", "3", "-s", "30", "--top-k", "1");

        Assert.True(cold.ExitCode == 0, cold.ToString());
        Assert.Contains("30 samples (seed 2147483647, temperature 0.3; * = already in the training words)", cold.OutputLines);
        Assert.Contains("30 samples (seed 2147483647, top-k 1; * = already in the training words)", greedy.OutputLines);
        // Sampling comes after the losses: those stay; the words differ.
        Assert.Equal(Loss(plain, "dev"), Loss(cold, "dev"));
        Assert.NotEqual(plain.Samples, cold.Samples);
        // A cold model repeats its likeliest words; top-k 1 makes only the single likeliest one.
        Assert.True(cold.Samples.Distinct().Count() < plain.Samples.Distinct().Count(), $"{cold}\n{plain}");
        Assert.Single(greedy.Samples.Distinct());
    }

    [Fact]
    public void AKneserNeyModelNeedsNoSettings()
    {
        using var files = new WordFiles();
        var run = files.Makemore("train", files.Write("words.txt", WordFiles.Small), "-m", "kneser-ney", "-n", "3", "-s", "6");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"model    kneser-ney trigram \(order 3\), interpolated modified Kneser–Ney; discounts of order 3: D1 \d\.\d{3}, D2 \d\.\d{3}, D3\+ \d\.\d{3} \((estimated from the training counts|KenLM's fallback: too few n-grams to estimate them)\)", run.Output);
        foreach (var part in new[] { "train", "dev", "test" }) Assert.InRange(Loss(run, part), 0.5, Math.Log(11));
        Assert.Equal(6, run.Samples.Length);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public void AHighOrderTrainsWithItsDefaultLearningRate()
    {
        var repository = NamesOrSkip();
        // With the lesson's 50, order 12 rose from 6.95 to 47.1 in 100 steps and printed NaN losses and no samples.
        var run = MakemoreProcess.Run(repository, "train", "-m", "neural", "-n", "12");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("learning rate 4.5455 (the default for order 12: 50/(n-1)), regularization 0.01", run.Output);
        var trained = TrainedLine().Match(run.Output);
        Assert.True(trained.Success, run.Output);
        var (first, last) = (double.Parse(trained.Groups["first"].Value, CultureInfo.InvariantCulture), double.Parse(trained.Groups["last"].Value, CultureInfo.InvariantCulture));
        Assert.InRange(last, 0, first - 3); // 6.9491 → 2.6934 when this test was written
        foreach (var part in new[] { "train", "dev", "test" }) Assert.InRange(Loss(run, part), 2, 3.3);
        Assert.DoesNotContain("NaN", run.Output);
        Assert.DoesNotContain("Infinity", run.Output);
        Assert.Equal(20, run.Samples.Length);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public void AHighOrderWithTheBigramLearningRateStopsAndSaysWhichRateSuitsIt()
    {
        var repository = NamesOrSkip();
        var run = MakemoreProcess.Run(repository, "train", "-m", "neural", "-n", "12", "--lr", "50");

        Assert.True(run.ExitCode == 2, run.ToString());
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(@"^error: training diverged: the loss rose above where it started, from 6\.9491 to \d+\.\d{4} at step \d+\. " +
                       @"Try a smaller --learning-rate than 50 \(the default for order 12 is 4\.5455: 50/\(n-1\)\)\.$", line);
        Assert.DoesNotContain("trained ", run.Output);
        Assert.DoesNotContain(" samples ", run.Output);
        Assert.DoesNotContain("NaN", run.Output);
    }

    [Fact]
    public async Task AHugeSampleCountWritesWordsAsTheyAreMade()
    {
        using var files = new WordFiles();
        string[] args = ["train", files.Write("words.txt", WordFiles.Small), "-s", "100000000"];
        using var process = MakemoreProcess.Start(files.Folder, args);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var lines = new List<string>();
        try
        {
            // Before, nothing was printed until all 100,000,000 words were made (minutes, and gigabytes of them).
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            var samplesRead = -1; // the header, then the samples
            while (samplesRead < 1000 && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                lines.Add(line);
                if (samplesRead >= 0 || line.Contains(" samples (seed ", StringComparison.Ordinal)) samplesRead++;
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"no 1,000 samples within a minute:\n{string.Join('\n', lines)}");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
        Assert.Contains("100,000,000 samples (seed 2147483647; * = already in the training words)", lines);
        var samples = lines.SkipWhile(l => !l.Contains(" samples (seed ", StringComparison.Ordinal)).Skip(1).ToArray();
        Assert.Equal(1000, samples.Length);
        Assert.All(samples, sample => Assert.Matches("^  [abdeiklmno]*( \\*)?$|^  \\(empty word\\)$", sample));
        // Progress goes to stderr only when it is a terminal (and the words go elsewhere): not here.
        Assert.Equal("", await error);
    }

    [Fact]
    public void SamplesWrittenAsTheyAreMadeAreTheSameWordsWhateverTheCount()
    {
        using var files = new WordFiles();
        var words = files.Write("words.txt", WordFiles.Small);
        var few = files.Makemore("train", words, "-n", "3", "-s", "5");
        var many = files.Makemore("train", words, "-n", "3", "-s", "300");

        Assert.True(many.ExitCode == 0, many.ToString());
        Assert.Equal(300, many.Samples.Length);
        // The first five of 300 (each written as it is made, from one generator) are the five words alone.
        Assert.Equal(few.Samples, many.Samples[..5]);
        var marked = many.Samples.Count(s => s.EndsWith(" *", StringComparison.Ordinal));
        Assert.Contains($"* = already in the training words: {marked} of 300", many.OutputLines);
    }

    [Fact]
    public void HelpDescribesTheCommands()
    {
        using var files = new WordFiles();
        var run = files.Makemore("train", "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("makemore train [<file>] [options]", run.Output);
        Assert.Contains("--smoothing", run.Output);
        Assert.Contains("counts of the distinct n-grams", run.Output);
        Assert.Contains("50/(n-1) for order n", run.Output); // the default learning rate depends on the order
        Assert.Contains("kneser-ney: the counts with interpolated modified Kneser–Ney smoothing", run.Output);
        Assert.Contains("--temperature <T>", run.Output);
        Assert.Contains("--top-k <K>", run.Output);
    }

    static string NamesOrSkip()
    {
        var repository = RepositoryRoot();
        if (!File.Exists(Path.Combine(repository, "data", "names.txt")))
            Assert.Skip("data/names.txt is not in this repository (.ci/run places it; see data/README.md).");
        return repository;
    }

    internal static double Loss(Run run, string part)
    {
        var match = Regex.Match(run.Output, $@"^  {part} +(\S+)", RegexOptions.Multiline);
        Assert.True(match.Success, $"no {part} loss in:\n{run}");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture); // "Infinity" included
    }

    internal static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "global.json"))) return folder.FullName;
        throw new DirectoryNotFoundException($"No repository (global.json) above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"trained  (?<steps>\d+) of \d+ steps: loss (?<first>[\d.]+) → (?<last>[\d.]+)")]
    private static partial Regex TrainedLine();
}
