using TorchSharp;

namespace Makemore.Tests;

/// <summary>Models whose random start W comes from a fresh generator of the given seed: one seed, one start.</summary>
public static class Seeded
{
    /// <summary>The lesson's <c>torch.randn((rows, columns), generator=g)</c> with g seeded by <paramref name="seed"/>.</summary>
    public static torch.Tensor Randn(long rows, long columns, ulong seed)
    {
        using var g = new torch.Generator(seed);
        return torch.randn(rows, columns, generator: g);
    }

    public static NeuralNGram NeuralNGram(Vocabulary vocabulary, int order, ulong seed)
    {
        using var g = new torch.Generator(seed);
        return Makemore.NeuralNGram.Create(vocabulary, order, g);
    }

    public static ContextNet ContextNet(Vocabulary vocabulary, int order, ulong seed)
    {
        using var g = new torch.Generator(seed);
        return Makemore.ContextNet.Create(vocabulary, order, g);
    }
}
