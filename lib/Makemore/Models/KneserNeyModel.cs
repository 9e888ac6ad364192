namespace Makemore;

/// <summary>
/// Interpolated modified Kneser–Ney smoothing (Chen and Goodman, 1998, as KenLM and SRILM build their best n-gram
/// models), estimated from the n-gram counts of the training words alone: no knob to tune on dev.
/// <para>
/// Every order m from n down to 1 gets its own table of m-grams. Order n keeps the raw counts. A lower order keeps
/// <b>continuation counts</b>: the count of the m-gram "ab" is the number of distinct symbols x for which "xab" occurs,
/// so a character that follows many different contexts counts for more than one that is frequent after a single one.
/// '.' in a context only ever comes from the padding at the start of a word (it plays KenLM's &lt;s&gt;): an m-gram
/// whose context starts with one '.' has no left extension, so it keeps its raw count at any order; one whose context
/// starts with two or more '.' is the same word start as the shorter m-gram with one '.', so it is left to that order
/// (its context passes straight through, as KenLM's sentence start does).
/// </para>
/// <para>
/// Each order subtracts a discount from every count it keeps: D1 from a count of 1, D2 from a count of 2, D3+ from
/// any larger one. They are estimated from that order's count-of-counts n1…n4 (how many m-grams have the count 1…4):
/// Y = n1 / (n1 + 2·n2), D1 = 1 − 2·Y·n2/n1, D2 = 2 − 3·Y·n3/n2, D3+ = 3 − 4·Y·n4/n3 (Chen and Goodman's equation 26,
/// KenLM's estimate). When n1, n2 or n3 is 0 (a small word list), or a discount falls outside (0, k], the order takes
/// KenLM's fallback discounts 0.5, 1 and 1.5 (<see cref="KneserNeyDiscounts.Estimated"/> is false).
/// </para>
/// <para>
/// The probability of symbol w after the context h, at order m:
/// p_m(w | h) = max(c(hw) − D(c(hw)), 0) / c(h) + γ(h) · p_{m−1}(w | h without its oldest symbol), where c(hw) is the
/// order's count of hw, c(h) the sum of its counts after h, and γ(h) = (D1·N1(h) + D2·N2(h) + D3+·N3+(h)) / c(h) the
/// mass the discounts took (N_k(h): how many symbols follow h with count k, or 3 and more). A context the order never
/// saw passes p_{m−1} on unchanged. Below order 1 is the uniform distribution 1/V, so every symbol of the vocabulary
/// has a probability above 0 and each context's probabilities sum to 1.
/// </para>
/// The model keeps only the m-grams that occur, so its memory grows with the distinct n-grams of the training words.
/// It holds no tensors: disposing it frees nothing.
/// </summary>
public sealed class KneserNeyModel : INGramModel
{
    /// <summary>KenLM's fallback discounts D1, D2, D3+ for an order whose count-of-counts give none.</summary>
    public static readonly (double D1, double D2, double D3Plus) FallbackDiscounts = (0.5, 1.0, 1.5);

    readonly Level[] levels;
    readonly long[] contextsOfOrder; // V^(m-1) for order m = index + 1: the number of contexts of each order

    KneserNeyModel(NGramCounts counts, Level[] levels)
    {
        Counts = counts;
        this.levels = levels;
        contextsOfOrder = [.. Enumerable.Range(1, Order).Select(m => ContextIndex.Count(Vocabulary.Size, m))];
    }

    public int Order => Counts.Order;
    public Vocabulary Vocabulary => Counts.Vocabulary;
    /// <summary>The order-n counts the model was estimated from (what a saved model keeps).</summary>
    public NGramCounts Counts { get; }
    /// <summary>The discounts of each order, order 1 first, with the count-of-counts they were estimated from.</summary>
    public IReadOnlyList<KneserNeyDiscounts> Discounts => [.. levels.Select(l => l.Discounts)];

