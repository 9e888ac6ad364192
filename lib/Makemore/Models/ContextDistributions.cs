using F = TorchSharp.torch.nn.functional;

namespace Makemore;

/// <summary>
/// Count statistics (<see cref="NGramCounts"/>, or the weighted examples of <see cref="NGramCounts.ToExamples"/>)
/// grouped by context, as the training loss needs them: each distinct context once, with targets[c, y] = the share of
/// all examples that have context c and next symbol y (float32 [C, V], summing to 1). The weighted mean cross-entropy over the rows equals
/// Σ targets · -log softmax(logits of the contexts): one cross_entropy with probability targets on C rows. For bigrams
/// every symbol is a context and the logits are W itself, so a training step needs no indexing at all; that, not the
/// row count, is what makes it fast, since each tensor operation on these small sizes costs a fixed few microseconds.
/// </summary>
internal sealed class ContextDistributions : IDisposable
{
    ContextDistributions(Tensor? contexts, Tensor targets)
    {
        Contexts = contexts?.DetachFromDisposeScope();
        Targets = targets.DetachFromDisposeScope();
    }

    /// <summary>The distinct contexts, int64 [C, n-1]; null for bigrams, whose contexts are all V rows of W in order.</summary>
    public Tensor? Contexts { get; }
    public Tensor Targets { get; }

    /// <summary>
    /// The count statistics as weighted examples (the notebooks' NGramCounts.ToExamples()), rows in any order: read
    /// back from their tensors and regrouped by context in order of first appearance.
    /// </summary>
    public static ContextDistributions Of(Examples examples)
    {
        var weights = examples.Weights ?? throw new ArgumentException("Only weighted examples are count statistics.", nameof(examples));
        var v = examples.Vocabulary.Size;
        using var ids = ContextIndex.Of(examples.X, v);
        var id = ids.data<long>().ToArray();
        var y = examples.Y.data<long>().ToArray();
        var w = weights.data<float>().ToArray();
        // Bigrams: slot = the context symbol itself, all V of them (a context never seen has zero targets, which adds
        // nothing to the loss or the gradient). Longer contexts: one slot per distinct context, in order of appearance.
        var slotContexts = new List<long>();
        var rowSlots = examples.Order == 2 ? Array.ConvertAll(id, c => (int)c) : new int[id.Length];
        var slots = new Dictionary<long, int>();
        for (var row = 0; examples.Order != 2 && row < id.Length; row++)
        {
            if (slots.TryGetValue(id[row], out rowSlots[row])) continue;
            rowSlots[row] = slots[id[row]] = slotContexts.Count;
            slotContexts.Add(id[row]);
        }
        return Build(examples.Order, v, rowSlots, slotContexts, row => (int)y[row], row => w[row], w.Sum(c => (double)c));
    }

    /// <summary>
    /// The counts themselves, without a tensor in between: their entries are already sorted by context, so each
    /// distinct context is one run of entries.
    /// </summary>
    public static ContextDistributions Of(NGramCounts counts)
    {
        var (next, count) = (counts.NextArray, counts.CountArray);
        var v = counts.Vocabulary.Size;
        if (counts.Order == 2)
            return Build(2, v, Array.ConvertAll(counts.ContextArray, c => (int)c), [], row => next[row], row => count[row], counts.Total);
        var all = counts.Batches(int.MaxValue).SingleOrDefault() ?? new ContextBatch(0, [], []);
        return Build(counts.Order, v, [.. all.Slots], all.Contexts, row => next[row], row => count[row], counts.Total);
    }

    // Each row's share of all examples goes to its slot's row of targets; slotContexts says which context each slot is
    // (bigrams: none, slot = the context symbol itself).
    static ContextDistributions Build(int order, int v, int[] rowSlots, List<long> slotContexts, Func<int, int> next, Func<int, double> weight, double total)
    {
        var width = order - 1;
        var count = width == 1 ? v : slotContexts.Count;
        var shares = new double[(long)count * v];
        for (var row = 0; row < rowSlots.Length; row++) shares[(long)rowSlots[row] * v + next(row)] += weight(row) / total;
        var targets = tensor(shares.Select(s => (float)s).ToArray(), [count, v]);
        if (width == 1) return new ContextDistributions(null, targets);
        return new ContextDistributions(tensor(ContextIndex.DecodeAll(slotContexts, v, width), [count, width]), targets);
    }

