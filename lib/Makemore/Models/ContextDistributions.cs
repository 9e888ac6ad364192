using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Makemore;

/// <summary>
/// Weighted examples (the count statistics, <see cref="NGramCounts.ToExamples"/>) regrouped by context, as the training
/// loss needs them: each distinct context once, with targets[c, y] = the share of all examples that have context c and
/// next symbol y (float32 [C, V], summing to 1). The weighted mean cross-entropy over the rows equals
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

    public static ContextDistributions Of(Examples examples)
    {
        var weights = examples.Weights ?? throw new ArgumentException("Only weighted examples are count statistics.", nameof(examples));
        var v = examples.Vocabulary.Size;
        var width = examples.Order - 1;
        using var xData = examples.X.contiguous();
        var x = xData.data<long>().ToArray();
        using var ids = ContextIndex.Of(examples.X, v);
        var id = ids.data<long>().ToArray();
        var y = examples.Y.data<long>().ToArray();
        var w = weights.data<float>().ToArray();
        var total = w.Sum(c => (double)c);
        // Bigrams: slot = the context symbol itself, all V of them (a context never seen has zero targets, which adds
        // nothing to the loss or the gradient). Longer contexts: one slot per distinct context, in order of appearance.
        var slots = new Dictionary<long, int>();
        var firstRows = new List<int>();
        var rowSlots = new int[y.Length];
        for (var row = 0; row < y.Length; row++)
        {
            if (width == 1) rowSlots[row] = (int)id[row];
            else if (!slots.TryGetValue(id[row], out rowSlots[row]))
            {
                rowSlots[row] = slots[id[row]] = firstRows.Count;
                firstRows.Add(row);
            }
        }
        var count = width == 1 ? v : firstRows.Count;
        var shares = new double[count * v];
        for (var row = 0; row < y.Length; row++) shares[rowSlots[row] * v + y[row]] += w[row] / total;
        var targets = tensor(shares.Select(s => (float)s).ToArray(), [count, v]);
        if (width == 1) return new ContextDistributions(null, targets);
        var contexts = firstRows.SelectMany(row => x.AsSpan(row * width, width).ToArray()).ToArray();
        return new ContextDistributions(tensor(contexts, [count, width]), targets);
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
