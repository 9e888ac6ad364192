namespace Makemore;

/// <summary>
/// The counting model: how often each symbol followed each context (the lesson's N), turned into probabilities by
/// adding a smoothing strength k to every count and normalising each row (the lesson's P, with k = 1). Any order:
/// the table has one row per context (<see cref="ContextIndex"/>, V^(n-1) rows) and one column per next symbol.
/// The model owns its tensors: dispose it to free them.
/// </summary>
public sealed class CountingModel : INGramModel
{
    /// <summary>The largest count table built (2^26 cells: 256 MB for N and as much again for P).</summary>
    public const long MaxTableCells = 1L << 26;

    CountingModel(Vocabulary vocabulary, int order, Tensor counts, double smoothing)
    {
        Vocabulary = vocabulary;
        Order = order;
        Smoothing = smoothing;
        N = counts.DetachFromDisposeScope();
        P = Normalize(N, smoothing).DetachFromDisposeScope();
    }

    public int Order { get; }
    public Vocabulary Vocabulary { get; }
    /// <summary>The smoothing strength k added to every count (0: none).</summary>
    public double Smoothing { get; }
    /// <summary>The counts, int32 [V^(n-1), V]: N[context, next]. For bigrams the lesson's 27×27 table.</summary>
    public Tensor N { get; }
    /// <summary>The probabilities, float32 [V^(n-1), V]: (N + k) with each row divided by its sum.</summary>
    public Tensor P { get; }

    /// <summary>
    /// The largest smoothing strength k accepted. The probabilities are float32: (count + k) summed over a row of V
    /// cells must stay below float32's largest number (3.4e38) for any vocabulary of UTF-16 characters (V ≤ 65,536),
    /// and long before this limit every k gives the uniform distribution anyway.
    /// </summary>
    public const double MaxSmoothing = 1e30;

    /// <summary>The smallest positive smoothing strength k accepted: a smaller one would be 0 in float32's normal range.</summary>
    public const double MinPositiveSmoothing = 1e-30;

    /// <summary>Counts the words' examples and smooths them with strength <paramref name="smoothing"/>.</summary>
    public static CountingModel Fit(IReadOnlyList<string> words, Vocabulary vocabulary, int order, double smoothing)
    {
        CheckSmoothing(smoothing);
        return new(vocabulary, order, CountTable(words, vocabulary, order), smoothing);
    }

    /// <summary>The model of counts made earlier (<see cref="NGramCounts"/>), smoothed with strength <paramref name="smoothing"/>.</summary>
    public static CountingModel Fit(NGramCounts counts, double smoothing)
    {
        CheckSmoothing(smoothing);
        var v = counts.Vocabulary.Size;
        var cells = TableCells(v, counts.Order); // the order's size check, before the table is made
        using var scope = NewDisposeScope();
        return new(counts.Vocabulary, counts.Order, tensor(counts.Table(), [cells / v, v]), smoothing);
    }

    /// <summary>A model from a count table made earlier (for instance a saved one); the table is copied.</summary>
    public static CountingModel FromCounts(Vocabulary vocabulary, int order, Tensor counts, double smoothing)
    {
        var cells = TableCells(vocabulary.Size, order);
        var shape = new[] { cells / vocabulary.Size, (long)vocabulary.Size };
        if (!counts.shape.SequenceEqual(shape))
            throw new ArgumentException(
                $"An order-{order} count table over {vocabulary.Size} symbols has shape [{string.Join(", ", shape)}], not [{string.Join(", ", counts.shape)}].", nameof(counts));
        if (counts.is_floating_point() || counts.is_complex() || counts.dtype == ScalarType.Bool)
            throw new ArgumentException($"Counts are integers, not {counts.dtype}.", nameof(counts));
        CheckSmoothing(smoothing);
        using var scope = NewDisposeScope();
        if (counts.min().to_type(ScalarType.Int64).item<long>() < 0)
            throw new ArgumentException("Counts are never negative.", nameof(counts));
        return new(vocabulary, order, counts.to_type(ScalarType.Int32, copy: true), smoothing);
    }

    /// <summary>
    /// The count table N of the words' examples, int32 [V^(n-1), V]. Counted into a plain array and made a tensor
    /// once: all of names.txt's bigrams take about a millisecond.
    /// </summary>
    public static Tensor CountTable(IReadOnlyList<string> words, Vocabulary vocabulary, int order)
    {
        var v = vocabulary.Size;
        var counts = new int[TableCells(v, order)];
        ExampleWalk.Run(words, vocabulary, order, (context, next) => counts[context * v + next]++);
        return tensor(counts, [counts.Length / v, v]);
    }

    /// <summary>The same counts with another smoothing strength.</summary>
    public CountingModel WithSmoothing(double smoothing) => FromCounts(Vocabulary, Order, N, smoothing);

