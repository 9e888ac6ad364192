namespace Makemore;

/// <summary>Basic statistics of a word list, as the lesson looks at them first.</summary>
public sealed record WordStats(int Count, int MinLength, int MaxLength, string Alphabet, string Shortest, string Longest)
{
    public static WordStats Of(IReadOnlyList<string> words)
    {
        if (words.Count == 0) throw new ArgumentException("The word list is empty.", nameof(words));
        var shortest = words.MinBy(w => w.Length)!;
        var longest = words.MaxBy(w => w.Length)!;
        return new WordStats(words.Count, shortest.Length, longest.Length, AlphabetOf(words), shortest, longest);
    }

    /// <summary>
    /// The distinct characters of the words in ordinal order, as one string: the characters of
    /// <see cref="Vocabulary.FromWords"/>. One pass with a table of all 65,536 UTF-16 code units: for a dictionary's 18 million characters several
    /// times faster than distinct-and-sort with LINQ.
    /// </summary>
    public static string AlphabetOf(IEnumerable<string> words)
    {
        var seen = new bool[char.MaxValue + 1];
        var count = 0;
        foreach (var word in words)
            foreach (var c in word)
                if (!seen[c]) { seen[c] = true; count++; }
        var alphabet = new char[count];
        for (int c = 0, i = 0; i < count; c++) if (seen[c]) alphabet[i++] = (char)c;
        return new string(alphabet);
    }

    public override string ToString() =>
        $"{Count:N0} words, lengths {MinLength}..{MaxLength} (e.g. \"{Shortest}\" and \"{Longest}\"), {Alphabet.Length} characters: {Alphabet}";
}
