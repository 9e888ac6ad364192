namespace Makemore;

/// <summary>
/// The character vocabulary: '.' (start and end of a word) is index 0, the data's distinct characters follow in
/// ordinal order. For names.txt: '.' is 0, 'a' is 1 … 'z' is 26, 27 symbols. Stoi and Itos are the lesson's names.
/// </summary>
public sealed class Vocabulary
{
    public const char Boundary = '.';

    Vocabulary(IReadOnlyList<char> itos)
    {
        Itos = itos;
        Stoi = itos.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i);
    }

    /// <summary>Character to index.</summary>
    public IReadOnlyDictionary<char, int> Stoi { get; }
    /// <summary>Index to character.</summary>
    public IReadOnlyList<char> Itos { get; }
    public int Size => Itos.Count;
    /// <summary>The symbols in index order as one string, '.' first (".abc…z" for names.txt): what <see cref="FromItos"/> takes back.</summary>
    public string Symbols => new(Itos.ToArray());

    public static Vocabulary FromWords(IEnumerable<string> words)
    {
        var chars = AlphabetOf(words);
        if (chars.Select(ReservedProblem).FirstOrDefault(p => p is not null) is { } problem)
            throw new ArgumentException($"The words contain {problem}.", nameof(words));
        if (chars.Length == 0)
            throw new ArgumentException("The words contain no characters.", nameof(words));
        return new Vocabulary([Boundary, .. chars]);
    }

    /// <summary>
    /// The distinct characters of the words in ordinal order, as one string: the vocabulary's characters after '.'
    /// (and <see cref="WordStats.Alphabet"/>). One pass with a table of all 65,536 UTF-16 code units: for a
    /// dictionary's 18 million characters several times faster than distinct-and-sort with LINQ.
    /// </summary>
    internal static string AlphabetOf(IEnumerable<string> words)
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

    /// <summary>Rebuilds a vocabulary from its characters in index order (as saved with a model).</summary>
    public static Vocabulary FromItos(IEnumerable<char> itos)
    {
        var list = itos.ToList();
        if (list.Count < 2 || list[0] != Boundary || list.Skip(1).Contains(Boundary) || list.Distinct().Count() != list.Count)
            throw new ArgumentException($"A vocabulary is '{Boundary}' followed by distinct characters.", nameof(itos));
        return new Vocabulary(list);
    }

    /// <summary>
    /// The rule that '.' is reserved, checked here only: it marks the start and end of every word, so no word contains
    /// it. What is wrong with <paramref name="c"/> in words ("'.', which marks …"), or null when a word may contain it.
    /// Word lists (<see cref="WordList"/>), <see cref="FromWords"/> and the example walk all report it in these words.
    /// </summary>
    internal static string? ReservedProblem(char c) => c == Boundary ? $"'{Boundary}', which marks the start and end of every word" : null;

    /// <summary>
    /// The symbol of each character a word may contain, by its code (-1 for any other, '.' included): a flat array for
    /// loops over many words, where the dictionary <see cref="Stoi"/> would be the slowest part.
    /// </summary>
    internal int[] WordSymbolLookup()
    {
        var lookup = new int[Itos.Max() + 1];
        Array.Fill(lookup, -1);
        for (var i = 1; i < Size; i++) lookup[Itos[i]] = i;
        return lookup;
    }

    public int Encode(char c) => Stoi.TryGetValue(c, out var i)
        ? i
        : throw new ArgumentException($"'{c}' (U+{(int)c:X4}) is not in the vocabulary of {Size} symbols: {this}", nameof(c));

    public int[] Encode(string word) => word.Select(Encode).ToArray();

    public char Decode(int index) => index >= 0 && index < Size
        ? Itos[index]
        : throw new ArgumentOutOfRangeException(nameof(index), index, $"The vocabulary has indices 0..{Size - 1}.");

    public string Decode(IEnumerable<int> indices) => new(indices.Select(Decode).ToArray());

    public override string ToString() => Symbols;
}
