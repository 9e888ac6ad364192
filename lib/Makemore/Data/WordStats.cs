namespace Makemore;

/// <summary>Basic statistics of a word list, as the lesson looks at them first.</summary>
public sealed record WordStats(int Count, int MinLength, int MaxLength, string Alphabet, string Shortest, string Longest)
{
    public static WordStats Of(IReadOnlyList<string> words)
    {
        if (words.Count == 0) throw new ArgumentException("The word list is empty.", nameof(words));
        var shortest = words.MinBy(w => w.Length)!;
        var longest = words.MaxBy(w => w.Length)!;
        return new WordStats(words.Count, shortest.Length, longest.Length, Vocabulary.AlphabetOf(words), shortest, longest);
    }

    public override string ToString() =>
        $"{Count:N0} words, lengths {MinLength}..{MaxLength} (e.g. \"{Shortest}\" and \"{Longest}\"), {Alphabet.Length} characters: {Alphabet}";
}
