namespace Makemore.Cli;

/// <summary>Prints sampled words, one per line, marking with a star those that are among the training words.</summary>
static class SampleReport
{
    public const string Mark = "*";

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
