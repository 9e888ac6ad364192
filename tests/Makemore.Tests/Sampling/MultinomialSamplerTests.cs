using static TorchSharp.torch;

namespace Makemore.Tests.Sampling;

public class MultinomialSamplerTests
{
    /// <summary>The definition the sampler must match: one torch.multinomial(p, 1, replacement: true, g) per symbol.</summary>
    static List<string> OneMultinomialPerSymbol(CountingModel model, Generator g, int count) =>
        OneDrawPerSymbol.Sample(model, count, row =>
        {
            using var drawn = multinomial(row, 1, replacement: true, generator: g);
            return (int)drawn.item<long>();
        });

    [Fact]
    public void IsTodaysMultinomialOnePerSymbol()
    {
        Torch.Ready();
        string[] words = ["emma", "olivia", "ava", "isabella", "sophia", "mia", "amelia"];
        using var model = CountingModel.Fit(words, Vocabulary.FromWords(words), order: 2, smoothing: 1);
        using var g1 = new Generator(11);
        using var g2 = new Generator(11);
        Assert.Equal(OneMultinomialPerSymbol(model, g1, 10), MultinomialSampler.Sample(model, g2, 10));
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(3, 0)] // rows with zeros: never drawn
    public void DrawsWhatTorchMultinomialDrawsAndLeavesTheGeneratorWhereItWould(int order, int smoothing)
    {
        Torch.Ready();
        string[] words = ["emma", "olivia", "ava", "isabella", "sophia", "charlotte", "mia", "amelia", "harper", "evelyn",
            "abigail", "emily", "elizabeth", "mila", "ella", "avery", "sofia", "camila", "aria", "scarlett", "xavier", "quinn"];
        using var model = CountingModel.Fit(words, Vocabulary.FromWords(words), order, smoothing);
        using var g1 = new Generator(2147483647);
        using var g2 = new Generator(2147483647);

        Assert.Equal(OneMultinomialPerSymbol(model, g1, 300), MultinomialSampler.Sample(model, g2, 300));
        using var after1 = rand(1, dtype: ScalarType.Float64, generator: g1);
        using var after2 = rand(1, dtype: ScalarType.Float64, generator: g2);
        Assert.Equal(after1.item<double>(), after2.item<double>());
    }

    [Fact]
    public void DoesNotGiveTheLessonsNamesAnyMore()
    {
        var words = NamesData.WordsOrSkip();
        Torch.Ready();
        using var model = CountingModel.Fit(words, Vocabulary.FromWords(words), order: 2, smoothing: 1);
        using var g = new Generator(2147483647);
        var sampled = MultinomialSampler.Sample(model, g, 5);
        Assert.All(sampled, w => Assert.EndsWith(".", w));
        Assert.NotEqual(["mor.", "axx.", "minaymoryles.", "kondlaisah.", "anchshizarie."], sampled);
    }
}
