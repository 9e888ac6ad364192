using System.CommandLine;

namespace Makemore.Cli;

/// <summary>The counting model: the n-gram counts with add-k smoothing (<see cref="CountingModel"/>).</summary>
sealed class CountingKind : ModelKind<CountingModel>
{
    static readonly Option<double> Smoothing = new Option<double>("--smoothing", "-k")
    {
        HelpName = "k",
        Description = $"Counting models: k, added to every count before normalising (0: none; at most {CountingModel.MaxSmoothing:0e0}).",
        DefaultValueFactory = _ => 1.0,
    }.Number();

    public override string Name => "counting";
    public override string Summary => "count the n-grams and smooth the counts";
    public override IReadOnlyList<Option> Options => [Smoothing];

    public override bool FitsOrder(int vocabularySize, int order) => CountingModel.FitsOrder(vocabularySize, order);
    public override void CheckOrder(int vocabularySize, int order) => CountingModel.CheckOrder(vocabularySize, order);

    public override void CheckOptions(ParseResult parse, int order)
    {
        var smoothing = parse.GetValue(Smoothing);
        OptionValues.Check(parse, () => CountingModel.CheckSmoothing(smoothing), ("smoothing", Smoothing));
    }

    public override INGramModel Train(NGramCounts counts, TrainingRun run)
    {
        var smoothing = run.Parse.GetValue(Smoothing);
        Console.WriteLine($"model    {Describe(counts.Order)}, smoothing k = {smoothing}");
        return CountingModel.Fit(counts, smoothing);
    }

    protected override string Settings(CountingModel model) => $", smoothing k = {model.Smoothing}";

    protected override string? LossNote(CountingModel model, double loss) => double.IsInfinity(loss)
        ? model.Smoothing == 0
            ? "infinite: these words have an n-gram the training words never have, and smoothing 0 makes it impossible"
            : $"infinite: with smoothing k = {model.Smoothing}, float32 rounds the probability of an n-gram of these words to 0"
        : null;

    protected override ModelFileContent Save(CountingModel model, ModelFileContent content)
    {
        var v = model.Vocabulary.Size;
        var cells = model.N.data<int>().ToArray();
        var entries = Enumerable.Range(0, cells.Length).Where(cell => cells[cell] != 0).Select(cell => (cell / (long)v, cell % v, cells[cell]));
        return content with { Smoothing = model.Smoothing, Counts = ModelFile.CountsField(model.Vocabulary, model.Order, entries) };
    }

    public override INGramModel Load(ModelFileContent content, Vocabulary vocabulary, int order)
    {
        if (content.Smoothing is not { } smoothing || !IsSmoothing(smoothing))
            throw new FormatException("\"smoothing\" is not a number of 0 or more");
        return CountingModel.Fit(ModelFile.ReadCounts(content, vocabulary, order), smoothing);
    }

    // The library's rule for k, whatever message it would give: the file only says whether it is damaged.
    static bool IsSmoothing(double smoothing)
    {
        try
        {
            CountingModel.CheckSmoothing(smoothing);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }
}
