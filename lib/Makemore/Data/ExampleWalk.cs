namespace Makemore;

/// <summary>
/// The one loop behind examples, count tables and n-gram counts: every word, padded with n-1 leading '.' and one
/// trailing '.', yields one (context, next symbol) example per character plus one for the final '.'. The context is
/// carried as its <see cref="ContextIndex"/>, rolled forward one symbol at a time, so no window is copied.
/// Counting all of names.txt's bigrams into a table takes about 1 ms.
/// </summary>
internal static class ExampleWalk
{
    /// <summary>Calls <paramref name="visit"/>(context index, next symbol) for every example, in word order.</summary>
    public static void Run(IReadOnlyList<string> words, Vocabulary vocabulary, int order, Action<long, int> visit)
    {
        CheckNotEmpty(words);
        var v = vocabulary.Size;
        var width = order - 1;
        // The weight of the oldest context symbol, V^(n-2): dropping it and shifting in the next symbol rolls the
        // context forward without a division.
        var oldestWeight = width == 0 ? 0 : ContextIndex.Count(v, order) / v;
        var lookup = vocabulary.WordSymbolLookup();
        var symbols = new int[16];
        foreach (var word in words)
        {
            if (symbols.Length < word.Length) symbols = new int[word.Length * 2];
            for (var i = 0; i < word.Length; i++) symbols[i] = Symbol(lookup, word, i, vocabulary);
            long context = 0; // n-1 times '.', which is symbol 0
            for (var i = 0; i <= word.Length; i++)
            {
                var next = i == word.Length ? 0 : symbols[i];
                visit(context, next);
                if (width == 0) continue;
                var oldest = i >= width ? symbols[i - width] : 0;
                context = (context - oldest * oldestWeight) * v + next;
            }
        }
    }

    /// <summary>How many examples the words give: one per character and one for each word's end.</summary>
    public static long CountExamples(IReadOnlyList<string> words)
    {
        CheckNotEmpty(words);
        long total = 0;
        foreach (var word in words) total += word.Length + 1;
        return total;
    }

    static void CheckNotEmpty(IReadOnlyList<string> words)
    {
        if (words.Count == 0) throw new ArgumentException("The word list is empty.", nameof(words));
    }

    static int Symbol(int[] lookup, string word, int i, Vocabulary vocabulary)
    {
        var c = word[i];
        var symbol = c < lookup.Length ? lookup[c] : -1;
        if (symbol < 0) // the reserved '.' or a character outside the vocabulary: the vocabulary says which
#pragma warning disable CA2208 // "words" is the argument of the public methods that walk the words, which this serves
            throw new ArgumentException(
                $"\"{word}\" contains {Vocabulary.ReservedProblem(c) ?? $"'{c}' (U+{(int)c:X4}), which is not a character of the vocabulary \"{vocabulary}\""}.", "words");
#pragma warning restore CA2208
        return symbol;
    }
}
