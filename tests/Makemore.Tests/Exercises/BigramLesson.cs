using static TorchSharp.torch;

namespace Makemore.Tests.Exercises;

/// <summary>
/// What the try-it notebooks of E04–E06 set up, made here the way a learner makes it: names.txt's bigram examples (xs,
/// ys), the lesson's W from randn seeded 2147483647, and the seed-42 split. The tests of the checks compute right
/// answers and mistakes from these, independently of the checks' own computations. Skips when names.txt is missing.
/// </summary>
public static class BigramLesson
{
    static readonly Lazy<(Tensor Xs, Tensor Ys, Tensor W)> Made = new(() =>
    {
        var (words, vocabulary) = NamesData.WordsAndVocabularyOrSkip();
        using var examples = Examples.Of(words, vocabulary, order: 2);
        using var g = new Generator(2147483647);
        return (examples.X.squeeze(1).clone().DetachFromDisposeScope(), examples.Y.clone().DetachFromDisposeScope(),
            randn(27, 27, generator: g).DetachFromDisposeScope());
    });

    public static Tensor Xs => Made.Value.Xs;
    public static Tensor Ys => Made.Value.Ys;
    /// <summary>The lesson's starting W, without grad: copy it before training.</summary>
    public static Tensor W => Made.Value.W;

    public static IReadOnlyList<string> Words => NamesData.WordsOrSkip();
    public static Vocabulary Vocabulary => NamesData.WordsAndVocabularyOrSkip().Vocabulary;
    public static DataSplit Split => DataSplit.Of(Words, seed: 42);

    /// <summary>The value of the scalar <paramref name="compute"/> makes, every tensor on the way disposed.</summary>
    public static double Scalar(Func<Tensor> compute)
    {
        using var scope = NewDisposeScope();
        return compute().to_type(ScalarType.Float64).item<double>();
    }

    /// <summary>The lesson's loss on logits: exp, normalise each row, pick the targets' probabilities, -log, mean, plus strength · mean(W²).</summary>
    public static Tensor LessonLoss(Tensor logits, Tensor w, double regularization = 0.01)
    {
        var counts = logits.exp();
        var probs = counts / counts.sum(1, keepdim: true);
        return -probs[arange(Ys.shape[0]), Ys].log().mean() + regularization * w.pow(2).mean();
    }
}
