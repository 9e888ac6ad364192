namespace Makemore.Cli;

/// <summary>
/// How high the order of a model over V symbols may go: the library's limits and rules
/// (<see cref="CountingModel.CheckOrder(int, int)"/>, <see cref="NeuralNGram.CheckOrder(int, int)"/>), not a copy of them.
/// </summary>
static class OrderLimit
{
    public static bool Fits(ModelKind kind, int vocabularySize, int order) => kind == ModelKind.Counting
        ? CountingModel.FitsOrder(vocabularySize, order)
        : NeuralNGram.FitsOrder(vocabularySize, order);

    /// <summary>The library's check of the order for this kind of model; its <see cref="ArgumentRule"/> names the highest order.</summary>
    public static void Check(ModelKind kind, int vocabularySize, int order)
    {
        if (kind == ModelKind.Counting) CountingModel.CheckOrder(vocabularySize, order);
        else NeuralNGram.CheckOrder(vocabularySize, order);
    }
}
