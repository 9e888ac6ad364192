namespace Makemore.Cli;

/// <summary>
/// A model of a kind, together with what it was trained on: the name of the word list and its training words (the
/// samples that are among them get marked). What the model file holds; owns the model.
/// </summary>
sealed class TrainedModel(ModelKind kind, INGramModel model, string source, IReadOnlyList<string> trainingWords) : IDisposable
{
    public ModelKind Kind { get; } = kind;
    public INGramModel Model { get; } = model;
    /// <summary>The file name of the word list it was trained on.</summary>
    public string Source { get; } = source;
    public IReadOnlyList<string> TrainingWords { get; } = trainingWords;

    public string Description => Kind.Describe(Model.Order);

    public void Dispose() => Model.Dispose();
}