    /// <summary>The weighted mean cross-entropy of the examples under W.</summary>
    public Tensor CrossEntropy(Tensor w)
    {
        using var scope = NewDisposeScope();
        var logits = Contexts is null ? w : NeuralForward.IndexedLogitsOfValid(w, Contexts);
        return F.cross_entropy(logits, Targets, reduction: nn.Reduction.Sum).MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        Contexts?.Dispose();
        Targets.Dispose();
    }
}

/// <summary>
/// The count statistics of many distinct contexts (a high order on a large word list), in chunks of contexts whose
/// logits take at most <see cref="ChunkElements"/> numbers at a time, with sparse targets: each distinct n-gram's row
/// and next symbol in its chunk, and its share of all examples. The loss is the same sum, Σ share · -log softmax, and
/// its gradient is accumulated chunk by chunk, so a step's memory stays flat whatever the number of contexts: the
/// dense targets of <see cref="ContextDistributions"/> alone would be contexts × V floats (2.7 GB for the 8-grams of
/// a 1.5-million-word dictionary).
/// </summary>
internal sealed class ChunkedDistributions : IDisposable
{
    /// <summary>The most numbers a chunk's logits (and its gathered rows of W) take: 2^22, 16 MB of float32.</summary>
    public const long ChunkElements = 1L << 22;

    readonly List<(Tensor Contexts, Tensor Entries, Tensor Shares)> chunks = [];

    ChunkedDistributions() { }

    /// <summary>Whether the counts' dense distributions (contexts × V targets) would take more than one chunk.</summary>
    public static bool Needed(NGramCounts counts) => (long)counts.DistinctContexts * counts.Vocabulary.Size > ChunkElements;

    public static ChunkedDistributions Of(NGramCounts counts)
    {
        var v = counts.Vocabulary.Size;
        var width = counts.Order - 1;
        var perChunk = (int)Math.Max(1, ChunkElements / ((long)v * Math.Max(width, 1)));
        var (next, count) = (counts.NextArray, counts.CountArray);
        var total = (double)counts.Total;
        var result = new ChunkedDistributions();
        foreach (var batch in counts.Batches(perChunk))
        {
            var entries = new long[batch.Slots.Count];
            var shares = new float[batch.Slots.Count];
            for (var i = 0; i < entries.Length; i++)
            {
                entries[i] = (long)batch.Slots[i] * v + next[batch.First + i];
                shares[i] = (float)(count[batch.First + i] / total);
            }
            result.chunks.Add((tensor(ContextIndex.DecodeAll(batch.Contexts, v, width), [batch.Contexts.Count, width]).DetachFromDisposeScope(),
                tensor(entries).DetachFromDisposeScope(), tensor(shares).DetachFromDisposeScope()));
        }
        return result;
    }

    /// <summary>
    /// The weighted mean cross-entropy under W, with its gradient added to W.grad (a backward pass per chunk, so only
    /// one chunk's graph exists at a time).
    /// </summary>
    public double Backward(Tensor w)
    {
        double loss = 0;
        foreach (var (contexts, entries, shares) in chunks)
        {
            using var scope = NewDisposeScope();
            var logp = NeuralForward.IndexedLogitsOfValid(w, contexts).log_softmax(1).flatten();
            var chunkLoss = -(logp.index_select(0, entries) * shares).sum();
            chunkLoss.backward();
            loss += chunkLoss.item<float>();
        }
        return loss;
    }

    public void Dispose()
    {
        foreach (var (contexts, entries, shares) in chunks)
        {
            contexts.Dispose();
            entries.Dispose();
            shares.Dispose();
        }
    }
}

