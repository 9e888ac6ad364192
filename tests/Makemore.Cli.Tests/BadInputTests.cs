namespace Makemore.Cli.Tests;

/// <summary>Every kind of bad input ends with one line on stderr, exit code 2, nothing on stdout and no stack trace.</summary>
public class BadInputTests
{
    public static TheoryData<string, string[], string> TrainCases => new()
    {
        { "a missing file", ["train", "missing.txt"], "no such file: missing.txt" },
        { "a folder", ["train", "."], ". is a folder, not a word list" },
        { "an empty file", ["train", "empty.txt"], "empty.txt is empty" },
        { "blank lines only", ["train", "blank.txt"], "blank.txt contains no words: every line is empty" },
        { "a word with the end marker", ["train", "dotted.txt"], "dotted.txt, line 3: \"ba.la\" contains '.'" },
        { "two words on a line", ["train", "spaced.txt"], "spaced.txt, line 2: \"bala bali\" contains white space" },
        { "not UTF-8", ["train", "latin1.txt"], "latin1.txt is not UTF-8 text" },
        // As Windows' Notepad saves "Unicode": the byte-order mark, then two bytes a character (issue 20).
        { "UTF-16", ["train", "utf16.txt"], "utf16.txt is UTF-16 (little-endian) text; save it as UTF-8." },
        { "too few words to split", ["train", "few.txt"], "few.txt has 9 words; splitting 80/10/10 into train, dev and test words needs at least 10" },
        { "order 0", ["train", "words.txt", "--order", "0"], "--order must be 1 or more" },
        { "a negative order", ["train", "words.txt", "-n", "-3"], "--order must be 1 or more" },
        { "an absurd counting order", ["train", "words.txt", "-n", "9"], "--order must be at most 7 for a counting model over 11 symbols (its count table would have 214,358,881 × 11 = 2,357,947,691 cells, or 8.8 GB as int32, more than the 67,108,864 this library builds; NGramCounts stores only the n-grams that occur), not 9." },
        { "an absurd neural order", ["train", "words.txt", "-m", "neural", "-n", "1000"], "--order must be at most 18 for a neural model over 11 symbols (11^1000 possible n-grams are more than 64-bit integers can number), not 1000." },
        { "a neural unigram", ["train", "words.txt", "-m", "neural", "-n", "1"], "--order must be 2 or more for a neural model (with no character before it, it has no input), not 1." },
        { "an absurd Kneser–Ney order", ["train", "words.txt", "-m", "kneser-ney", "-n", "1000"], "--order must be at most 18 for a Kneser–Ney model over 11 symbols (11^1000 possible n-grams are more than 64-bit integers can number), not 1000." },
        { "negative smoothing", ["train", "words.txt", "--smoothing", "-1"], "--smoothing must be 0 or more (a count added to every cell), not -1" },
        // Refused up front: (count + k) overflows float32, which used to print infinite losses blamed on "smoothing 0".
        { "a smoothing that overflows", ["train", "words.txt", "-k", "1e308"], "--smoothing must be at most 1e30 (beyond it the float32 probabilities overflow; from about 1e6 on, every k gives nearly the uniform distribution), not 1e308." },
        { "a smoothing lost in rounding", ["train", "words.txt", "-k", "1e-40"], "--smoothing must be 0 or at least 1e-30 (a smaller k is lost in float32 rounding), not 1e-40." },
        { "a smoothing that is not a number", ["train", "words.txt", "-k", "lots"], "--smoothing must be a number (such as 0.5 or 1e-3), not lots." },
        { "NaN smoothing", ["train", "words.txt", "-k", "NaN"], "--smoothing must be 0 or more" },
        { "infinite smoothing", ["train", "words.txt", "-k", "Infinity"], "--smoothing must be 0 or more" },
        { "negative regularization", ["train", "words.txt", "-m", "neural", "-r", "-0.5"], "--regularization must be 0 or more, not -0.5" },
        { "zero steps", ["train", "words.txt", "-m", "neural", "--steps", "0"], "--steps must be 1 or more, not 0" },
        { "negative steps", ["train", "words.txt", "-m", "neural", "--steps", "-10"], "--steps must be 1 or more, not -10" },
        { "a zero learning rate", ["train", "words.txt", "-m", "neural", "--lr", "0"], "--learning-rate must be a positive number, not 0" },
        { "negative samples", ["train", "words.txt", "-s", "-1"], "--samples must be 0 or more, not -1" },
        { "a neural option for a counting model", ["train", "words.txt", "--steps", "10"], "--steps is an option of neural models; this is a counting model" },
        { "a counting option for a neural model", ["train", "words.txt", "-m", "neural", "-k", "2"], "--smoothing is an option of counting models; this is a neural model" },
        { "a counting option for a Kneser–Ney model", ["train", "words.txt", "-m", "kneser-ney", "-k", "2"], "--smoothing is an option of counting models; this is a kneser-ney model (--model counting to train one)." },
        { "a neural option for a Kneser–Ney model", ["train", "words.txt", "-m", "kneser-ney", "--lr", "2"], "--learning-rate is an option of neural models; this is a kneser-ney model" },
        { "an unknown model", ["train", "words.txt", "--model", "transformer"], "Argument 'transformer' not recognized. Must be one of: 'counting' 'neural' 'kneser-ney'" },
        { "an unknown option", ["train", "words.txt", "--beam", "2"], "Unrecognized command or argument '--beam'" },
        { "a zero temperature", ["train", "words.txt", "--temperature", "0"], "--temperature must be a positive number (1: the model's own probabilities), not 0." },
        { "a temperature that is not a number", ["train", "words.txt", "--temperature", "warm"], "--temperature must be a number (such as 0.5 or 1e-3), not warm." },
        { "top-k 0", ["train", "words.txt", "--top-k", "0"], "--top-k must be 1 or more (the number of most probable symbols kept), not 0." },
        { "a top-k that is not a whole number", ["train", "words.txt", "--top-k", "2.5"], "--top-k must be a whole number, not 2.5." },
        // Option values that don't parse are reported in the user's words, never with a .NET type name.
        { "a number that is not one", ["train", "words.txt", "--order", "three"], "--order must be a whole number, not three." },
        { "a seed that is not one", ["train", "words.txt", "--seed", "-1"], "--seed must be a whole number 0 or more, not -1." },
        { "a negative seed", ["train", "words.txt", "--seed", "-5"], "--seed must be a whole number 0 or more, not -5." },
        { "a seed too large", ["train", "words.txt", "--seed", "18446744073709551616"], "--seed must be a whole number 0 or more, at most 18,446,744,073,709,551,615, not 18446744073709551616." },
        { "a split seed with a decimal point", ["train", "words.txt", "--split-seed", "4.2"], "--split-seed must be a whole number 0 or more, not 4.2." },
        { "too many samples for a whole number", ["train", "words.txt", "-s", "99999999999"], "--samples must be a whole number from 0 to 2,147,483,647, not 99999999999." },
        { "a learning rate that is not a number", ["train", "words.txt", "-m", "neural", "--lr", "fast"], "--learning-rate must be a number (such as 0.5 or 1e-3), not fast." },
        { "saving into a missing folder", ["train", "words.txt", "--save", "nowhere/model.json"], "--save nowhere/model.json: the folder" },
        { "saving over a folder", ["train", "words.txt", "--save", "."], "--save . is a folder" },
        { "no command", [], "Required command was not provided" },
        { "an unknown command", ["generate"], "Unrecognized command or argument 'generate'" },
    };

