namespace Makemore;

/// <summary>
/// The lesson's one-layer neural network, generalised from bigrams to order n: weights W (float32 [(n-1)·V, V]),
/// logits = the sum of the W rows the n-1 context symbols pick (for bigrams one_hot(xs) @ W), probabilities = their
/// softmax; W is a leaf that requires grad, its rows position·V + symbol. Trained by full-batch gradient descent on
/// the cross-entropy plus regularisation·mean(W²).
/// The model owns W: dispose it to free it.
/// </summary>
public sealed class NeuralNGram : NeuralModel
{
    NeuralNGram(Vocabulary vocabulary, int order, Tensor w) : base(vocabulary, order, w)
    {
    }

    /// <summary>
    /// A model with random weights, the lesson's W = torch.randn((27, 27), generator=g, requires_grad=True) for
    /// bigrams. The order is at least 2: with no context there would be no weights.
    /// </summary>
    public static NeuralNGram Create(Vocabulary vocabulary, int order, Generator generator)
    {
        var rows = Rows(vocabulary, order);
        return new(vocabulary, order, randn([rows, vocabulary.Size], generator: generator).requires_grad_());
    }

    /// <summary>A model with the given weights (for instance saved ones); they are copied.</summary>
    public static NeuralNGram FromWeights(Vocabulary vocabulary, int order, Tensor weights)
    {
        using var scope = NewDisposeScope();
        var w = CopyOfWeights(weights, Rows(vocabulary, order), vocabulary, order, "network").requires_grad_();
        return new(vocabulary, order, w.MoveToOuterDisposeScope());
    }

    /// <summary>Logits, float32 [B, V], of contexts int64 [B, n-1] (<see cref="NeuralForward.IndexedLogits"/>).</summary>
    public override Tensor Logits(Tensor contexts) => NeuralForward.IndexedLogits(W, contexts);

    /// <summary>
    /// The softmax of the sum of the n-1 rows of W the context picks (row position·V + symbol for each of its symbols,
    /// oldest first), computed as <see cref="NeuralModel.Probabilities(Tensor)"/> computes it.
    /// </summary>
    public override float[] NextProbabilities(long context)
    {
        ContextIndex.CheckIndex(context, Vocabulary.Size, Order);
        var v = Vocabulary.Size;
        var rows = new long[Order - 1];
        ContextIndex.DecodeInto<long>(context, v, rows);
        for (var position = 0; position < rows.Length; position++) rows[position] += position * v;
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        // The same sum over positions as the batch's logits ([1, n-1, V] summed over its middle dimension).
        var logits = rows.Length == 1 ? W[rows[0]].unsqueeze(0) : W.index_select(0, tensor(rows)).unsqueeze(0).sum(1);
        return NeuralForward.Softmax(logits).data<float>().ToArray();
    }

    /// <summary>
    /// Full-batch gradient descent, the lesson's loop: each step computes the loss on all examples, clears the
    /// gradient, backpropagates and moves W by -learning rate · gradient. Weighted examples (NGramCounts.ToExamples())
    /// give the same steps as all examples, much faster. Reports each step to <paramref name="progress"/> as it
    /// happens and returns them all; cancelling stops before the next step and leaves W as trained so far.
    /// </summary>
    public IReadOnlyList<TrainingStep> Train(Examples examples, TrainingOptions options,
        IProgress<TrainingStep>? progress = null, CancellationToken cancellation = default)
    {
        examples.CheckFits(Order, Vocabulary);
        options.Check();
        using var distributions = Distributions(examples);
        return Train(() => DataLoss(examples, distributions), options, progress, cancellation);
    }

    /// <summary>
    /// The same full-batch gradient descent on count statistics directly: the same steps as on all the examples the
    /// counts stand for (and, number for number, as on <see cref="NGramCounts.ToExamples"/>), with memory that grows
    /// with the distinct n-grams, not with the examples. Many distinct contexts (more than 2^22 targets) are trained in
    /// chunks, each step's gradient accumulated chunk by chunk: the same loss and gradient up to float32 rounding.
    /// </summary>
    public IReadOnlyList<TrainingStep> Train(NGramCounts counts, TrainingOptions options,
        IProgress<TrainingStep>? progress = null, CancellationToken cancellation = default)
    {
        counts.CheckFits(Order, Vocabulary);
        options.Check();
        if (ChunkedDistributions.Needed(counts))
        {
            using var chunked = ChunkedDistributions.Of(counts);
            return TrainChunked(chunked, options, progress, cancellation);
        }
        using var distributions = ContextDistributions.Of(counts);
        return Train(() => distributions.CrossEntropy(W), options, progress, cancellation);
    }

    // A step on chunks: each chunk's data loss backpropagated on its own (the gradient adds up in W.grad), then the
    // regularisation's, then the update.
    List<TrainingStep> TrainChunked(ChunkedDistributions chunks, TrainingOptions options, IProgress<TrainingStep>? progress, CancellationToken cancellation) =>
        TrainingLoop.Run(options.Steps, () =>
        {
            using var scope = NewDisposeScope();
            W.grad = null;
            var dataLoss = chunks.Backward(W);
            var regularization = NeuralForward.Regularization(W, options.Regularization);
            regularization.backward();
            using (no_grad())
            using (var step = TorchScalars.Of(-options.LearningRate))
                W.add_(W.grad!, alpha: step);
            return ((float)(dataLoss + regularization.item<float>()), (float)dataLoss);
        }, progress, cancellation);

