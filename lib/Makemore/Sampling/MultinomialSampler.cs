using TorchSharp;
using static TorchSharp.torch;

namespace Makemore;

/// <summary>
/// Samples words with today's torch.multinomial(p, 1, replacement: true, generator: g), one call per symbol. Since
/// PyTorch 2.1.1 (TorchSharp 0.107 included) a single sample is drawn differently, so these are not the lesson's
/// words; <see cref="LessonSampler"/> gives those.
/// </summary>
public static class MultinomialSampler
{
    /// <summary>
    /// <paramref name="count"/> words, each ending in '.' unless cut off after <paramref name="maxLength"/> symbols.
    /// Each context's row becomes a tensor once; what remains per symbol is torch.multinomial itself (about 90% of the
    /// time: it checks the row and draws V exponentials before taking an argmax).
    /// </summary>
    public static IReadOnlyList<string> Sample(INGramModel model, Generator generator, int count, int maxLength = LessonSampler.DefaultMaxLength)
    {
        using var rows = NewDisposeScope();
        return SamplingLoop.Run(model, count, maxLength, p => tensor(p), row =>
        {
            using var drawn = multinomial(row, 1, replacement: true, generator: generator);
            return (int)drawn.item<long>();
        });
    }
}