    public static TheoryData<string, string[], string> SampleCases => new()
    {
        { "a missing model file", ["sample", "missing.json"], "no such model file: missing.json" },
        { "no model file", ["sample"], "Required argument missing for command: 'sample'" },
        { "a word list", ["sample", "words.txt"], "words.txt is not a makemore.NET model file" },
        { "an empty file", ["sample", "empty.txt"], "empty.txt is not a makemore.NET model file" },
        { "other JSON", ["sample", "other.json"], "other.json is not a makemore.NET model file" },
        { "negative samples", ["sample", "other.json", "-s", "-2"], "--samples must be 0 or more, not -2" },
        { "a negative seed", ["sample", "other.json", "--seed", "-5"], "--seed must be a whole number 0 or more, not -5." },
        { "a negative temperature", ["sample", "other.json", "--temperature", "-1"], "--temperature must be a positive number (1: the model's own probabilities), not -1." },
        { "an infinite temperature", ["sample", "other.json", "--temperature", "Infinity"], "--temperature must be a positive number" },
        { "a negative top-k", ["sample", "other.json", "--top-k", "-3"], "--top-k must be 1 or more (the number of most probable symbols kept), not -3." },
    };

    [Theory]
    [MemberData(nameof(TrainCases))]
    [MemberData(nameof(SampleCases))]
    public void IsOneLineOnStandardErrorAndExitCode2(string because, string[] args, string message)
    {
        using var files = Files();
        var run = files.Makemore(args);
        AssertOneLineError(run, message, because);
    }

