namespace Makemore;

/// <summary>
/// Choosing a model's one knob on held-out data: fit on the training words for each strength, score the training and
/// dev words, keep the strength with the lowest dev loss: smoothing for the counting model here, regularisation for
/// the net with a row per context in <see cref="ContextNet.RegularizationSweep"/>.
/// </summary>
public static class Sweep
{
    /// <summary><paramref name="count"/> strengths from <paramref name="from"/> to <paramref name="to"/>, evenly spaced on a log scale.</summary>
    public static double[] LogSpaced(double from, double to, int count)
    {
        if (!(from > 0 && to > 0 && double.IsFinite(from) && double.IsFinite(to)))
            throw new ArgumentOutOfRangeException(nameof(from), $"Log spacing needs positive finite ends, not {from} and {to}.");
        if (count < 2) throw new ArgumentOutOfRangeException(nameof(count), count, "A sweep from one end to the other has at least 2 points.");
        var (a, b) = (Math.Log10(from), Math.Log10(to));
        return Enumerable.Range(0, count).Select(i => i == count - 1 ? to : Math.Pow(10, a + (b - a) * i / (count - 1))).ToArray();
    }

    /// <summary>Counting models of order <paramref name="order"/> on the training words, one per smoothing strength.</summary>
    public static SweepResult Smoothing(IReadOnlyList<string> train, IReadOnlyList<string> dev, Vocabulary vocabulary, int order,
        IEnumerable<double> strengths)
    {
        var ks = Strengths(strengths);
        foreach (var k in ks) CountingModel.CheckSmoothing(k);
        using var trainExamples = Examples.Of(train, vocabulary, order);
        using var devExamples = Examples.Of(dev, vocabulary, order);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        using var counts = CountingModel.CountTable(train, vocabulary, order);
        // Each row of P is normalised on its own, so the rows the words read are all a sweep needs: the same numbers as
        // the whole model's, bit for bit, where an order-5 table has 531,441 rows and the names read a few thousand.
        var trainRows = ContextIndex.OfBatch(trainExamples.X, order, vocabulary.Size);
        var devRows = ContextIndex.OfBatch(devExamples.X, order, vocabulary.Size);
        var (used, at, _) = unique(cat([trainRows, devRows]), return_inverse: true);
        var usedCounts = counts.index_select(0, used);
        var (trainAt, devAt) = (at![..(int)trainRows.shape[0]], at[(int)trainRows.shape[0]..]);
        return new(ks.Select(k =>
        {
            using var kScope = NewDisposeScope();
            var p = CountingModel.Normalize(usedCounts, k);
            return new SweepPoint(k, Evaluation.Nll(p.index_select(0, trainAt), trainExamples), Evaluation.Nll(p.index_select(0, devAt), devExamples));
        }).ToArray());
    }

    static double[] Strengths(IEnumerable<double> strengths)
    {
        var list = strengths.ToArray();
        if (list.Length == 0) throw new ArgumentException("The sweep needs at least one strength.", nameof(strengths));
        return list;
    }
}

/// <summary>One strength of a sweep and the average NLL it reached on the training and dev words.</summary>
public sealed record SweepPoint(double Strength, double TrainLoss, double DevLoss);

/// <summary>The points of a sweep, in the order of the strengths given.</summary>
public sealed record SweepResult(IReadOnlyList<SweepPoint> Points)
{
    /// <summary>The point with the lowest dev loss (the first of equals; a NaN loss counts as the worst).</summary>
    public SweepPoint Best => Points.MinBy(p => double.IsNaN(p.DevLoss) ? double.PositiveInfinity : p.DevLoss)!;
}
