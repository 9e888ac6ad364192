namespace Makemore.Exercises;

/// <summary>
/// Where the lesson's network starts, for the checks of the exercises that work with it (E04–E06): the bigram examples
/// of all names (xs the previous character, ys the next), their counts, and the lesson's starting weights W, drawn by
/// torch.randn((27, 27)) from a generator seeded <see cref="Seed"/>. Each is made once per process, outside any dispose
/// scope, and never handed out to be changed: a check that trains copies W first.
/// </summary>
internal static class BigramStart
{
    /// <summary>The lesson's seed for W (and for its sampling).</summary>
    public const long Seed = 2147483647;

    /// <summary>The lesson's learning rate and regularisation strength.</summary>
    public static readonly TrainingOptions Lesson = new();

    static readonly Lazy<(Tensor Xs, Tensor Ys)> LoadedExamples = new(() =>
    {
        using var examples = Examples.Of(ExerciseData.Names, ExerciseData.Vocabulary, order: 2);
        return (examples.X.squeeze(1).clone().DetachFromDisposeScope(), examples.Y.clone().DetachFromDisposeScope());
    });

    static readonly Lazy<Tensor> LoadedW = new(() =>
    {
        using var generator = new Generator(Seed);
        var v = ExerciseData.Vocabulary.Size;
        return randn(v, v, generator: generator).DetachFromDisposeScope();
    });

    static readonly Lazy<NGramCounts> LoadedCounts = new(() => NGramCounts.Of(ExerciseData.Names, ExerciseData.Vocabulary, order: 2));

    /// <summary>The previous character of each example, int64 [228,146] for names.txt.</summary>
    public static Tensor Xs => LoadedExamples.Value.Xs;

    /// <summary>The character that follows, int64, one per example.</summary>
    public static Tensor Ys => LoadedExamples.Value.Ys;

    /// <summary>The lesson's starting weights, float32 [27, 27], without grad.</summary>
    public static Tensor W => LoadedW.Value;

    /// <summary>The bigram counts of all names (the lesson's N, as distinct pairs).</summary>
    public static NGramCounts Counts => LoadedCounts.Value;

    /// <summary>The number of examples, N.</summary>
    public static long Count => Ys.shape[0];

    /// <summary>The value of the scalar tensor <paramref name="compute"/> makes, every tensor made on the way disposed.</summary>
    public static double Value(Func<Tensor> compute)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return compute().to_type(ScalarType.Float64).item<double>();
    }

    /// <summary>The counts as the lesson's table N, float32 [27, 27]: N[i, j] is how often j follows i.</summary>
    public static Tensor CountTable()
    {
        var v = ExerciseData.Vocabulary.Size;
        var table = new float[v * v];
        for (var i = 0; i < Counts.Distinct; i++) table[Counts.Contexts[i] * v + Counts.Next[i]] = Counts.Counts[i];
        return tensor(table).view(v, v);
    }

    /// <summary>
    /// The lesson's training loop on the counts (each step's loss from the 27×27 table, the same loss and gradient as
    /// all examples up to float32 rounding), from the lesson's W: the loss of each step before its update, with or
    /// without clearing the gradient before each backward pass. What the checks use to make a learner's training
    /// mistakes; the right losses come from <see cref="NeuralNGram"/>'s own trainer.
    /// </summary>
    public static double[] TrainingLosses(int steps, double learningRate, bool clearGradient)
    {
        using var scope = NewDisposeScope();
        var counts = CountTable();
        var total = (double)Counts.Total;
        var w = W.clone().requires_grad_();
        var losses = new double[steps];
        using var totalScalar = TorchScalars.Of(total);
        using var regularization = TorchScalars.Of(Lesson.Regularization);
        using var two = TorchScalars.Of(2);
        using var rate = TorchScalars.Of(-learningRate);
        for (var step = 0; step < steps; step++)
        {
            using var stepScope = NewDisposeScope();
            var loss = -(counts * w.log_softmax(1)).sum() / totalScalar + w.pow(two).mean() * regularization;
            losses[step] = loss.item<float>();
            if (clearGradient) w.grad = null;
            loss.backward();
            using (no_grad()) w.add_(w.grad!, alpha: rate);
        }
        return losses;
    }
}
