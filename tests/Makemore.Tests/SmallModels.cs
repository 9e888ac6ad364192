namespace Makemore.Tests;

/// <summary>
/// The models the sampler and next-row tests try, on seven names, by name (one theory row each): counting models of
/// orders 1 to 4, smoothed and not, Kneser–Ney models of orders 1 to 4, and both neural models of orders 2 to 4 from a
/// seeded random start, so that every context has its own distribution.
/// </summary>
public static class SmallModels
{
    static readonly string[] Words = ["emma", "olivia", "ava", "isabella", "sophia", "mia", "amelia"];
    static readonly Vocabulary Letters = Vocabulary.FromWords(Words);
    static readonly Dictionary<string, Func<INGramModel>> Makers = CreateMakers();

    /// <summary>Every model's name, as theory data.</summary>
    public static TheoryData<string> Names => new(Makers.Keys);

    /// <summary>Runs <paramref name="check"/> on a new model of that <paramref name="name"/>, then disposes it.</summary>
    public static void With(string name, Action<INGramModel> check)
    {
        var model = Makers[name]();
        try
        {
            check(model);
        }
        finally
        {
            model.Dispose();
        }
    }

    static Dictionary<string, Func<INGramModel>> CreateMakers()
    {
        var makers = new Dictionary<string, Func<INGramModel>>(StringComparer.Ordinal);
        foreach (var (order, smoothing) in new[] { (1, 0.0), (2, 1.0), (3, 0.0), (4, 0.5) })
            makers[$"counting, order {order}, k = {smoothing}"] = () => CountingModel.Fit(Words, Letters, order, smoothing);
        foreach (var order in new[] { 1, 2, 3, 4 })
            makers[$"Kneser–Ney, order {order}"] = () => KneserNeyModel.Fit(NGramCounts.Of(Words, Letters, order));
        // Seed 5: every word its neural models sample ends before the sampler's length limit (which the sampler tests'
        // one-draw-per-symbol definition does not have).
        foreach (var order in new[] { 2, 3, 4 })
        {
            makers[$"NeuralNGram, order {order}"] = () => Seeded.NeuralNGram(Letters, order, seed: 5);
            makers[$"ContextNet, order {order}"] = () => Seeded.ContextNet(Letters, order, seed: 5);
        }
        return makers;
    }
}
