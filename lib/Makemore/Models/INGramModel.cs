using static TorchSharp.torch;

namespace Makemore;

/// <summary>
/// What evaluation and the samplers need from a model, counting or neural: the distribution of the next symbol
/// after each of a batch of contexts.
/// </summary>
public interface INGramModel
{
    /// <summary>n: the model looks at the n-1 previous symbols.</summary>
    int Order { get; }
    Vocabulary Vocabulary { get; }

    /// <summary>
    /// Next-symbol probabilities, float32 [B, V] with rows summing to 1, for contexts int64 [B, n-1] (symbol
    /// indices, oldest first; a vector [B] of previous symbols for bigrams).
    /// </summary>
    Tensor Probabilities(Tensor contexts);
}
