namespace Makemore;

/// <summary>
/// Words shuffled by a seeded permutation and cut into training, development (dev/validation) and test sets, by
/// default 80/10/10. The permutation is torch.randperm with a seeded generator, so a seed always gives the same
/// split (and the same one as PyTorch with that seed). Needs torch (Notebook.Setup()).
/// </summary>
public sealed record DataSplit(IReadOnlyList<string> Train, IReadOnlyList<string> Dev, IReadOnlyList<string> Test)
{
    public const ulong DefaultSeed = 42;

    /// <param name="words">The words to split: at least <see cref="MinimumWords"/> of the fractions (10 for 80/10/10).</param>
    /// <param name="seed">The permutation's seed.</param>
    /// <param name="trainFraction">The share of the training set; the first int(train·count) shuffled words.</param>
    /// <param name="devFraction">The share of the dev set; the test set gets the rest.</param>
    public static DataSplit Of(IReadOnlyList<string> words, ulong seed = DefaultSeed, double trainFraction = 0.8, double devFraction = 0.1)
    {
        var minimum = MinimumWords(trainFraction, devFraction);
        if (words.Count < minimum)
            throw ArgumentRule.With(new ArgumentException(
                $"Splitting {trainFraction}/{devFraction} needs at least {minimum} words, so that every part's share is at least one word; got {words.Count}.", nameof(words)),
                $"must be at least {minimum} words for a {trainFraction}/{devFraction} split, so that every part's share is at least one word");
        var trainEnd = (int)(trainFraction * words.Count);
        var devEnd = (int)((trainFraction + devFraction) * words.Count);

        using var generator = new Generator(seed);
        using var permutation = randperm(words.Count, generator: generator);
        var order = permutation.data<long>().ToArray();
        var shuffled = order.Select(i => words[(int)i]).ToArray();
        return new DataSplit(shuffled[..trainEnd], shuffled[trainEnd..devEnd], shuffled[devEnd..]);
    }

    /// <summary>
    /// The fewest words a split with these fractions takes: every part's share (fraction · count) is at least one word,
    /// so 10 for 80/10/10. The one place this rule is computed.
    /// </summary>
    public static int MinimumWords(double trainFraction = 0.8, double devFraction = 0.1)
    {
        if (!(trainFraction > 0 && devFraction > 0 && trainFraction + devFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(trainFraction),
                $"The train ({trainFraction}) and dev ({devFraction}) fractions must be positive and leave room for a test set.");
        var smallest = Math.Min(Math.Min(trainFraction, devFraction), 1 - trainFraction - devFraction);
        // 1 - 0.8 - 0.1 is 0.09999999999999998 in binary floating point: the tolerance keeps 1 / 0.1 at 10.
        return (int)Math.Ceiling(1 / smallest - 1e-9);
    }

    public override string ToString() => $"{Train.Count:N0} train, {Dev.Count:N0} dev, {Test.Count:N0} test words";
}