    /// <summary>The rows of <see cref="P"/> of the contexts.</summary>
    public Tensor Probabilities(Tensor contexts)
    {
        using var scope = NewDisposeScope();
        return P.index_select(0, ContextIndex.OfBatch(contexts, Order, Vocabulary.Size)).MoveToOuterDisposeScope();
    }

    /// <summary>Row <paramref name="context"/> of <see cref="P"/>.</summary>
    public float[] NextProbabilities(long context)
    {
        ContextIndex.CheckIndex(context, Vocabulary.Size, Order);
        using var row = P[context];
        return row.data<float>().ToArray();
    }

    public void Dispose()
    {
        N.Dispose();
        P.Dispose();
    }

    // The lesson's P = (N + k).float(); P /= P.sum(1, keepdim=True).
    internal static Tensor Normalize(Tensor counts, double smoothing)
    {
        using var scope = NewDisposeScope();
        // A Scalar held for the call (TorchScalars.Of): an implicit conversion can be finalized while libtorch reads it.
        using var k = TorchScalars.Of(smoothing);
        var p = counts.to_type(ScalarType.Float32) + k;
        p /= p.sum(1, keepdim: true);
        // Only with k = 0 can a row be all zeros: a context never seen has no distribution. Zeros instead of 0/0 = NaN
        // make any use of it an infinite loss rather than a NaN.
        p.nan_to_num_(0.0);
        return p.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The rule for a smoothing strength k, checked by every way of making a model: a count added to every cell, so 0
    /// or more, and within float32's range (<see cref="MinPositiveSmoothing"/> to <see cref="MaxSmoothing"/>, or 0).
    /// Throws an <see cref="ArgumentRule"/> exception that says which part is broken.
    /// </summary>
    public static void CheckSmoothing(double smoothing)
    {
        const string name = nameof(smoothing);
        if (!(double.IsFinite(smoothing) && smoothing >= 0))
            throw ArgumentRule.OutOfRange(name, smoothing, "must be 0 or more (a count added to every cell)");
        if (smoothing > MaxSmoothing)
            throw ArgumentRule.OutOfRange(name, smoothing,
                $"must be at most {MaxSmoothing:0e0} (beyond it the float32 probabilities overflow; from about 1e6 on, every k gives nearly the uniform distribution)");
        if (smoothing > 0 && smoothing < MinPositiveSmoothing)
            throw ArgumentRule.OutOfRange(name, smoothing, $"must be 0 or at least {MinPositiveSmoothing:0e0} (a smaller k is lost in float32 rounding)");
    }

    /// <summary>
    /// Whether an order-<paramref name="order"/> count table over <paramref name="vocabularySize"/> symbols is one this
    /// library builds: its contexts can be numbered (<see cref="ContextIndex.TryCount"/>) and its V^n cells are at most
    /// <see cref="MaxTableCells"/>.
    /// </summary>
    public static bool FitsOrder(int vocabularySize, int order) =>
        ContextIndex.TryCount(vocabularySize, order, out var contexts) && contexts * vocabularySize <= MaxTableCells;

    /// <summary>The highest order a counting model over <paramref name="vocabularySize"/> symbols may have.</summary>
    public static int HighestOrder(int vocabularySize) => ContextIndex.HighestOrder(ContextIndex.MinOrder, order => FitsOrder(vocabularySize, order));

    /// <summary>
    /// The rule for the order of a counting model over <paramref name="vocabularySize"/> symbols, checked here only: 1 or
    /// more and at most <see cref="HighestOrder"/> (<see cref="FitsOrder"/>). Throws an <see cref="ArgumentRule"/>
    /// exception that names the highest order and why a higher one is refused.
    /// </summary>
    public static void CheckOrder(int vocabularySize, int order)
    {
        ContextIndex.CheckOrder(order);
        if (FitsOrder(vocabularySize, order)) return;
        var why = !ContextIndex.TryCount(vocabularySize, order, out var contexts)
            ? $"{vocabularySize}^{order} possible n-grams are more than 64-bit integers can number"
            : $"its count table would have {contexts:N0} × {vocabularySize} = {contexts * vocabularySize:N0} cells" +
              $", or {contexts * vocabularySize * 4.0 / (1 << 30):N1} GB as int32, more than the {MaxTableCells:N0} this library builds; " +
              "NGramCounts stores only the n-grams that occur";
        throw ArgumentRule.OutOfRange(nameof(order), order,
            $"must be at most {HighestOrder(vocabularySize)} for a counting model over {vocabularySize} symbols ({why})");
    }

    static long TableCells(int vocabularySize, int order)
    {
        CheckOrder(vocabularySize, order);
        return ContextIndex.Count(vocabularySize, order) * vocabularySize; // fits: ContextIndex.Count leaves room for it
    }
}
