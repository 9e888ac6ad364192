namespace Makemore;

/// <summary>
/// Checks a gradient without the chain rule: nudge one entry of a parameter a little up and a little down, and see how
/// much the loss changes. The central difference (L(w + h) - L(w - h)) / 2h is off from the true derivative by a
/// term in h², so in float64 with h = 1e-5 it agrees with a correct gradient to about eight significant digits; in
/// float32 the rounding of the two losses swamps the difference, so use a float64 copy of the parameter and data.
/// </summary>
public static class GradientCheck
{
    /// <summary>
    /// The central-difference estimate of d loss / d parameter[entry]. <paramref name="loss"/> computes the loss from
    /// the parameter's current values; the entry is changed in place (outside autograd) and always put back exactly.
    /// </summary>
    public static double CentralDifference(Func<double> loss, Tensor parameter, long[] entry, double h = 1e-5)
    {
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(entry);
        if (!parameter.is_floating_point())
            throw new ArgumentException($"The parameter is {parameter.dtype}; finite differences need a floating-point tensor.", nameof(parameter));
        if (entry.Length != parameter.dim())
            throw new ArgumentException($"The entry has {entry.Length} indices but the parameter has {parameter.dim()} dimensions.", nameof(entry));
        for (var d = 0; d < entry.Length; d++)
        {
            if (entry[d] < 0 || entry[d] >= parameter.shape[d])
                throw new ArgumentOutOfRangeException(nameof(entry), $"Index {entry[d]} is outside dimension {d} of size {parameter.shape[d]}.");
        }
        if (!(h > 0) || !double.IsFinite(h)) throw new ArgumentOutOfRangeException(nameof(h), h, "The step h must be a positive number.");

        using var scope = NewDisposeScope();
        var element = parameter[entry.Select(i => TensorIndex.Single(i)).ToArray()];   // a view: writing to it writes to the parameter
        var original = element.item<double>();
        try
        {
            using (no_grad()) element.fill_(original + h);
            var up = loss();
            using (no_grad()) element.fill_(original - h);
            var down = loss();
            return (up - down) / (2 * h);
        }
        finally
        {
            using (no_grad()) element.fill_(original);
        }
    }

    /// <summary>|a - b| / max(|a|, |b|): 0 for equal numbers (also both 0), 1 when one of them is 0 and the other not.</summary>
    public static double RelativeDifference(double a, double b)
    {
        if (a == b) return 0;
        return Math.Abs(a - b) / Math.Max(Math.Abs(a), Math.Abs(b));
    }
}
