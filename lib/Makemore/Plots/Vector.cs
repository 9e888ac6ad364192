namespace Makemore;

/// <summary>The checks and conversions the charts of one value per symbol share.</summary>
internal static class Vector
{
    /// <summary>A 1-D tensor of real numbers as doubles.</summary>
    public static double[] ToDoubles(Tensor values, string parameter)
    {
        ArgumentNullException.ThrowIfNull(values, parameter);
        if (values.dim() != 1)
            throw new ArgumentException($"Expected a 1-D tensor, got shape [{string.Join(", ", values.shape)}].", parameter);
        if (values.is_complex())
            throw new ArgumentException($"Expected real numbers, got {values.dtype}.", parameter);
        using var scope = NewDisposeScope();
        return values.detach().cpu().to(ScalarType.Float64).contiguous().data<double>().ToArray();
    }

    /// <summary>One distinct label per value: category axes merge equal labels, which would hide values.</summary>
    public static string[] Labels(IEnumerable<char> symbols, int count)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        string[] labels = [.. symbols.Select(c => c.ToString())];
        if (labels.Length != count)
            throw new ArgumentException($"There are {count} values but {labels.Length} symbols.", nameof(symbols));
        if (labels.Distinct().Count() != labels.Length)
            throw new ArgumentException("The symbols must be distinct: each names one value.", nameof(symbols));
        return labels;
    }
}
