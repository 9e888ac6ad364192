namespace Makemore;

/// <summary>
/// What the lesson's network and its variants share: one weight matrix W, logits computed from it for each context,
/// and probabilities that are the logits' softmax. <see cref="NeuralNGram"/> adds one row of W per context symbol,
/// <see cref="ContextNet"/> picks one row per whole context. The model owns W: dispose it to free it.
/// </summary>
public abstract class NeuralModel : INGramModel
{
    private protected NeuralModel(Vocabulary vocabulary, int order, Tensor w)
    {
        Vocabulary = vocabulary;
        Order = order;
        W = w.DetachFromDisposeScope();
    }

    public int Order { get; }
    public Vocabulary Vocabulary { get; }
    /// <summary>The weights, float32 [rows, V]; the model's type says which rows a context's logits take.</summary>
    public Tensor W { get; }

    /// <summary>Logits, float32 [B, V], of contexts int64 [B, n-1].</summary>
    public abstract Tensor Logits(Tensor contexts);

    /// <summary>The softmax of the logits, computed as the lesson does (exp, then divide by the row sum), without grad.</summary>
    public Tensor Probabilities(Tensor contexts)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        return NeuralForward.Softmax(Logits(contexts)).MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    public abstract float[] NextProbabilities(long context);

    /// <summary>A float32 copy of <paramref name="weights"/>, outside any graph, once they have the model's shape.</summary>
    private protected static Tensor CopyOfWeights(Tensor weights, long rows, Vocabulary vocabulary, int order, string model)
    {
        long[] shape = [rows, vocabulary.Size];
        if (!weights.shape.SequenceEqual(shape))
            throw new ArgumentException(
                $"An order-{order} {model} over {vocabulary.Size} symbols has W of shape [{string.Join(", ", shape)}], not [{string.Join(", ", weights.shape)}].", nameof(weights));
        return weights.detach().to_type(ScalarType.Float32, copy: true);
    }

    public void Dispose()
    {
        W.Dispose();
        GC.SuppressFinalize(this);
    }
}
