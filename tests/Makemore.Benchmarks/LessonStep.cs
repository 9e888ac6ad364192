using static TorchSharp.torch;

namespace Makemore.Benchmarks;

/// <summary>The three formulations of the lesson's full-batch training step compared here and against PyTorch.</summary>
public enum Formulation
{
    /// <summary>The lesson: logits = one_hot(xs) @ W, softmax by hand, -probs[arange(n), ys].log().mean().</summary>
    OneHot,
    /// <summary>Exercise 4: logits = W[xs] (row indexing instead of the product), the same hand-written loss.</summary>
    Indexing,
    /// <summary>Exercise 5: logits = W[xs], loss = cross_entropy(logits, ys): what NeuralNGram.Train does.</summary>
    CrossEntropy,
}

/// <summary>
/// One step of the lesson's training loop (forward, loss, backward, update with learning rate 50 and regularisation
/// 0.01) built from the library's <see cref="NeuralForward"/> functions, in a given formulation.
/// </summary>
static class LessonStep
{
    public const double LearningRate = 50;
    public const double Regularization = 0.01;

    public static float Run(Formulation formulation, Tensor w, Tensor xs, Tensor ys)
    {
        using var scope = NewDisposeScope();
        var logits = formulation == Formulation.OneHot ? NeuralForward.OneHotLogits(w, xs) : NeuralForward.IndexedLogits(w, xs);
        var dataLoss = formulation == Formulation.CrossEntropy ? NeuralForward.CrossEntropy(logits, ys) : NeuralForward.ManualNll(logits, ys);
        var loss = dataLoss + NeuralForward.Regularization(w, Regularization);
        w.grad = null;
        loss.backward();
        using (no_grad())
            w.add_(w.grad!, alpha: -LearningRate);
        return loss.item<float>();
    }
}