    [Fact]
    public void ADivergingTrainingStopsWithOneLineAndExitCode2()
    {
        using var files = Files();
        var run = files.Makemore("train", "words.txt", "-m", "neural", "--learning-rate", "100000", "--steps", "1000");

        Assert.True(run.ExitCode == 2, run.ToString());
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        // The loss stays a number for a step or two but rises far above where it started: that already stops it.
        Assert.Matches(@"^error: training diverged: the loss rose above where it started, from \d+\.\d{4} to \d+\.\d{4} at step \d+\. Try a smaller --learning-rate than 100000\.$", line);
        Assert.DoesNotContain("trained ", run.Output); // stopped at the first bad loss, before reporting any result
        Assert.DoesNotContain(" samples ", run.Output);
    }

    [Fact]
    public void ALossThatIsNotANumberStopsTrainingWithWhatToChange()
    {
        using var files = Files();
        // A regularization term too large for float32: the very first loss, before any update, is infinite.
        var run = files.Makemore("train", "words.txt", "-m", "neural", "-r", "1e39");

        Assert.True(run.ExitCode == 2, run.ToString());
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(@"^error: training diverged: the loss was (Infinity|NaN) at step 1\. The regularization term overflows: try a smaller --regularization than 1E\+39\.$", line);
        Assert.DoesNotContain("trained ", run.Output);
        Assert.DoesNotContain("NaN", run.Output);
        Assert.DoesNotContain("Infinity", run.Output);
    }

    internal static void AssertOneLineError(Run run, string message, string because)
    {
        Assert.True(run.ExitCode == 2, $"{because}: {run}");
        Assert.Equal("", run.Output);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line);
        Assert.Contains(message, line);
        Assert.DoesNotContain("Exception", line);
        Assert.DoesNotContain("System.", line); // no .NET type names: "a whole number 0 or more", not System.UInt64
        Assert.DoesNotContain("   at ", run.Error);
    }

    static WordFiles Files()
    {
        var files = new WordFiles();
        files.Write("words.txt", WordFiles.Small);
        files.Write("empty.txt", "");
        files.Write("blank.txt", "\n  \n\t\n\n");
        files.Write("dotted.txt", "bala\nbali\nba.la\n");
        files.Write("spaced.txt", "bala\nbala bali\n");
        files.WriteBytes("latin1.txt", [(byte)'b', 0xE9, (byte)'b', 0xE9, (byte)'\n']);
        files.WriteBytes("utf16.txt", System.Text.Encoding.Unicode.GetPreamble().Concat(System.Text.Encoding.Unicode.GetBytes(WordFiles.Small)).ToArray());
        files.Write("few.txt", string.Join('\n', WordFiles.Small.Split('\n').Take(9)));
        files.Write("other.json", """{"format": "something else", "version": 1}""");
        return files;
    }
}
