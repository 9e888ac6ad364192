using TorchSharp;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace Makemore;

/// <summary>
/// Samples words with today's torch.multinomial(p, 1, replacement: true, generator: g), one draw per symbol. Since
/// PyTorch 2.1.1 (TorchSharp 0.107 included) a single sample is drawn differently, so these are not the lesson's
/// words; <see cref="LessonSampler"/> gives those.
/// </summary>
public static class MultinomialSampler
{
    /// <summary>
    /// <paramref name="count"/> words, each ending in '.' unless cut off after <paramref name="maxLength"/> symbols.
    /// torch.multinomial draws one sample as argmax(p / q), with q drawn by exponential_(1, g) into a tensor shaped like
    /// p. This does the same draw into one reused tensor and takes the quotient and argmax in C# (the same float32
    /// division, the first maximum), so every word and the generator's state are those of torch.multinomial, without
    /// its checks of the row on every call (each row is checked once) and about three times as fast.
    /// </summary>
    public static IReadOnlyList<string> Sample(INGramModel model, Generator generator, int count, int maxLength = LessonSampler.DefaultMaxLength)
    {
        using var q = empty(model.Vocabulary.Size, ScalarType.Float32);
        return SamplingLoop.Run(model, count, maxLength, p => p, p =>
        {
            q.exponential_(1, generator: generator);
            using var drawn = q.data<float>();
            return ArgmaxOfQuotient(p, drawn);
        });
    }

    // argmax(p / q) as torch computes it: float32 quotients, the first index of the largest, the first NaN if any.
    static int ArgmaxOfQuotient(float[] p, TensorAccessor<float> q)
    {
        var best = 0;
        var largest = float.NegativeInfinity;
        for (var i = 0; i < p.Length; i++)
        {
            var quotient = p[i] / q[i];
            if (float.IsNaN(quotient)) return i;
            if (quotient > largest) (best, largest) = (i, quotient);
        }
        return best;
    }
}
