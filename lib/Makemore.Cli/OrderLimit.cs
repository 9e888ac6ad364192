namespace Makemore.Cli;

/// <summary>
/// How high the order of a model over V symbols may go: the library's limits (<see cref="CountingModel.FitsOrder"/>,
/// <see cref="NeuralNGram.FitsOrder"/>), reported in the words of --order.
/// </summary>
static class OrderLimit
{
    public static bool Fits(ModelKind kind, int vocabularySize, int order) => kind == ModelKind.Counting
        ? CountingModel.FitsOrder(vocabularySize, order)
        : NeuralNGram.FitsOrder(vocabularySize, order);

    public static int Highest(ModelKind kind, int vocabularySize) => kind == ModelKind.Counting
        ? CountingModel.HighestOrder(vocabularySize)
        : NeuralNGram.HighestOrder(vocabularySize);

    /// <summary>Throws a <see cref="UsageException"/> that names the highest possible order when <paramref name="order"/> is too high.</summary>
    public static void Check(ModelKind kind, int vocabularySize, int order)
    {
        if (Fits(kind, vocabularySize, order)) return;
        var size = !ContextIndex.TryCount(vocabularySize, order, out _)
            ? $"{vocabularySize}^{order} possible n-grams are more than 64-bit integers can number"
            : kind == ModelKind.Counting
                ? $"its count table would have {vocabularySize}^{order} cells, more than the {CountingModel.MaxTableCells:N0} this command builds"
                : $"its W would have {(long)(order - 1) * vocabularySize * vocabularySize:N0} weights, more than the {NeuralNGram.MaxWeights:N0} this command builds";
        throw new UsageException(
            $"--order {order} is too high for a {kind.Name()} model over the {vocabularySize} symbols of this data: {size}. " +
            $"The highest order here is {Highest(kind, vocabularySize)}.");
    }
}
