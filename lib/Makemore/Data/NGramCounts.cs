using static TorchSharp.torch;

namespace Makemore;

/// <summary>
/// How often each distinct (context, next symbol) pair occurs in a word list, without a tensor of all examples:
/// names.txt's 228,146 bigram examples are 627 distinct bigrams. Entries are sorted by context index, then next
/// symbol. Everything the full-batch loss of a neural n-gram needs from the data is in these counts, which is why
/// training on <see cref="ToExamples"/> (weighted distinct examples) gives the same loss and gradient.
/// </summary>
public sealed class NGramCounts
{
    NGramCounts(Vocabulary vocabulary, int order, long[] contexts, int[] next, int[] counts, long total)
    {
        Vocabulary = vocabulary;
        Order = order;
        Contexts = contexts;
        Next = next;
        Counts = counts;
        Total = total;
    }

    public Vocabulary Vocabulary { get; }
    public int Order { get; }
    /// <summary>The context of each entry, as its <see cref="ContextIndex"/>.</summary>
    public IReadOnlyList<long> Contexts { get; }
    /// <summary>The next symbol of each entry.</summary>
    public IReadOnlyList<int> Next { get; }
    /// <summary>How often each entry occurs (at least once).</summary>
    public IReadOnlyList<int> Counts { get; }
    /// <summary>The number of distinct (context, next) pairs.</summary>
    public int Distinct => Counts.Count;
    /// <summary>The number of examples counted (the sum of <see cref="Counts"/>).</summary>
    public long Total { get; }

    public static NGramCounts Of(IReadOnlyList<string> words, Vocabulary vocabulary, int order)
    {
        ContextIndex.CheckOrder(order);
        var v = vocabulary.Size;
        var byKey = new Dictionary<long, int>();
        long total = 0;
        ExampleWalk.Run(words, vocabulary, order, (context, next) =>
        {
            // ContextIndex.Count leaves room for context·V + next in a long.
            var key = context * v + next;
            byKey[key] = byKey.GetValueOrDefault(key) + 1;
            total++;
        });
        var keys = byKey.Keys.Order().ToArray();
        return new NGramCounts(vocabulary, order,
            keys.Select(k => k / v).ToArray(), keys.Select(k => (int)(k % v)).ToArray(), keys.Select(k => byKey[k]).ToArray(), total);
    }

    /// <summary>One example per distinct pair, weighted by its count.</summary>
    public Examples ToExamples()
    {
        var width = Order - 1;
        var x = new long[Distinct * width];
        for (var row = 0; row < Distinct; row++) ContextIndex.DecodeInto(Contexts[row], Vocabulary.Size, x.AsSpan(row * width, width));
        return new Examples(Vocabulary, Order,
            tensor(x, [Distinct, width]), tensor(Next.Select(n => (long)n).ToArray()), tensor(Counts.Select(c => (float)c).ToArray()));
    }
}
