namespace Makemore;

/// <summary>
/// The lesson's one-layer net with one row of weights per whole context: W is float32 [V^(n-1), V] and a context's
/// logits are the row <see cref="ContextIndex"/> gives it, which is one_hot(context index, V^(n-1)) @ W. For bigrams
/// that is the lesson's 27×27 W; for trigrams W has 729 rows and the pair (a, b) picks row 27·a + b. Unlike
/// <see cref="NeuralNGram"/>, which adds one row per context position, it can give every context its own
/// distribution, exactly as the count table can. The model owns W: dispose it to free it.
/// </summary>
public sealed class ContextNet : NeuralModel
{
    ContextNet(Vocabulary vocabulary, int order, Tensor w) : base(vocabulary, order, w)
    {
    }

    /// <summary>A model with random weights, torch.randn((V^(n-1), V), generator=g): the lesson's start.</summary>
    public static ContextNet Create(Vocabulary vocabulary, int order, Generator generator) =>
        new(vocabulary, order, randn([Rows(vocabulary, order), vocabulary.Size], generator: generator));

    /// <summary>A model with the given weights (for instance a W trained in a notebook); they are copied.</summary>
    public static ContextNet FromWeights(Vocabulary vocabulary, int order, Tensor weights)
    {
        using var scope = NewDisposeScope();
        return new(vocabulary, order, CopyOfWeights(weights, Rows(vocabulary, order), vocabulary, order, "context net").MoveToOuterDisposeScope());
    }

    /// <summary>Logits, float32 [B, V], of contexts int64 [B, n-1]: the W rows of their context indices.</summary>
    public override Tensor Logits(Tensor contexts)
    {
        using var scope = NewDisposeScope();
        return W.index_select(0, ContextIndex.OfBatch(contexts, Order, Vocabulary.Size)).MoveToOuterDisposeScope();
    }

    /// <summary>The softmax of row <paramref name="context"/> of W, computed as <see cref="NeuralModel.Probabilities(Tensor)"/> computes it.</summary>
    public override float[] NextProbabilities(long context)
    {
        ContextIndex.CheckIndex(context, Vocabulary.Size, Order);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        return NeuralForward.Softmax(W[context].unsqueeze(0)).data<float>().ToArray();
    }

    /// <summary>
    /// Full-batch gradient descent on the count statistics: the same loss (the mean NLL of all counted examples plus
    /// regularisation·mean(W²)) and the same gradient as the lesson's loop over every example, with one row per context
    /// instead of one per example. Reports each step (its loss before the update) to <paramref name="progress"/> and
    /// returns them all; cancelling stops before the next step and leaves W as trained so far.
    /// </summary>
    public IReadOnlyList<TrainingStep> Train(NGramCounts counts, TrainingOptions options,
        IProgress<TrainingStep>? progress = null, CancellationToken cancellation = default)
    {
        options.Check();
        using var targets = Targets.Of(counts, this);
        return TrainingLoop.Run(options.Steps, () => Step(targets, options, withLoss: true), progress, cancellation);
    }

    /// <summary>
    /// One net per regularisation strength, each started from the same seeded random W and trained with
    /// <paramref name="options"/> (its Regularization replaced by the strength) on the training words' counts; the
    /// losses are data losses (average NLL) on the training and dev words, without the regularisation term.
    /// </summary>
    public static SweepResult RegularizationSweep(IReadOnlyList<string> train, IReadOnlyList<string> dev, Vocabulary vocabulary,
        int order, IEnumerable<double> strengths, TrainingOptions options, ulong seed = 2147483647, CancellationToken cancellation = default)
    {
        var regs = strengths.ToArray();
        if (regs.Length == 0) throw new ArgumentException("The sweep needs at least one strength.", nameof(strengths));
        foreach (var reg in regs) (options with { Regularization = reg }).Check();
        var counts = NGramCounts.Of(train, vocabulary, order);
        using var trainExamples = counts.ToExamples();
        using var devExamples = Examples.Of(dev, vocabulary, order);
        return new(regs.Select(reg =>
        {
            using var generator = new Generator(seed);
            using var model = Create(vocabulary, order, generator);
            using var targets = Targets.Of(counts, model);
            var regularized = options with { Regularization = reg };
            TrainingLoop.Run(options.Steps, () => model.Step(targets, regularized, withLoss: false), null, cancellation);
            return new SweepPoint(reg, Evaluation.Nll(model, trainExamples), Evaluation.Nll(model, devExamples));
        }).ToArray());
    }

    // The loss is Σ T·(-log softmax(W)) + r·mean(W²) with T[c, y] the share of all examples that have context c and
    // next symbol y; its gradient is share(c)·softmax(W) - T + 2r/|W|·W (the cross-entropy gradient, probabilities
    // minus targets, for each row weighted by its share). Written out, a step is five small operations instead of
    // autograd's dozen, which matters when a sweep takes tens of thousands of them (E03's, within the series' time).
    (double Loss, double DataLoss) Step(Targets targets, TrainingOptions options, bool withLoss)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var (loss, dataLoss) = (double.NaN, double.NaN);
        Tensor gradient;
        if (withLoss)
        {
            var logProbs = W.log_softmax(1);
            dataLoss = (-(logProbs * targets.Shares).sum()).item<float>();
            using var two = TorchScalars.Of(2);
            loss = dataLoss + options.Regularization * W.pow(two).mean().item<float>();
            gradient = logProbs.exp_();
        }
        else gradient = W.softmax(1);
        using var decay = TorchScalars.Of(2 * options.Regularization / W.numel());
        using var step = TorchScalars.Of(-options.LearningRate);
        gradient.mul_(targets.ContextShares).sub_(targets.Shares).add_(W, alpha: decay);
        W.add_(gradient, alpha: step);
        return (loss, dataLoss);
    }

    static long Rows(Vocabulary vocabulary, int order)
    {
        NeuralNGram.CheckOrder(order);
        var rows = ContextIndex.Count(vocabulary.Size, order);
        // W has the count table's shape, so the count table's limit is its limit.
        if (!CountingModel.FitsOrder(vocabulary.Size, order))
            throw new ArgumentOutOfRangeException(nameof(order), order,
                $"An order-{order} context net over {vocabulary.Size} symbols has {rows:N0} rows of {vocabulary.Size} weights, more than the {CountingModel.MaxTableCells:N0} this library builds.");
        return rows;
    }

    /// <summary>The count statistics as training targets: the share of all examples in each (context, next) cell, and in each context.</summary>
    sealed class Targets : IDisposable
    {
        Targets(Tensor shares)
        {
            Shares = shares.DetachFromDisposeScope();
            ContextShares = shares.sum(1, keepdim: true).DetachFromDisposeScope();
        }

        public Tensor Shares { get; }
        public Tensor ContextShares { get; }

        public static Targets Of(NGramCounts counts, ContextNet model)
        {
            counts.CheckFits(model.Order, model.Vocabulary);
            if (counts.Total == 0) throw new ArgumentException("There are no examples to train on.", nameof(counts));
            using var scope = NewDisposeScope();
            return new Targets((tensor(counts.Table(), model.W.shape).to(ScalarType.Float64) / counts.Total).to(ScalarType.Float32));
        }

        public void Dispose()
        {
            Shares.Dispose();
            ContextShares.Dispose();
        }
    }
}
