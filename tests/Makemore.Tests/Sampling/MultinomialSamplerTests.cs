using static TorchSharp.torch;

namespace Makemore.Tests.Sampling;

public class MultinomialSamplerTests
{
    [Fact]
    public void IsTodaysMultinomialOnePerSymbol()
    {
        Torch.Ready();
        string[] words = ["emma", "olivia", "ava", "isabella", "sophia", "mia", "amelia"];
        var vocabulary = Vocabulary.FromWords(words);
        using var model = CountingModel.Fit(words, vocabulary, order: 2, smoothing: 1);
        using var g1 = new Generator(11);
        using var g2 = new Generator(11);
        var expected = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            var word = "";
            long ix = 0;
            do
            {
                using var p = model.P[ix];
                using var drawn = multinomial(p, 1, replacement: true, generator: g1);
                ix = drawn.item<long>();
                word += vocabulary.Decode((int)ix);
            } while (ix != 0);
            expected.Add(word);
        }
        Assert.Equal(expected, MultinomialSampler.Sample(model, g2, 10));
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(3, 0)] // rows with zeros: never drawn
    public void DrawsWhatTorchMultinomialDrawsAndLeavesTheGeneratorWhereItWould(int order, int smoothing)
    {
        Torch.Ready();
        string[] words = ["emma", "olivia", "ava", "isabella", "sophia", "charlotte", "mia", "amelia", "harper", "evelyn",
            "abigail", "emily", "elizabeth", "mila", "ella", "avery", "sofia", "camila", "aria", "scarlett", "xavier", "quinn"];
        var vocabulary = Vocabulary.FromWords(words);
        using var model = CountingModel.Fit(words, vocabulary, order, smoothing);
        using var g1 = new Generator(2147483647);
        using var g2 = new Generator(2147483647);
        var expected = new List<string>();
        for (var i = 0; i < 300; i++)
        {
            var context = new long[order - 1];
            var word = "";
            do
            {
                using var scope = NewDisposeScope();
                var p = model.Probabilities(tensor(context, [1, order - 1]))[0];
                var next = multinomial(p, 1, replacement: true, generator: g1).item<long>();
                word += vocabulary.Decode((int)next);
                context = [.. context.Skip(1), next];
            } while (!word.EndsWith('.'));
            expected.Add(word);
        }

        Assert.Equal(expected, MultinomialSampler.Sample(model, g2, 300));
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
