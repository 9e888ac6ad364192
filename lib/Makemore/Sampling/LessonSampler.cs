using System.Text;

namespace Makemore;

/// <summary>
/// Samples exactly the words the lesson got from torch.multinomial(p, num_samples=1, replacement=True, generator=g)
/// (PyTorch 1.13 and earlier; 2.0 changed it): per symbol, one float64 uniform u from the generator, then the first index whose
/// cumulative probability reaches u. With g = Generator(2147483647) and the k = 1 bigram model: "mor.", "axx.",
/// "minaymoryles.", "kondlaisah.", "anchshizarie.". Works for any model and order. <see cref="SamplingOptions"/> can
/// reshape each distribution first (temperature, top-k); the draws stay the same, so with the defaults the words are
/// the lesson's.
/// </summary>
public static class LessonSampler
{
    /// <summary>Where a word that has not ended is cut off.</summary>
    public const int DefaultMaxLength = 100;

    /// <summary>
    /// <paramref name="count"/> words, each one that ended at '.' or was cut off after <paramref name="maxLength"/>
    /// symbols; printed, they read as the lesson's ("mor."). Allocates no tensor per symbol: uniforms come in batches
    /// and each context's distribution is asked of the model once, yet every word and the generator's state afterwards
    /// are those of drawing one uniform per symbol. <paramref name="options"/> reshape each distribution before its
    /// draw (none by default).
    /// </summary>
    public static IReadOnlyList<Sample> Sample(INGramModel model, Generator generator, int count, int maxLength = DefaultMaxLength,
        SamplingOptions? options = null)
    {
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), count, "The number of words is 0 or more.");
        return [.. Words(model, generator, maxLength, options).Take(count)];
    }

    /// <summary>
    /// The same words as <see cref="Sample"/>, one at a time as each is made, for as long as the caller takes them:
    /// a word starts with n-1 '.' (context 0), each drawn character is appended and slides the context along, and the
    /// word ends at '.' (<see cref="Makemore.Sample.Ended"/>) or is cut off after <paramref name="maxLength"/> symbols.
    /// </summary>
    public static IEnumerable<Sample> Words(INGramModel model, Generator generator, int maxLength = DefaultMaxLength, SamplingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(generator);
        if (maxLength < 1) throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, "Words may have at least 1 symbol.");
        options ??= new SamplingOptions();
        options.Check();
        return Run(model, generator, maxLength, options);
    }

    static IEnumerable<Sample> Run(INGramModel model, Generator generator, int maxLength, SamplingOptions options)
    {
        var v = model.Vocabulary.Size;
        var contexts = ContextIndex.Count(v, model.Order);
        var cdfs = new Dictionary<long, float[]>();
        var word = new StringBuilder();
        using var uniforms = new UniformDraws(generator);
        while (true)
        {
            word.Clear();
            long context = 0;
            var ended = false;
            // The lesson's loop, one symbol per turn; a symbol counts towards the limit whether it is a character or the final '.'.
            for (var symbols = 0; symbols < maxLength && !ended; symbols++)
            {
                if (!cdfs.TryGetValue(context, out var cdf))
                    cdfs[context] = cdf = Cdf(options.Apply(ProbabilityRow(model, context)));
                var next = Pick(cdf, uniforms.Next());
                if (next == 0) ended = true;
                else
                {
                    word.Append(model.Vocabulary.Itos[next]);
                    context = (context * v + next) % contexts;
                }
            }
            yield return new Sample(word.ToString(), ended);
        }
    }

    static float[] ProbabilityRow(INGramModel model, long context)
    {
        var p = model.NextProbabilities(context);
        if (p.Any(x => !(x >= 0 && float.IsFinite(x))) || p.Sum() <= 0)
            throw new InvalidOperationException(
                $"The model has no probability distribution after the context \"{model.Vocabulary.Decode(ContextIndex.Decode(context, model.Vocabulary.Size, model.Order))}\" " +
                "(a context never seen by a counting model with smoothing 0?).");
        return p;
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
    internal static float[] Cdf(ReadOnlySpan<float> probabilities)
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
    internal static int Pick(ReadOnlySpan<float> cdf, double u)
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
