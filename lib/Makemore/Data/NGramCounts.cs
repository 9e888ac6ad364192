namespace Makemore;

/// <summary>
/// How often each distinct (context, next symbol) pair occurs in a word list, without a tensor of all examples:
/// names.txt's 228,146 bigram examples are 627 distinct bigrams. Entries are sorted by context index, then next
/// symbol. Everything the full-batch loss of a neural n-gram needs from the data is in these counts, which is why
/// training on them (<see cref="NeuralNGram"/>'s Train, on the counts or on <see cref="ToExamples"/>, weighted distinct
/// examples) gives the same loss and gradient as all examples, and why <see cref="Evaluation"/>'s Nll of the counts
/// gives the same average NLL. Their memory grows with the
/// number of distinct n-grams, not with the number of examples.
/// </summary>
public sealed class NGramCounts
{
    // Up to this many possible n-grams (V^n) the counting goes into a flat array (64 MB of int32 at most), which is
    // several times faster than a dictionary (for the makemore dictionary target, docs/performance.md, 6); beyond it
    // only the n-grams that occur are kept.
    const long DenseLimit = 1L << 24;

    NGramCounts(Vocabulary vocabulary, int order, long[] contexts, int[] next, int[] counts, long total)
    {
        Vocabulary = vocabulary;
        Order = order;
        ContextArray = contexts;
        NextArray = next;
        CountArray = counts;
        Total = total;
    }

    public Vocabulary Vocabulary { get; }
    public int Order { get; }
    /// <summary>The context of each entry, as its <see cref="ContextIndex"/>.</summary>
    public IReadOnlyList<long> Contexts => ContextArray;
    /// <summary>The next symbol of each entry.</summary>
    public IReadOnlyList<int> Next => NextArray;
    /// <summary>How often each entry occurs (at least once).</summary>
    public IReadOnlyList<int> Counts => CountArray;
    /// <summary>The number of distinct (context, next) pairs.</summary>
    public int Distinct => CountArray.Length;
    /// <summary>The number of examples counted (the sum of <see cref="Counts"/>).</summary>
    public long Total { get; }

    // The library's own loops read the arrays directly rather than through the interfaces.
    internal long[] ContextArray { get; }
    internal int[] NextArray { get; }
    internal int[] CountArray { get; }

    public static NGramCounts Of(IReadOnlyList<string> words, Vocabulary vocabulary, int order)
    {
        ContextIndex.CheckOrder(order);
        var v = vocabulary.Size;
        // ContextIndex.Count leaves room for context·V + next (the key of an n-gram) in a long.
        var cells = ContextIndex.Count(v, order) * v;
        return cells <= DenseLimit ? OfDense(words, vocabulary, order, (int)cells) : OfSparse(words, vocabulary, order);
    }

    static NGramCounts OfDense(IReadOnlyList<string> words, Vocabulary vocabulary, int order, int cells)
    {
        var v = vocabulary.Size;
        var table = new int[cells];
        long total = 0;
        ExampleWalk.Run(words, vocabulary, order, (context, next) =>
        {
            table[context * v + next]++;
            total++;
        });
        var distinct = 0;
        foreach (var c in table) if (c != 0) distinct++;
        var (contexts, nexts, counts) = (new long[distinct], new int[distinct], new int[distinct]);
        for (int key = 0, i = 0; key < table.Length; key++)
        {
            if (table[key] == 0) continue;
            (contexts[i], nexts[i], counts[i]) = (key / v, key % v, table[key]);
            i++;
        }
        return new NGramCounts(vocabulary, order, contexts, nexts, counts, total);
    }

    static NGramCounts OfSparse(IReadOnlyList<string> words, Vocabulary vocabulary, int order)
    {
        var v = vocabulary.Size;
        var byKey = new Dictionary<long, int>();
        long total = 0;
        ExampleWalk.Run(words, vocabulary, order, (context, next) =>
        {
            var key = context * v + next;
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(byKey, key, out _)++;
            total++;
        });
        var keys = byKey.Keys.ToArray();
        Array.Sort(keys);
        var (contexts, nexts, counts) = (new long[keys.Length], new int[keys.Length], new int[keys.Length]);
        for (var i = 0; i < keys.Length; i++) (contexts[i], nexts[i], counts[i]) = (keys[i] / v, (int)(keys[i] % v), byKey[keys[i]]);
        return new NGramCounts(vocabulary, order, contexts, nexts, counts, total);
    }

    /// <summary>One example per distinct pair, weighted by its count.</summary>
    public Examples ToExamples()
    {
        var width = Order - 1;
        var x = new long[Distinct * width];
        for (var row = 0; row < Distinct; row++) ContextIndex.DecodeInto(ContextArray[row], Vocabulary.Size, x.AsSpan(row * width, width));
        return new Examples(Vocabulary, Order,
            tensor(x, [Distinct, width]), tensor(NextArray.Select(n => (long)n).ToArray()), tensor(CountArray.Select(c => (float)c).ToArray()));
    }

    /// <summary>Throws unless these counts are for a model of the given order and vocabulary.</summary>
    internal void CheckFits(INGramModel model)
    {
        if (model.Order != Order || !model.Vocabulary.Itos.SequenceEqual(Vocabulary.Itos))
            throw new ArgumentException(
                $"The counts are for order {Order} over \"{Vocabulary}\", the model is order {model.Order} over \"{model.Vocabulary}\".");
    }
}
