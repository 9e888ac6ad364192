namespace Makemore;

/// <summary>
/// What evaluation and the samplers need from a model, counting or neural: the distribution of the next symbol
/// after each of a batch of contexts, or after one context given by its number. A model may own native memory
/// (tensors): dispose it when done.
/// </summary>
public interface INGramModel : IDisposable
{
    /// <summary>n: the model looks at the n-1 previous symbols.</summary>
    int Order { get; }
    Vocabulary Vocabulary { get; }

    /// <summary>
    /// Next-symbol probabilities, float32 [B, V] with rows summing to 1, for contexts int64 [B, n-1] (symbol
    /// indices, oldest first; a vector [B] of previous symbols for bigrams).
    /// </summary>
    Tensor Probabilities(Tensor contexts);

    /// <summary>
    /// The next-symbol probabilities after one context, given by its <see cref="ContextIndex"/> (the n-1 symbols read as
    /// a base-V number, oldest first): the model's row for it, V float32 values, the same numbers as that context's row of
    /// <see cref="Probabilities"/>. What the samplers ask, so that a context never has to be decoded into a tensor.
    /// </summary>
    float[] NextProbabilities(long context);
}
