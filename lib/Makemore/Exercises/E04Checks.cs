using F = TorchSharp.torch.nn.functional;

namespace Makemore.Exercises;

/// <summary>
/// The checks of exercise E04 (picking rows of W instead of multiplying by one-hot vectors), one per step of its
/// try-it notebook. Every right value and every recognised mistake is computed here from names.txt's bigram examples
/// and the lesson's seeded W (<see cref="BigramStart"/>); each check prints one line and returns it.
/// </summary>
public static class E04Checks
{
    static readonly TensorStep OneHotStep = new(
        "xenc", "the one-hot inputs one_hot(xs, 27) as float32, one row per example",
        () => F.one_hot(BigramStart.Xs, ExerciseData.Vocabulary.Size).to_type(ScalarType.Float32), tolerance: 0,
        "Each row should hold a single 1, in the column of that example's previous character xs[i].",
        [
            TensorMistake.When(t => !t.is_floating_point(),
                "Left as integers: one_hot gives int64. Convert it with .to_type(float32) before multiplying: TorchSharp's " +
                "matmul of an int64 tensor by the float32 W stops the kernel instead of raising an error."),
            TensorMistake.When(t => t.dtype == ScalarType.Float64,
                "float64, while W is float32: convert the one-hot matrix to float32, W's dtype, so that the product is defined."),
            TensorMistake.Like(() => F.one_hot(BigramStart.Ys, ExerciseData.Vocabulary.Size).to_type(ScalarType.Float32),
                "These are the targets ys encoded: the input of the network is the previous character, xs."),
        ]);

    static readonly TensorStep OneHotLogitsStep = new(
        "logitsOneHot", "the logits xenc @ W, one row of 27 per example", () => F.one_hot(BigramStart.Xs, ExerciseData.Vocabulary.Size).to_type(ScalarType.Float32).matmul(BigramStart.W),
        tolerance: 1e-5, "Multiply the one-hot matrix by the lesson's W, unchanged since the set-up: xenc.matmul(W).",
        [
            TensorMistake.Like(() => F.one_hot(BigramStart.Xs, ExerciseData.Vocabulary.Size).to_type(ScalarType.Float32).matmul(BigramStart.W.t()),
                "Each row is a column of W: you multiplied by W's transpose. The one-hot row times W itself picks a row of W."),
            TensorMistake.Like(() => F.one_hot(BigramStart.Ys, ExerciseData.Vocabulary.Size).to_type(ScalarType.Float32).matmul(BigramStart.W),
                "These are the rows of W of the targets ys: encode the inputs xs."),
        ]);

    static readonly TensorStep IndexedLogitsStep = new(
        "logitsIndexed", "the same logits without one_hot: the rows of W picked by xs", () => BigramStart.W.index_select(0, BigramStart.Xs),
        tolerance: 1e-5, "Row i must be row xs[i] of W: W[xs], or W.index_select(0, xs).",
        [
            TensorMistake.Like(() => BigramStart.W.index_select(0, BigramStart.Ys),
                "These are rows of W picked by the targets, W[ys]: the logits depend on the input character, xs."),
            TensorMistake.Like(() => BigramStart.W.t().index_select(0, BigramStart.Xs),
                "These are columns of W picked by xs (W.T[xs], or index_select along dimension 1): pick rows, W[xs]."),
        ]);

    static double LessonLoss(Func<Tensor> logits, double regularization = 0.01) =>
        BigramStart.Value(() => NeuralForward.ManualNll(logits(), BigramStart.Ys) + NeuralForward.Regularization(BigramStart.W, regularization));

    static readonly NumberStep LossStep = new(
        "loss", "the lesson's loss on the indexed logits: the average NLL plus 0.01 · mean(W²)",
        () => LessonLoss(() => BigramStart.W.index_select(0, BigramStart.Xs)), tolerance: 0.0005,
        "Exponentiate the logits, divide each row by its sum, take minus the log of each target's probability, average, and add 0.01 · mean(W²).",
        [
            Mistake.Near(() => LessonLoss(() => BigramStart.W.index_select(0, BigramStart.Xs), regularization: 0),
                "That is the average NLL alone: the lesson's loss adds the regularisation 0.01 · mean(W²)."),
            Mistake.Near(() => LessonLoss(() => BigramStart.W.index_select(0, BigramStart.Ys)),
                "That is the loss of the logits W[ys]: pick the rows of W by the inputs xs."),
            Mistake.Near(() => BigramStart.Value(() => NeuralForward.ManualNll(BigramStart.W.index_select(0, BigramStart.Xs), BigramStart.Ys)
                    + 0.01 * BigramStart.W.pow(2).sum()),
                "The regularisation is 0.01 times the mean of W², not its sum over the 729 weights."),
        ]);

    const int TrainingSteps = 20;

    // The library's trainer takes the lesson's steps from the counts: the same losses as the loop on all examples, up to
    // float32 rounding (a few 1e-5 at most, far inside the tolerance).
    static readonly Lazy<IReadOnlyList<TrainingStep>> Trained = new(() =>
    {
        using var model = NeuralNGram.FromWeights(ExerciseData.Vocabulary, 2, BigramStart.W);
        return model.Train(BigramStart.Counts, BigramStart.Lesson with { Steps = TrainingSteps + 1 });
    });

    static readonly NumberStep Step20 = new(
        "lossAtStep20", "the loss (with its regularisation) that step 20 of the lesson's loop prints, with W[xs] for the logits",
        () => Trained.Value[TrainingSteps - 1].Loss, tolerance: 0.0005,
        "Run the lesson's loop from the set-up's W: 20 steps of learning rate 50, each printing its loss before the update.",
        [
            Mistake.Near(() => BigramStart.TrainingLosses(TrainingSteps, BigramStart.Lesson.LearningRate, clearGradient: false)[^1],
                "The gradient was never cleared: backward() adds to W.grad, so set W.grad = null before each backward pass."),
            Mistake.Near(() => Trained.Value[TrainingSteps].Loss,
                "One step too far: that is the loss after 20 updates, which step 21 would print. Step 20 prints its loss before its update."),
            Mistake.Near(() => Trained.Value[TrainingSteps - 1].DataLoss,
                "That is step 20's average NLL alone: the loop prints the loss with 0.01 · mean(W²) added."),
            Mistake.Near(() => BigramStart.TrainingLosses(TrainingSteps, learningRate: 0.1, clearGradient: true)[^1],
                "Learning rate 0.1, the single step of the emma example: the lesson's loop over all names uses 50."),
        ]);

    /// <summary>Step 1: the one-hot inputs, float32 [228146, 27]. Checks the dtype before anything multiplies by it.</summary>
    public static CheckResult OneHot(Tensor? xenc) => OneHotStep.Check(xenc).Print();

    /// <summary>Step 2: the logits one_hot(xs) @ W.</summary>
    public static CheckResult OneHotLogits(Tensor? logitsOneHot) => OneHotLogitsStep.Check(logitsOneHot).Print();

    /// <summary>Step 3: the logits W[xs].</summary>
    public static CheckResult IndexedLogits(Tensor? logitsIndexed) => IndexedLogitsStep.Check(logitsIndexed).Print();

    /// <summary>Step 4: the lesson's loss (average NLL + 0.01 · mean(W²)) on the indexed logits.</summary>
    public static CheckResult Loss(double loss) => LossStep.Check(loss).Print();

    /// <summary>Step 5: the loss step 20 of the lesson's loop prints, with W[xs] for the logits.</summary>
    public static CheckResult LossAtStep20(double lossAtStep20) => Step20.Check(lossAtStep20).Print();
}
