using System.Globalization;

namespace Makemore.Cli;

/// <summary>
/// Interpolated modified Kneser–Ney smoothing of the n-gram counts (<see cref="KneserNeyModel"/>): nothing to set, the
/// discounts are estimated from the training counts. Its file holds the counts, as a counting model's does, and the
/// model is estimated again from them when loaded (the same numbers: the estimate has no randomness).
/// </summary>
sealed class KneserNeyKind : ModelKind<KneserNeyModel>
{
    public override string Name => "kneser-ney";
    public override string Summary => "the counts with interpolated modified Kneser–Ney smoothing, the best classic n-gram smoothing (no knob to tune)";
    public override int FileVersion => 2;

    public override bool FitsOrder(int vocabularySize, int order) => KneserNeyModel.FitsOrder(vocabularySize, order);
    public override void CheckOrder(int vocabularySize, int order) => KneserNeyModel.CheckOrder(vocabularySize, order);

    public override INGramModel Train(NGramCounts counts, TrainingRun run)
    {
        var model = KneserNeyModel.Fit(counts);
        var top = model.Discounts[^1];
        var how = top.Estimated ? "estimated from the training counts" : "KenLM's fallback: too few n-grams to estimate them";
        Console.WriteLine($"model    {Describe(counts.Order)}, interpolated modified Kneser–Ney; " +
                          string.Create(CultureInfo.InvariantCulture, $"discounts of order {top.Order}: D1 {top.D1:F3}, D2 {top.D2:F3}, D3+ {top.D3Plus:F3} ({how})"));
        return model;
    }

    protected override ModelFileContent Save(KneserNeyModel model, ModelFileContent content)
    {
        var counts = model.Counts;
        var entries = Enumerable.Range(0, counts.Distinct).Select(i => (counts.Contexts[i], counts.Next[i], counts.Counts[i]));
        return content with { Counts = ModelFile.CountsField(model.Vocabulary, model.Order, entries) };
    }

    public override INGramModel Load(ModelFileContent content, Vocabulary vocabulary, int order) =>
        KneserNeyModel.Fit(ModelFile.ReadCounts(content, vocabulary, order));
}