    // The lesson's step: the loss (data loss plus regularisation) as one graph, backward, update.
    List<TrainingStep> Train(Func<Tensor> dataLossOf, TrainingOptions options, IProgress<TrainingStep>? progress, CancellationToken cancellation) =>
        TrainingLoop.Run(options.Steps, () =>
        {
            using var scope = NewDisposeScope();
            var dataLoss = dataLossOf();
            using var one = TorchScalars.Of(1); // the sum's alpha, held for the call as the other scalars are
            var loss = dataLoss.add(NeuralForward.Regularization(W, options.Regularization), one);
            W.grad = null;
            loss.backward();
            using (no_grad())
            using (var step = TorchScalars.Of(-options.LearningRate))
                W.add_(W.grad!, alpha: step);
            return (loss.item<float>(), dataLoss.item<float>());
        }, progress, cancellation);

    // Weighted examples are count statistics: regrouped by context once per call, not once per step.
    static ContextDistributions? Distributions(Examples examples) => examples.Weights is null ? null : ContextDistributions.Of(examples);

    Tensor DataLoss(Examples examples, ContextDistributions? distributions) =>
        distributions?.CrossEntropy(W) ?? NeuralForward.CrossEntropy(NeuralForward.IndexedLogitsOfValid(W, examples.X), examples.Y);

    /// <summary>The lowest order of a neural n-gram: 2, since with no context symbol there would be no weights.</summary>
    public const int MinOrder = 2;

    /// <summary>
    /// A learning rate that suits order n: the lesson's 50 (<see cref="TrainingOptions"/>' default) for bigrams, divided
    /// by n-1 for higher orders. The logits are the sum of n-1 rows of W and each row gets the whole gradient, so one
    /// step moves the logits n-1 times as far as a bigram step of the same rate: on names.txt, 50 makes 100 steps of
    /// order 6 end above their starting loss, and order 12 reach NaN, while 50/(n-1) trains them smoothly.
    /// </summary>
    public static double DefaultLearningRate(int order)
    {
        CheckOrder(order);
        return new TrainingOptions().LearningRate / (order - 1);
    }

    /// <summary>
    /// The rule for the order of a neural model (this one and <see cref="ContextNet"/>), checked here only: 2 or more,
    /// since with no character before it a net has no input (an <see cref="ArgumentRule"/> exception otherwise).
    /// </summary>
    public static void CheckOrder(int order)
    {
        if (order < MinOrder)
            throw ArgumentRule.OutOfRange(nameof(order), order, $"must be {MinOrder} or more for a neural model (with no character before it, it has no input)");
    }

    /// <summary>
    /// The rule for the order of a neural n-gram over <paramref name="vocabularySize"/> symbols, checked here only:
    /// <see cref="MinOrder"/> or more and at most <see cref="HighestOrder"/> (<see cref="FitsOrder"/>). Throws an
    /// <see cref="ArgumentRule"/> exception that names the highest order and why a higher one is refused.
    /// </summary>
    public static void CheckOrder(int vocabularySize, int order)
    {
        CheckOrder(order);
        if (FitsOrder(vocabularySize, order)) return;
        var why = !ContextIndex.TryCount(vocabularySize, order, out _)
            ? $"{vocabularySize}^{order} possible n-grams are more than 64-bit integers can number"
            : $"its W would have {(double)(order - 1) * vocabularySize * vocabularySize:N0} weights, more than the {MaxWeights:N0} this library builds";
        var highest = HighestOrder(vocabularySize);
        throw ArgumentRule.OutOfRange(nameof(order), order, highest >= MinOrder
            ? $"must be at most {highest} for a neural model over {vocabularySize} symbols ({why})"
            : $"is too high for any neural model over {vocabularySize} symbols ({why})");
    }

    /// <summary>The most weights W may have, (n-1)·V·V (2^26: 256 MB of float32, as much again for its gradient).</summary>
    public const long MaxWeights = 1L << 26;

    /// <summary>
    /// Whether an order-<paramref name="order"/> network over <paramref name="vocabularySize"/> symbols is one this
    /// library builds: order 2 or more, contexts that can be numbered (<see cref="ContextIndex.TryCount"/>, which the
    /// samplers and count statistics use), and at most <see cref="MaxWeights"/> weights.
    /// </summary>
    public static bool FitsOrder(int vocabularySize, int order) =>
        order >= MinOrder && ContextIndex.TryCount(vocabularySize, order, out _) && (double)(order - 1) * vocabularySize * vocabularySize <= MaxWeights;

    /// <summary>The highest order a neural n-gram over <paramref name="vocabularySize"/> symbols may have (1 when none fits).</summary>
    public static int HighestOrder(int vocabularySize) =>
        FitsOrder(vocabularySize, MinOrder) ? ContextIndex.HighestOrder(MinOrder, order => FitsOrder(vocabularySize, order)) : 1;

    static long Rows(Vocabulary vocabulary, int order)
    {
        CheckOrder(vocabulary.Size, order);
        return (long)(order - 1) * vocabulary.Size;
    }
}
