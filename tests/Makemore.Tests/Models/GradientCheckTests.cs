using static TorchSharp.torch;

namespace Makemore.Tests.Models;

public class GradientCheckTests
{
    [Fact]
    public void CentralDifferencesMatchAKnownDerivativeAndLeaveTheParameterAsItWas()
    {
        using var g = new Generator(7);
        using var w = randn(new long[] { 3, 4 }, dtype: ScalarType.Float64, generator: g);
        using var before = w.clone();
        // loss = sum(w³) + w[0, 0]·w[1, 1]: d/dw[i, j] = 3 w[i, j]² (+ the other factor on the two entries of the product)
        double Loss()
        {
            using var scope = NewDisposeScope();
            return (w.pow(3).sum() + w[0, 0] * w[1, 1]).item<double>();
        }
        var values = before.data<double>().ToArray();
        Assert.Equal(3 * values[0] * values[0] + values[5], GradientCheck.CentralDifference(Loss, w, [0, 0]), 1e-8);
        Assert.Equal(3 * values[5] * values[5] + values[0], GradientCheck.CentralDifference(Loss, w, [1, 1]), 1e-8);
        Assert.Equal(3 * values[11] * values[11], GradientCheck.CentralDifference(Loss, w, [2, 3], h: 1e-4), 1e-7);
        Assert.True(w.Equals(before), "every nudged entry is put back exactly");
    }

    [Fact]
    public void TheEntryIsPutBackAlsoWhenTheLossThrows()
    {
        using var w = tensor(new[] { 1.0, 2.0 }, requires_grad: true);
        Assert.Throws<InvalidOperationException>(() => GradientCheck.CentralDifference(() => throw new InvalidOperationException(), w, [1]));
        Assert.Equal([1.0, 2.0], w.data<double>().ToArray());
        Assert.True(w.requires_grad);
    }

    [Fact]
    public void RejectsIntegerTensorsWrongEntriesAndBadSteps()
    {
        using var ints = tensor(new long[] { 1, 2 });
        using var w = zeros(2, 3, dtype: ScalarType.Float64);
        Assert.Throws<ArgumentException>(() => GradientCheck.CentralDifference(() => 0, ints, [0]));
        Assert.Throws<ArgumentException>(() => GradientCheck.CentralDifference(() => 0, w, [0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => GradientCheck.CentralDifference(() => 0, w, [0, 3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => GradientCheck.CentralDifference(() => 0, w, [0, 0], h: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => GradientCheck.CentralDifference(() => 0, w, [0, 0], h: double.NaN));
    }

    [Fact]
    public void RelativeDifferenceIsSymmetricAndScaleFree()
    {
        Assert.Equal(0, GradientCheck.RelativeDifference(0, 0));
        Assert.Equal(0, GradientCheck.RelativeDifference(-2.5, -2.5));
        Assert.Equal(1, GradientCheck.RelativeDifference(0, 1e-9));
        Assert.Equal(0.5, GradientCheck.RelativeDifference(1, 2));
        Assert.Equal(GradientCheck.RelativeDifference(2e-6, 1e-6), GradientCheck.RelativeDifference(1e6, 2e6), 12);
        Assert.Equal(2, GradientCheck.RelativeDifference(1, -1));
    }
}
