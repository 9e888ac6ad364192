using F = TorchSharp.torch.nn.functional;

namespace Makemore;

/// <summary>
/// The forward pass of the neural n-gram in the formulations the lesson and the exercises compare, each a small
/// function of the weights W (float32 [(n-1)·V, V]) and a batch of contexts (int64 [B, n-1], or the lesson's vector
/// xs for bigrams). The two ways to get logits give the same numbers, and so do the two losses (up to rounding).
/// </summary>
public static class NeuralForward
{
    /// <summary>
    /// The lesson's logits = one_hot(xs) @ W, generalised: the one-hot vectors of the n-1 context positions side by
    /// side ([B, (n-1)·V]) times W.
    /// </summary>
    public static Tensor OneHotLogits(Tensor w, Tensor contexts)
    {
        using var scope = NewDisposeScope();
        var x = Contexts(w, contexts);
        var xenc = F.one_hot(x, w.shape[1]).to_type(ScalarType.Float32).view(x.shape[0], -1);
        return xenc.matmul(w).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The same logits without the product: a one-hot row times W just picks a row of W, so the logits are the sum over
    /// positions of W[position·V + symbol] (for bigrams simply W[xs]).
    /// </summary>
    public static Tensor IndexedLogits(Tensor w, Tensor contexts)
    {
        using var scope = NewDisposeScope();
        return IndexedLogitsOfValid(w, Contexts(w, contexts)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// <see cref="IndexedLogits"/> of contexts already known to be int64 [B, n-1] symbol indices (the library's own
    /// examples): training calls it every step, and checking all 228,146 contexts each time cost more than the step
    /// itself on the 627 distinct bigrams.
    /// </summary>
    internal static Tensor IndexedLogitsOfValid(Tensor w, Tensor x)
    {
        using var scope = NewDisposeScope();
        var (batch, width, v) = (x.shape[0], x.shape[1], w.shape[1]);
        // Bigrams: the rows of W themselves, without the offsets and the sum over one position (the same numbers,
        // half the operations of a small step).
        if (width == 1) return w.index_select(0, x.view(batch)).MoveToOuterDisposeScope();
        var rows = x + arange(0, width * v, v, dtype: ScalarType.Int64);
        return w.index_select(0, rows.flatten()).view(batch, width, v).sum(1).MoveToOuterDisposeScope();
    }

    /// <summary>The lesson's softmax: exponentiate the logits into "counts" and divide each row by its sum.</summary>
    public static Tensor Softmax(Tensor logits)
    {
        using var scope = NewDisposeScope();
        var counts = logits.exp();
        return (counts / counts.sum(1, keepdim: true)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The lesson's loss: the mean negative log of the probability <see cref="Softmax"/> gives each target
    /// (-probs[arange(B), ys].log().mean()); a weighted mean when rows stand for several examples.
    /// </summary>
    public static Tensor ManualNll(Tensor logits, Tensor targets, Tensor? weights = null)
    {
        using var scope = NewDisposeScope();
        var probs = Softmax(logits);
        var nll = -probs.gather(1, targets.unsqueeze(1)).squeeze(1).log();
        return Mean(nll, weights).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// torch's cross_entropy: the same loss from the logits in one fused, numerically stable step (no overflow
    /// of exp for large logits); a weighted mean when rows stand for several examples.
    /// </summary>
    public static Tensor CrossEntropy(Tensor logits, Tensor targets, Tensor? weights = null)
    {
        if (weights is null) return F.cross_entropy(logits, targets);
        using var scope = NewDisposeScope();
        return Mean(F.cross_entropy(logits, targets, reduction: nn.Reduction.None), weights).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The lesson's regularisation: strength · mean(W²). It pulls W towards 0, i.e. the probabilities towards uniform,
    /// which is what smoothing does for the counting model.
    /// </summary>
    public static Tensor Regularization(Tensor w, double strength)
    {
        using var scope = NewDisposeScope();
        using var two = TorchScalars.Of(2);
        using var s = TorchScalars.Of(strength);
        return (w.pow(two).mean() * s).MoveToOuterDisposeScope();
    }

    /// <summary>The mean of per-example values, weighted by how many examples each row stands for.</summary>
    internal static Tensor Mean(Tensor values, Tensor? weights) => weights is null ? values.mean() : (values * weights).sum() / weights.sum();

    static Tensor Contexts(Tensor w, Tensor contexts)
    {
        if (w.dim() != 2 || w.shape[1] < 2 || w.shape[0] % w.shape[1] != 0 || w.shape[0] == 0)
            throw new ArgumentException($"W has shape [(n-1)·V, V] with n ≥ 2, not [{string.Join(", ", w.shape)}].", nameof(w));
        var order = (int)(w.shape[0] / w.shape[1]) + 1;
        return ContextIndex.AsBatch(contexts, order, (int)w.shape[1]);
    }
}