    /// <summary>The model of the n-gram counts of the training words: the order is theirs.</summary>
    public static KneserNeyModel Fit(NGramCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Distinct == 0) throw new ArgumentException("There are no n-grams to estimate from.", nameof(counts));
        CheckOrder(counts.Vocabulary.Size, counts.Order);
        var v = counts.Vocabulary.Size;
        var n = counts.Order;
        var levels = new Level[n];
        // All m-grams that occur (the m-symbol endings of the n-grams), each with its raw count and its number of
        // distinct left extensions, from order n down.
        var grams = new long[counts.Distinct];
        var raw = new long[counts.Distinct];
        for (var i = 0; i < grams.Length; i++) (grams[i], raw[i]) = (counts.ContextArray[i] * v + counts.NextArray[i], counts.CountArray[i]);
        var extensions = new long[grams.Length]; // unused at order n, whose counts are raw
        for (var m = n; m >= 1; m--)
        {
            levels[m - 1] = Level.Of(m, n, v, grams, raw, extensions);
            if (m > 1) (grams, raw, extensions) = Endings(grams, raw, ContextIndex.Count(v, m));
        }
        return new KneserNeyModel(counts, levels);
    }

    /// <summary>
    /// The (m−1)-grams that end the m-grams (each m-gram's key modulo V^(m−1)), sorted, with their raw counts summed and
    /// the number of m-grams they end: their distinct left extensions.
    /// </summary>
    static (long[] Grams, long[] Raw, long[] Extensions) Endings(long[] grams, long[] raw, long shorterGrams)
    {
        var endings = Array.ConvertAll(grams, g => g % shorterGrams);
        var counts = (long[])raw.Clone();
        Array.Sort(endings, counts);
        var distinct = 0;
        for (var i = 0; i < endings.Length; i++) if (i == 0 || endings[i] != endings[i - 1]) distinct++;
        var (outGrams, outRaw, outExtensions) = (new long[distinct], new long[distinct], new long[distinct]);
        for (int i = 0, j = -1; i < endings.Length; i++)
        {
            if (i == 0 || endings[i] != endings[i - 1]) outGrams[++j] = endings[i];
            outRaw[j] += counts[i];
            outExtensions[j]++;
        }
        return (outGrams, outRaw, outExtensions);
    }

    /// <summary>The rows of probabilities of the contexts, float32 [B, V].</summary>
    public Tensor Probabilities(Tensor contexts)
    {
        var v = Vocabulary.Size;
        long[] indices;
        using (var contextIndices = ContextIndex.OfBatch(contexts, Order, v)) indices = contextIndices.data<long>().ToArray();
        var probabilities = new float[indices.LongLength * v];
        var row = new double[v];
        for (var i = 0; i < indices.Length; i++)
        {
            Row(indices[i], row);
            for (var w = 0; w < v; w++) probabilities[(long)i * v + w] = (float)row[w];
        }
        return tensor(probabilities, [indices.Length, v]);
    }

    /// <summary>The probabilities after the context with this <see cref="ContextIndex"/>, the same numbers as its row of <see cref="Probabilities"/>.</summary>
    public float[] NextProbabilities(long context)
    {
        ContextIndex.CheckIndex(context, Vocabulary.Size, Order);
        var row = new double[Vocabulary.Size];
        Row(context, row);
        return Array.ConvertAll(row, p => (float)p);
    }

    // The interpolation in float64, unrolled from the top: order m's discounted counts enter with the product of the γ
    // of the orders above it that know the context (its last m-1 symbols), and the uniform 1/V with the product of all.
    // The same sum as scaling the row by γ at each order, but each order touches only its own entries.
    void Row(long context, double[] row)
    {
        Array.Clear(row);
        var weight = 1.0;
        for (var m = Order; m >= 1; m--)
        {
            var level = levels[m - 1];
            var slot = Array.BinarySearch(level.Contexts, context % contextsOfOrder[m - 1]);
            if (slot < 0) continue;
            for (var e = level.Starts[slot]; e < level.Starts[slot + 1]; e++) row[level.Next[e]] += weight * level.Discounted[e];
            weight *= level.Backoff[slot];
        }
        var uniform = weight / row.Length;
        for (var w = 0; w < row.Length; w++) row[w] += uniform;
    }

    public void Dispose()
    {
    }

    /// <summary>
    /// Whether this library builds a Kneser–Ney model of order <paramref name="order"/> over <paramref name="vocabularySize"/>
    /// symbols: order 1 or more, with contexts that can be numbered (<see cref="ContextIndex.TryCount"/>). Its memory
    /// depends on the distinct n-grams, not on the order.
    /// </summary>
    public static bool FitsOrder(int vocabularySize, int order) => ContextIndex.TryCount(vocabularySize, order, out _);

    /// <summary>The highest order a Kneser–Ney model over <paramref name="vocabularySize"/> symbols may have.</summary>
    public static int HighestOrder(int vocabularySize) => ContextIndex.HighestOrder(ContextIndex.MinOrder, order => FitsOrder(vocabularySize, order));

    /// <summary>
    /// The rule for the order of a Kneser–Ney model over <paramref name="vocabularySize"/> symbols, checked here only: 1
    /// or more and at most <see cref="HighestOrder"/>. Throws an <see cref="ArgumentRule"/> exception that names the
    /// highest order.
    /// </summary>
    public static void CheckOrder(int vocabularySize, int order)
    {
        ContextIndex.CheckOrder(order);
        if (FitsOrder(vocabularySize, order)) return;
        throw ArgumentRule.OutOfRange(nameof(order), order,
            $"must be at most {HighestOrder(vocabularySize)} for a Kneser–Ney model over {vocabularySize} symbols " +
            $"({vocabularySize}^{order} possible n-grams are more than 64-bit integers can number)");
    }

    /// <summary>
    /// One order m: its contexts (sorted <see cref="ContextIndex"/> numbers of m−1 symbols), each with the range
    /// Starts[i]..Starts[i+1] of its entries (next symbol and discounted probability (c − D(c)) / c(h)) and its γ.
    /// </summary>
    sealed class Level
    {
        public required long[] Contexts { get; init; }
        public required int[] Starts { get; init; }
        public required int[] Next { get; init; }
        public required double[] Discounted { get; init; }
        public required double[] Backoff { get; init; }
        public required KneserNeyDiscounts Discounts { get; init; }

        /// <summary>
        /// Order <paramref name="m"/> of an order-<paramref name="n"/> model from all m-grams that occur (sorted keys
        /// context·V + next), their raw counts and their numbers of distinct left extensions.
        /// </summary>
        public static Level Of(int m, int n, int v, long[] grams, long[] raw, long[] extensions)
        {
            // Which count each m-gram keeps; 0: it is left to a lower order (a context of two or more start '.').
            var contextSymbols = ContextIndex.Count(v, m); // V^(m-1): the weight of the m-gram's first symbol
            var kept = new long[grams.Length];
            for (var i = 0; i < grams.Length; i++)
            {
                var first = m >= 2 ? grams[i] / contextSymbols : -1;
                var second = m >= 3 ? grams[i] / (contextSymbols / v) % v : -1;
                kept[i] = first == 0 && second == 0 ? 0
                    : m == n || first == 0 ? raw[i]
                    : extensions[i];
            }

            var (n1, n2, n3, n4) = (0L, 0L, 0L, 0L);
            foreach (var count in kept)
            {
                if (count == 1) n1++;
                else if (count == 2) n2++;
                else if (count == 3) n3++;
                else if (count == 4) n4++;
            }
            var discounts = KneserNeyDiscounts.Estimate(m, n1, n2, n3, n4);

            var contexts = new List<long>();
            var starts = new List<int>();
            var next = new List<int>();
            var discounted = new List<double>();
            var backoff = new List<double>();
            for (var i = 0; i < grams.Length;)
            {
                var context = grams[i] / v;
                var first = next.Count;
                double total = 0, taken = 0;
                for (; i < grams.Length && grams[i] / v == context; i++)
                {
                    if (kept[i] == 0) continue;
                    next.Add((int)(grams[i] % v));
                    discounted.Add(kept[i] - discounts.Of(kept[i]));
                    total += kept[i];
                    taken += discounts.Of(kept[i]);
                }
                if (next.Count == first) continue;
                for (var e = first; e < next.Count; e++) discounted[e] /= total;
                contexts.Add(context);
                starts.Add(first);
                backoff.Add(taken / total);
            }
            starts.Add(next.Count);
            return new Level
            {
                Contexts = [.. contexts],
                Starts = [.. starts],
                Next = [.. next],
                Discounted = [.. discounted],
                Backoff = [.. backoff],
                Discounts = discounts,
            };
        }
    }
}

