using System.CommandLine;
using System.Diagnostics;
using System.Text;
using static TorchSharp.torch;

namespace Makemore.Cli;

/// <summary>
/// Samples words and writes each one as soon as it is made, one per line, marking with a star those that are among
/// the training words; a line after them says how many were. Large counts show their progress on stderr.
/// </summary>
static class SampleReport
{
    public const string Mark = "*";
    /// <summary>From this many samples on, a progress line on stderr (when it is a terminal and stdout is not) says how far sampling is.</summary>
    public const int ProgressFrom = 10_000;

    /// <summary>The --samples option both commands have: how many words to print, 20 unless given.</summary>
    public static Option<int> CountOption(string description) => new Option<int>("--samples", "-s")
    {
        HelpName = "count",
        Description = description,
        DefaultValueFactory = _ => 20,
    }.WholeNumber(minimum: 0);

    /// <summary>--temperature, which both commands have: <see cref="SamplingOptions.Temperature"/>.</summary>
    public static Option<double> TemperatureOption() => new Option<double>("--temperature")
    {
        HelpName = "T",
        Description = "Divide the model's log-probabilities by T before each draw: below 1 the likelier characters get likelier, " +
                      "above 1 the choice gets more even. 1: the model's own probabilities.",
        DefaultValueFactory = _ => 1.0,
    }.Number();

    /// <summary>--top-k, which both commands have: <see cref="SamplingOptions.TopK"/>.</summary>
    public static Option<int?> TopKOption() => new Option<int?>("--top-k")
    {
        HelpName = "K",
        Description = "Draw each character from the K most probable ones only (default: from all).",
    }.WholeNumber(minimum: 1);

    /// <summary>The sampling options given, checked by the library's rules and reported under their options' names.</summary>
    public static SamplingOptions ReadOptions(ParseResult parse, Option<double> temperature, Option<int?> topK)
    {
        var options = new SamplingOptions(parse.GetValue(temperature), parse.GetValue(topK));
        OptionValues.Check(parse, options.Check, (nameof(SamplingOptions.Temperature), temperature), (nameof(SamplingOptions.TopK), topK));
        return options;
    }

    /// <summary>Rejects a negative --samples with a one-line error.</summary>
    public static void CheckCount(int count)
    {
        if (count < 0) throw new UsageException($"--samples must be 0 or more, not {count}.");
    }

    /// <summary>
    /// Writes <paramref name="count"/> words from the model, made with the lesson's sampler (reshaped by
    /// <paramref name="options"/>) and a generator seeded with <paramref name="seed"/>, one at a time as the sampler
    /// makes them (the same words as one call for all of them). A model with no usable distribution somewhere (weights
    /// so large that the softmax overflows) is reported as a one-line error.
    /// </summary>
    public static void Write(INGramModel model, ulong seed, SamplingOptions options, int count, IReadOnlyList<string> trainingWords) =>
        Write(model, seed, options, count, KnownWords(trainingWords));

    /// <summary>
    /// The set of training words, built on another thread (for a dictionary of a million words it takes about half
    /// a second, which the training and evaluation on this thread hide).
    /// </summary>
    public static Task<HashSet<string>> KnownWords(IReadOnlyList<string> trainingWords) =>
        Task.Run(() => trainingWords.ToHashSet(StringComparer.Ordinal));

    /// <inheritdoc cref="Write(INGramModel, ulong, SamplingOptions, int, IReadOnlyList{string})"/>
    public static void Write(INGramModel model, ulong seed, SamplingOptions options, int count, Task<HashSet<string>> trainingWords)
    {
        if (count == 0) return;
        var known = trainingWords.GetAwaiter().GetResult();
        Console.WriteLine();
        var reshaped = (options.Temperature == 1 ? "" : $", temperature {options.Temperature}") + (options.TopK is { } k ? $", top-k {k}" : "");
        Console.WriteLine($"{count:N0} samples (seed {seed}{reshaped}; {Mark} = already in the training words)");
        Console.Out.Flush();
        // Our own buffered writer: Console.Out flushes every line, which for millions of words costs more than sampling them.
        using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
        // "sampled 1,234,567 of 100,000,000 words", only for large counts written elsewhere than the terminal.
        using var progress = new StatusLine(visible: count >= ProgressFrom && !Console.IsErrorRedirected && Console.IsOutputRedirected);
        using var generator = new Generator(seed);
        using var words = LessonSampler.Words(model, generator, options: options).GetEnumerator();
        var sinceFlushed = Stopwatch.StartNew();
        var repeats = 0;
        for (var done = 1; done <= count; done++)
        {
            try
            {
                words.MoveNext();
            }
            catch (InvalidOperationException e)
            {
                output.Flush();
                throw new UsageException($"cannot sample: {e.Message}");
            }
            var sample = words.Current;
            var word = Shown(sample);
            // A word cut off at the length limit is not the word it would have become: never counted as a training word.
            var repeat = sample.Ended && known.Contains(sample.Word);
            if (repeat) repeats++;
            output.Write("  ");
            output.Write(word);
            output.WriteLine(repeat ? $" {Mark}" : "");
            // Each word is on its way as soon as it is made; flushing at most every StatusLine.Interval keeps a count of
            // millions from paying a write per word.
            if (done == 1 || done == count || sinceFlushed.Elapsed >= StatusLine.Interval)
            {
                output.Flush();
                sinceFlushed.Restart();
            }
            progress.Draw(() => $"sampled {done:N0} of {count:N0} words ({100.0 * done / count:F0}%)", last: done == count);
        }
        progress.Dispose();
        output.WriteLine($"{Mark} = already in the training words: {repeats:N0} of {count:N0}");
    }

    // A word cut off at the sampler's length limit ends in "…". A model can end a word before its first letter (most
    // often a unigram model).
    static string Shown(Sample sample) => sample switch
    {
        { Ended: false } => sample.Word + "…",
        { Word: "" } => "(empty word)",
        _ => sample.Word,
    };
}
