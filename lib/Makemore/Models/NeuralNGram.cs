using TorchSharp;
using static TorchSharp.torch;

namespace Makemore;

/// <summary>
/// The lesson's one-layer neural network, generalised from bigrams to order n: weights W (float32 [(n-1)·V, V]),
/// logits = the sum of the W rows the n-1 context symbols pick (for bigrams one_hot(xs) @ W), probabilities = their
/// softmax. Trained by full-batch gradient descent on the cross-entropy plus regularisation·mean(W²).
/// The model owns W: dispose it to free it.
/// </summary>
public sealed class NeuralNGram : INGramModel, IDisposable
{
    NeuralNGram(Vocabulary vocabulary, int order, Tensor w)
    {
        Vocabulary = vocabulary;
        Order = order;
        W = w.DetachFromDisposeScope();
    }

    public int Order { get; }
    public Vocabulary Vocabulary { get; }
    /// <summary>The weights, float32 [(n-1)·V, V], a leaf that requires grad: rows (position·V + symbol).</summary>
    public Tensor W { get; }

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
        var shape = new[] { Rows(vocabulary, order), (long)vocabulary.Size };
        if (!weights.shape.SequenceEqual(shape))
            throw new ArgumentException(
                $"An order-{order} network over {vocabulary.Size} symbols has W of shape [{string.Join(", ", shape)}], not [{string.Join(", ", weights.shape)}].", nameof(weights));
        using var scope = NewDisposeScope();
        var w = weights.detach().to_type(ScalarType.Float32, copy: true).requires_grad_();
        return new(vocabulary, order, w.MoveToOuterDisposeScope());
    }

    /// <summary>Logits, float32 [B, V], of contexts int64 [B, n-1] (<see cref="NeuralForward.IndexedLogits"/>).</summary>
    public Tensor Logits(Tensor contexts) => NeuralForward.IndexedLogits(W, contexts);

    /// <summary>The softmax of the logits, computed as the lesson does (exp, then divide by the row sum), without grad.</summary>
    public Tensor Probabilities(Tensor contexts)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        return NeuralForward.Softmax(Logits(contexts)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The training loss on the examples: cross-entropy (weighted if the examples are) plus
    /// <paramref name="regularization"/>·mean(W²).
    /// </summary>
    public Tensor Loss(Examples examples, double regularization)
    {
        examples.CheckFits(this);
        using var scope = NewDisposeScope();
        var dataLoss = NeuralForward.CrossEntropy(NeuralForward.IndexedLogitsOfValid(W, examples.X), examples.Y, examples.Weights);
        return (dataLoss + NeuralForward.Regularization(W, regularization)).MoveToOuterDisposeScope();
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
        examples.CheckFits(this);
        options.Check();
        var steps = new List<TrainingStep>(options.Steps);
        for (var step = 0; step < options.Steps; step++)
        {
            cancellation.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            var dataLoss = NeuralForward.CrossEntropy(NeuralForward.IndexedLogitsOfValid(W, examples.X), examples.Y, examples.Weights);
            var loss = dataLoss + NeuralForward.Regularization(W, options.Regularization);
            W.grad = null;
            loss.backward();
            using (no_grad())
                W.add_(W.grad!, alpha: -options.LearningRate);
            var done = new TrainingStep(step, loss.item<float>(), dataLoss.item<float>());
            steps.Add(done);
            progress?.Report(done);
        }
        return steps;
    }

    public void Dispose() => W.Dispose();

    static long Rows(Vocabulary vocabulary, int order)
    {
        ContextIndex.CheckOrder(order);
        if (order < 2)
            throw new ArgumentOutOfRangeException(nameof(order), order, "A neural n-gram needs at least one context symbol: order 2 or more.");
        return (long)(order - 1) * vocabulary.Size;
    }
}
