namespace Makemore.Cli;

/// <summary>
/// How high the order of a model over V symbols may go. A counting model's table has V^n cells and the network's W
/// has (n-1)·V² weights; both are held to the library's <see cref="CountingModel.MaxTableCells"/>. Any model also
/// numbers its contexts with 64-bit integers (<see cref="ContextIndex"/>), which V^n must fit.
/// </summary>
static class OrderLimit
{
    public static bool Fits(ModelKind kind, int vocabularySize, int order)
    {
        if (order < 1 || Power(vocabularySize, order) is not { } cells) return false;
        return kind == ModelKind.Counting
            ? cells <= CountingModel.MaxTableCells
            : (double)(order - 1) * vocabularySize * vocabularySize <= CountingModel.MaxTableCells;
    }

    public static int Highest(ModelKind kind, int vocabularySize)
    {
        var order = 1;
        while (Fits(kind, vocabularySize, order + 1)) order++;
        return order;
    }

    /// <summary>Throws a <see cref="CliError"/> that names the highest possible order when <paramref name="order"/> is too high.</summary>
    public static void Check(ModelKind kind, int vocabularySize, int order)
    {
        if (Fits(kind, vocabularySize, order)) return;
        var size = Power(vocabularySize, order) is null
            ? $"{vocabularySize}^{order} possible n-grams are more than 64-bit integers can number"
            : kind == ModelKind.Counting
                ? $"its count table would have {vocabularySize}^{order} cells, more than the {CountingModel.MaxTableCells:N0} this command builds"
                : $"its W would have {(long)(order - 1) * vocabularySize * vocabularySize:N0} weights, more than the {CountingModel.MaxTableCells:N0} this command builds";
        throw new CliError(
            $"--order {order} is too high for a {kind.Name()} model over the {vocabularySize} symbols of this data: {size}. " +
            $"The highest order here is {Highest(kind, vocabularySize)}.");
    }

    static long? Power(int b, int exponent)
    {
        try
        {
            long result = 1;
            for (var i = 0; i < exponent; i++) result = checked(result * b);
            return result;
        }
        catch (OverflowException)
        {
            return null;
        }
    }
}
