namespace Makemore.Cli;

/// <summary>
/// A model together with what it was trained on: the name of the word list and its training words (the samples that
/// are among them get marked). What the model file holds; owns the model.
/// </summary>
sealed class TrainedModel(INGramModel model, string source, IReadOnlyList<string> trainingWords) : IDisposable
{
    public INGramModel Model { get; } = model;
    public ModelKind Kind { get; } = ModelKinds.Of(model);
    /// <summary>The file name of the word list it was trained on.</summary>
    public string Source { get; } = source;
    public IReadOnlyList<string> TrainingWords { get; } = trainingWords;

    public string Description => ModelKinds.Describe(Kind, Model.Order);

    public void Dispose() => ((IDisposable)Model).Dispose();
}
