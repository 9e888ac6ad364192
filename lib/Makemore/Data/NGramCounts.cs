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

    /// <summary>
    /// Counts made earlier (for instance saved ones): each n-gram written as its n symbols, the n-1 context symbols then
    /// the next one (".em" is 'm' after the start of a word that begins with 'e', for trigrams), with how often it
    /// occurs, once each and at least 1.
    /// </summary>
    public static NGramCounts FromCounts(Vocabulary vocabulary, int order, IEnumerable<KeyValuePair<string, int>> counts)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(counts);
        ContextIndex.CheckOrder(order);
        var v = vocabulary.Size;
        _ = ContextIndex.Count(v, order); // the order's limit, before any key is computed
        var byKey = new SortedDictionary<long, int>();
        foreach (var (ngram, count) in counts)
        {
            if (ngram is null || ngram.Length != order || ngram.Any(c => !vocabulary.Stoi.ContainsKey(c)))
                throw new ArgumentException($"\"{ngram}\" is not {order} symbols of the vocabulary \"{vocabulary}\".", nameof(counts));
            if (count < 1)
                throw new ArgumentException($"the count of \"{ngram}\" is {count}; an n-gram listed occurs at least once.", nameof(counts));
            long key = 0;
            foreach (var c in ngram) key = key * v + vocabulary.Stoi[c];
            if (!byKey.TryAdd(key, count)) throw new ArgumentException($"\"{ngram}\" is counted twice.", nameof(counts));
        }
        var (contexts, nexts, values) = (new long[byKey.Count], new int[byKey.Count], new int[byKey.Count]);
        long total = 0;
        var i = 0;
        foreach (var (key, count) in byKey)
        {
            (contexts[i], nexts[i], values[i]) = (key / v, (int)(key % v), count);
            total += count;
            i++;
        }
        return new NGramCounts(vocabulary, order, contexts, nexts, values, total);
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
        return new Examples(Vocabulary, Order,
            tensor(ContextIndex.DecodeAll(ContextArray, Vocabulary.Size, width), [Distinct, width]), tensor(NextArray.Select(n => (long)n).ToArray()), tensor(CountArray.Select(c => (float)c).ToArray()));
    }

    /// <summary>The number of distinct contexts among the entries.</summary>
    internal int DistinctContexts => distinctContexts ??= ContextArray.Length == 0 ? 0
        : 1 + ContextArray.Zip(ContextArray.Skip(1)).Count(p => p.First != p.Second);

    int? distinctContexts;

    /// <summary>
    /// The entries in batches of at most <paramref name="maxContexts"/> distinct contexts, each context one run of the
    /// sorted entries, so that a batch's work (probabilities, logits) grows with its contexts, not with all of them.
    /// </summary>
    internal IEnumerable<ContextBatch> Batches(int maxContexts)
    {
        for (var entry = 0; entry < ContextArray.Length;)
        {
            var first = entry;
            var contexts = new List<long>();
            var slots = new List<int>();
            for (; entry < ContextArray.Length; entry++)
            {
                if (contexts.Count == 0 || ContextArray[entry] != contexts[^1])
                {
                    if (contexts.Count == maxContexts) break;
                    contexts.Add(ContextArray[entry]);
                }
                slots.Add(contexts.Count - 1);
            }
            yield return new ContextBatch(first, contexts, slots);
        }
    }

    /// <summary>The counts as the dense V^(n-1) × V table, flattened: cell context·V + next.</summary>
    internal int[] Table()
    {
        var v = Vocabulary.Size;
        var table = new int[ContextIndex.Count(v, Order) * v];
        for (var i = 0; i < Distinct; i++) table[ContextArray[i] * v + NextArray[i]] = CountArray[i];
        return table;
    }

    /// <summary>
    /// Throws unless these counts are for a model of order <paramref name="order"/> over <paramref name="vocabulary"/>
    /// (a model's Order and Vocabulary: the data knows no model type).
    /// </summary>
    internal void CheckFits(int order, Vocabulary vocabulary)
    {
        if (order != Order || !vocabulary.Itos.SequenceEqual(Vocabulary.Itos))
            throw new ArgumentException(
                $"The counts are for order {Order} over \"{Vocabulary}\", the model is order {order} over \"{vocabulary}\".");
    }
}

/// <summary>
/// Entries <see cref="First"/> to <see cref="End"/> (exclusive) of an <see cref="NGramCounts"/>, whose distinct
/// contexts are <see cref="Contexts"/>, in order; entry <c>First + i</c> has context <c>Contexts[Slots[i]]</c>.
/// </summary>
internal sealed record ContextBatch(int First, List<long> Contexts, List<int> Slots)
{
    public int End => First + Slots.Count;
}
