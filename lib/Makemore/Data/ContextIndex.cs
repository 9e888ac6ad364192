using System.Numerics;

namespace Makemore;

/// <summary>
/// An order-n model predicts a character from the n-1 characters before it (its context). Reading a context as a
/// base-V number (the oldest character is the most significant digit) numbers the V^(n-1) contexts 0, 1, … and gives
/// each one a row of a count table: for bigrams the row is the previous character itself, for trigrams it is
/// 27·first + second, just like indexing a [27, 27, 27] table viewed as [729, 27].
/// </summary>
public static class ContextIndex
{
    /// <summary>How many contexts an order-<paramref name="order"/> model over <paramref name="vocabularySize"/> symbols distinguishes: V^(n-1).</summary>
    public static long Count(int vocabularySize, int order)
    {
        CheckOrder(order);
        if (vocabularySize < 2)
            throw new ArgumentOutOfRangeException(nameof(vocabularySize), vocabularySize, "A vocabulary has '.' and at least one character.");
        return TryCount(vocabularySize, order, out var count)
            ? count
            : throw new ArgumentOutOfRangeException(nameof(order), order,
                $"An order-{order} model over {vocabularySize} symbols has more contexts than a 64-bit index can number.");
    }

    /// <summary>
    /// <see cref="Count"/> without the exception: false when V^n, the number of possible n-grams, is more than a 64-bit
    /// integer holds (the count is V^(n-1), but one more factor is kept free so that context·V + next, the key of an
    /// n-gram, fits as well). The one place this limit is computed.
    /// </summary>
    public static bool TryCount(int vocabularySize, int order, out long count)
    {
        count = 0;
        if (order < MinOrder || vocabularySize < 2) return false;
        long power = 1;
        for (var i = 0; i < order; i++)
        {
            if (power > long.MaxValue / vocabularySize) return false;
            power *= vocabularySize;
        }
        count = power / vocabularySize;
        return true;
    }

    /// <summary>The highest order from <paramref name="lowest"/> up that <paramref name="fits"/> allows (orders fit up to a limit).</summary>
    internal static int HighestOrder(int lowest, Func<int, bool> fits)
    {
        var order = lowest;
        while (fits(order + 1)) order++;
        return order;
    }

    /// <summary>The index of one context (symbol indices, oldest first).</summary>
    public static long Of(ReadOnlySpan<int> context, int vocabularySize)
    {
        long index = 0;
        foreach (var symbol in context)
        {
            if (symbol < 0 || symbol >= vocabularySize)
                throw new ArgumentOutOfRangeException(nameof(context), symbol, $"Symbols are 0..{vocabularySize - 1}.");
            index = index * vocabularySize + symbol;
        }
        return index;
    }

    /// <summary>The indices (int64 [B]) of a batch of contexts (int64 [B, n-1]).</summary>
    public static Tensor Of(Tensor contexts, int vocabularySize)
    {
        var width = (int)contexts.shape[1];
        var powers = new long[width];
        long power = 1;
        for (var i = width - 1; i >= 0; i--, power *= vocabularySize) powers[i] = power;
        using var scope = NewDisposeScope();
        return (contexts * tensor(powers)).sum(1).MoveToOuterDisposeScope();
    }

    /// <summary>The context (symbol indices, oldest first) with the given index: the inverse of <see cref="Of(ReadOnlySpan{int}, int)"/>.</summary>
    public static int[] Decode(long index, int vocabularySize, int order)
    {
        CheckIndex(index, vocabularySize, order);
        var context = new int[order - 1];
        DecodeInto(index, vocabularySize, context);
        return context;
    }

    /// <summary>Throws unless <paramref name="index"/> numbers a context of an order-<paramref name="order"/> model: 0..V^(n-1) - 1.</summary>
    internal static void CheckIndex(long index, int vocabularySize, int order)
    {
        var count = Count(vocabularySize, order);
        if (index < 0 || index >= count)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"An order-{order} model over {vocabularySize} symbols has contexts 0..{count - 1}.");
    }

    /// <summary>
    /// Writes the context with the given index (symbol indices, oldest first) into <paramref name="context"/>, which
    /// holds n-1 symbols. The index is not checked: for loops over indices known to be valid, without an array each.
    /// </summary>
    internal static void DecodeInto<T>(long index, int vocabularySize, Span<T> context) where T : IBinaryInteger<T>
    {
        for (var i = context.Length - 1; i >= 0; i--, index /= vocabularySize) context[i] = T.CreateTruncating(index % vocabularySize);
    }

    /// <summary>The contexts with the given indices, one after another (n-1 symbols each): int64 [B·(n-1)], unchecked.</summary>
    internal static long[] DecodeAll(IReadOnlyList<long> indices, int vocabularySize, int width)
    {
        var symbols = new long[(long)indices.Count * width];
        for (var i = 0; i < indices.Count; i++) DecodeInto(indices[i], vocabularySize, symbols.AsSpan(i * width, width));
        return symbols;
    }

    /// <summary>The lowest order n of any n-gram model: 1, no context at all.</summary>
    public const int MinOrder = 1;

    /// <summary>The rule for the order n of any model: 1 or more (an <see cref="ArgumentRule"/> exception otherwise).</summary>
    public static void CheckOrder(int order)
    {
        if (order < MinOrder)
            throw ArgumentRule.OutOfRange(nameof(order), order, $"must be {MinOrder} or more (1: unigram, 2: bigram, 3: trigram, …)");
    }

    /// <summary>The indices (int64 [B]) of a batch of contexts of an order-n model, checked as <see cref="AsBatch"/> checks them.</summary>
    internal static Tensor OfBatch(Tensor contexts, int order, int vocabularySize)
    {
        using var scope = NewDisposeScope();
        return Of(AsBatch(contexts, order, vocabularySize), vocabularySize).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Checks a batch of contexts for an order-n model and returns it as int64 [B, n-1]; for bigrams a plain vector of
    /// previous characters (the lesson's xs) is accepted too.
    /// </summary>
    internal static Tensor AsBatch(Tensor contexts, int order, int vocabularySize)
    {
        if (contexts.dtype is not (ScalarType.Int64 or ScalarType.Int32 or ScalarType.Int16 or ScalarType.Int8 or ScalarType.Byte))
            throw new ArgumentException($"Contexts are integer symbol indices, not {contexts.dtype}.", nameof(contexts));
        var vector = contexts.dim() == 1 && order == 2;
        if (!vector && (contexts.dim() != 2 || contexts.shape[1] != order - 1))
            throw new ArgumentException(
                $"An order-{order} model takes contexts of shape [B, {order - 1}], not [{string.Join(", ", contexts.shape)}].", nameof(contexts));
        using var scope = NewDisposeScope();
        var batch = (vector ? contexts.unsqueeze(1) : contexts).to_type(ScalarType.Int64);
        if (batch.numel() > 0)
        {
            var (min, max) = (batch.min().item<long>(), batch.max().item<long>());
            if (min < 0 || max >= vocabularySize)
                throw new ArgumentException($"Context symbols must be 0..{vocabularySize - 1}, found {(min < 0 ? min : max)}.", nameof(contexts));
        }
        return batch.MoveToOuterDisposeScope();
    }
}
