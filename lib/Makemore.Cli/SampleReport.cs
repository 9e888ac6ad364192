using System.CommandLine;
using static TorchSharp.torch;

namespace Makemore.Cli;

/// <summary>Samples words and prints them, one per line, marking with a star those that are among the training words.</summary>
static class SampleReport
{
    public const string Mark = "*";

    /// <summary>The --samples option both commands have: how many words to print, 20 unless given.</summary>
    public static Option<int> CountOption(string description) => new("--samples", "-s")
    {
        HelpName = "count",
        Description = description,
        DefaultValueFactory = _ => 20,
    };

    /// <summary>Rejects a negative --samples with a one-line error.</summary>
    public static void CheckCount(int count)
    {
        if (count < 0) throw new CliError($"--samples must be 0 or more, not {count}.");
    }

    /// <summary>
    /// <paramref name="count"/> words from the model with the lesson's sampler and a generator seeded with
    /// <paramref name="seed"/>. A model with no usable distribution somewhere (weights so large that the softmax
    /// overflows) is reported as a one-line error.
    /// </summary>
    public static IReadOnlyList<string> Draw(INGramModel model, ulong seed, int count)
    {
        using var generator = new Generator(seed);
        try
        {
            return LessonSampler.Sample(model, generator, count);
        }
        catch (InvalidOperationException e)
        {
            throw new CliError($"cannot sample: {e.Message}");
        }
    }

    public static void Print(IReadOnlyList<string> samples, IReadOnlyList<string> trainingWords, ulong seed)
    {
        if (samples.Count == 0) return;
        var known = trainingWords.ToHashSet(StringComparer.Ordinal);
        var words = samples.Select(Shown).ToArray();
        var repeats = words.Count(known.Contains);
        Console.WriteLine();
        Console.WriteLine($"{samples.Count} samples (seed {seed}; {Mark} = already in the training words: {repeats} of {samples.Count})");
        foreach (var word in words)
            Console.WriteLine(known.Contains(word) ? $"  {word} {Mark}" : $"  {word}");
    }

    // Samples end in '.', the end-of-word symbol; one cut off at the sampler's length limit ends in "…" instead. A
    // model can end a word before its first letter (most often a unigram model).
    static string Shown(string sample) => sample switch
    {
        [Vocabulary.Boundary] => "(empty word)",
        [.. var word, Vocabulary.Boundary] => word,
        _ => sample + "…",
    };
}
