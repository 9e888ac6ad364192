using TorchSharp;
using static TorchSharp.torch;

namespace Makemore;

/// <summary>
/// Samples exactly the words the lesson got from torch.multinomial(p, num_samples=1, replacement=True, generator=g)
/// (PyTorch before 2.1.1): per symbol, one float64 uniform u from the generator, then the first index whose
/// cumulative probability reaches u. With g = Generator(2147483647) and the k = 1 bigram model: "mor.", "axx.",
/// "minaymoryles.", "kondlaisah.", "anchshizarie.". Works for any model and order.
/// </summary>
public static class LessonSampler
{
    public const int DefaultMaxLength = SamplingLoop.DefaultMaxLength;

    /// <summary>
    /// <paramref name="count"/> words, each ending in '.' unless cut off after <paramref name="maxLength"/> symbols.
    /// Allocates no tensor per symbol: uniforms come in batches and each context's distribution is prepared once,
    /// yet every word and the generator's state afterwards are those of drawing one uniform per symbol.
    /// </summary>
    public static IReadOnlyList<string> Sample(INGramModel model, Generator generator, int count, int maxLength = DefaultMaxLength)
    {
        using var uniforms = new UniformDraws(generator);
        return SamplingLoop.Run(model, count, maxLength, p => Cdf(p), cdf => Pick(cdf, uniforms.Next()));
    }

    /// <summary>
    /// One draw from a probability vector (float32 [V] or [1, V], need not sum to 1), in place of the lesson's
    /// torch.multinomial(p, num_samples=1, replacement=True, generator=g).item().
    /// </summary>
    public static int Draw(Tensor probabilities, Generator generator)
    {
        if (probabilities.dtype != ScalarType.Float32 || probabilities.numel() == 0 || probabilities.shape.Count(d => d != 1) > 1)
            throw new ArgumentException($"A probability vector is float32 [V] or [1, V], not {probabilities.dtype} [{string.Join(", ", probabilities.shape)}].", nameof(probabilities));
        using var contiguous = probabilities.contiguous();
        var cdf = Cdf(contiguous.data<float>().ToArray());
        using var u = rand(1, dtype: ScalarType.Float64, generator: generator);
        return Pick(cdf, u.item<double>());
    }

    /// <summary>
    /// The old kernel's cumulative distribution: running sums in float32, divided by the total (so the
    /// probabilities need not sum to 1), the last entry set to exactly 1.
    /// </summary>
    public static float[] Cdf(ReadOnlySpan<float> probabilities)
    {
        var cdf = new float[probabilities.Length];
        var sum = 0f;
        for (var i = 0; i < probabilities.Length; i++)
        {
            var p = probabilities[i];
            if (!(p >= 0 && float.IsFinite(p)))
                throw new ArgumentException($"Probabilities are finite and not negative; entry {i} is {p}.", nameof(probabilities));
            sum += p;
            cdf[i] = sum;
        }
        if (!(sum > 0)) throw new ArgumentException("The probabilities sum to 0: there is nothing to draw.", nameof(probabilities));
        for (var i = 0; i < cdf.Length; i++) cdf[i] /= sum;
        cdf[^1] = 1;
        return cdf;
    }

    /// <summary>The first index whose cumulative probability is at least <paramref name="u"/> (a binary search, as the old kernel did).</summary>
    public static int Pick(ReadOnlySpan<float> cdf, double u)
    {
        int left = 0, right = cdf.Length;
        while (left < right)
        {
            var middle = left + (right - left) / 2;
            if (cdf[middle] < u) left = middle + 1;
            else right = middle;
        }
        return left;
    }
}
