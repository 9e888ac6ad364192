using TorchSharp;
using static TorchSharp.torch;

namespace Makemore;

/// <summary>
/// The quality of any model: the average negative log likelihood (NLL) of the examples, -mean(log p(next | context)).
/// Lower is better; log(V) (3.30 for 27 symbols) is what a uniform guess scores, and an example the model calls
/// impossible makes it infinite.
/// </summary>
public static class Evaluation
{
    /// <summary>The average NLL over all examples of the words.</summary>
    public static double Nll(INGramModel model, IReadOnlyList<string> words)
    {
        using var examples = Examples.Of(words, model.Vocabulary, model.Order);
        return Nll(model, examples);
    }

    /// <summary>The average NLL over the examples (weighted by their counts if they have any).</summary>
    public static double Nll(INGramModel model, Examples examples)
    {
        examples.CheckFits(model);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var p = model.Probabilities(examples.X).gather(1, examples.Y.unsqueeze(1)).squeeze(1);
        var nll = -p.log();
        // Averaged by torch in float32 (pairwise sums): 2.4546 for the lesson's k = 1 bigram model. The lesson prints
        // 2.4544 because it adds the 228,146 log-probabilities one at a time into a float32 total, which drifts.
        return NeuralForward.Mean(nll, examples.Weights).item<float>();
    }
}