/// <summary>
/// The discounts of one order of a <see cref="KneserNeyModel"/> and the count-of-counts they were estimated from: N1…N4
/// m-grams of the order kept the count 1…4 (raw counts at the model's order, continuation counts below it).
/// </summary>
/// <param name="Order">m.</param>
/// <param name="N1">How many m-grams have the count 1.</param>
/// <param name="N2">… the count 2.</param>
/// <param name="N3">… the count 3.</param>
/// <param name="N4">… the count 4.</param>
/// <param name="D1">What is subtracted from a count of 1.</param>
/// <param name="D2">… from a count of 2.</param>
/// <param name="D3Plus">… from a count of 3 or more.</param>
/// <param name="Estimated">True when the discounts come from N1…N4; false when those give none and the order takes
/// <see cref="KneserNeyModel.FallbackDiscounts"/>.</param>
public sealed record KneserNeyDiscounts(int Order, long N1, long N2, long N3, long N4, double D1, double D2, double D3Plus, bool Estimated)
{
    /// <summary>The discount of an m-gram seen <paramref name="count"/> times (0 for 0).</summary>
    public double Of(long count) => count switch
    {
        <= 0 => 0,
        1 => D1,
        2 => D2,
        _ => D3Plus,
    };

    internal static KneserNeyDiscounts Estimate(int order, long n1, long n2, long n3, long n4)
    {
        if (n1 > 0 && n2 > 0 && n3 > 0)
        {
            var y = n1 / (n1 + 2.0 * n2);
            var (d1, d2, d3) = (1 - 2 * y * n2 / n1, 2 - 3 * y * n3 / n2, 3 - 4 * y * n4 / n3);
            // A discount of 0 would leave a context nothing to hand down, and one above its count a negative share.
            if (d1 is > 0 and <= 1 && d2 is > 0 and <= 2 && d3 is > 0 and <= 3)
                return new(order, n1, n2, n3, n4, d1, d2, d3, Estimated: true);
        }
        var (f1, f2, f3) = KneserNeyModel.FallbackDiscounts;
        return new(order, n1, n2, n3, n4, f1, f2, f3, Estimated: false);
    }
}
