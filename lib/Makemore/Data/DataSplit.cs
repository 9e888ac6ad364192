using static TorchSharp.torch;

namespace Makemore;

/// <summary>
/// Words shuffled by a seeded permutation and cut into training, development (dev/validation) and test sets, by
/// default 80/10/10. The permutation is torch.randperm with a seeded generator, so a seed always gives the same
/// split (and the same one as PyTorch with that seed). Needs torch (Notebook.Setup()).
/// </summary>
public sealed record DataSplit(IReadOnlyList<string> Train, IReadOnlyList<string> Dev, IReadOnlyList<string> Test)
{
    public const ulong DefaultSeed = 42;

    /// <param name="words">The words to split (at least three, so that every part gets one).</param>
    /// <param name="seed">The permutation's seed.</param>
    /// <param name="trainFraction">The share of the training set; the first int(train·count) shuffled words.</param>
    /// <param name="devFraction">The share of the dev set; the test set gets the rest.</param>
    public static DataSplit Of(IReadOnlyList<string> words, ulong seed = DefaultSeed, double trainFraction = 0.8, double devFraction = 0.1)
    {
        if (words.Count < 3)
            throw new ArgumentException($"Splitting needs at least 3 words, got {words.Count}.", nameof(words));
        if (!(trainFraction > 0 && devFraction > 0 && trainFraction + devFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(trainFraction),
                $"The train ({trainFraction}) and dev ({devFraction}) fractions must be positive and leave room for a test set.");
        var trainEnd = (int)(trainFraction * words.Count);
        var devEnd = (int)((trainFraction + devFraction) * words.Count);
        if (trainEnd == 0 || devEnd == trainEnd || devEnd == words.Count)
            throw new ArgumentException($"{words.Count} words are too few for a {trainFraction}/{devFraction} split: a part would be empty.", nameof(words));

        using var generator = new Generator(seed);
        using var permutation = randperm(words.Count, generator: generator);
        var order = permutation.data<long>().ToArray();
        var shuffled = order.Select(i => words[(int)i]).ToArray();
        return new DataSplit(shuffled[..trainEnd], shuffled[trainEnd..devEnd], shuffled[devEnd..]);
    }

    public override string ToString() => $"{Train.Count:N0} train, {Dev.Count:N0} dev, {Test.Count:N0} test words";
}
