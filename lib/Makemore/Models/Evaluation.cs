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
        examples.CheckFits(model.Order, model.Vocabulary);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        return Nll(model.Probabilities(examples.X), examples);
    }

    /// <summary>The average NLL of the examples from each one's row of next-symbol probabilities (float32 [N, V]).</summary>
    internal static double Nll(Tensor probabilities, Examples examples)
    {
        using var scope = NewDisposeScope();
        var p = probabilities.gather(1, examples.Y.unsqueeze(1)).squeeze(1);
        var nll = -p.log();
        // Averaged by torch in float32 (pairwise sums): 2.4546 for the lesson's k = 1 bigram model. The lesson prints
        // 2.4544 because it adds the 228,146 log-probabilities one at a time into a float32 total, which drifts.
        return NeuralForward.Mean(nll, examples.Weights).item<float>();
    }

    // Contexts scored per batch in the count-statistics evaluation: at most this many probabilities (or gathered
    // weights) at once (16 MB), so memory stays flat however many distinct contexts there are.
    const long ProbabilitiesPerBatch = 1L << 22;

    /// <summary>
    /// The average NLL of all the examples the counts stand for, from the counts alone: each distinct context's
    /// probabilities once (in batches), each distinct n-gram's -log p times its count, summed in float64. The same
    /// number as evaluating every example (up to float32 rounding: a relative 1e-6 at most), with memory that grows
    /// with the distinct contexts and the vocabulary rather than with examples × vocabulary.
    /// </summary>
    public static double Nll(INGramModel model, NGramCounts counts)
    {
        counts.CheckFits(model.Order, model.Vocabulary);
        var v = model.Vocabulary.Size;
        var width = model.Order - 1;
        var (next, count) = (counts.NextArray, counts.CountArray);
        // A neural model gathers n-1 rows of W per context before adding them up: those count too.
        var batchContexts = (int)Math.Max(1, ProbabilitiesPerBatch / ((long)v * Math.Max(width, 1)));
        double sum = 0;
        using var noGrad = no_grad();
        foreach (var batch in counts.Batches(batchContexts))
        {
            using var scope = NewDisposeScope();
            var symbols = tensor(ContextIndex.DecodeAll(batch.Contexts, v, width), [batch.Contexts.Count, width]);
            var p = model.Probabilities(symbols).data<float>().ToArray();
            for (var e = batch.First; e < batch.End; e++) sum += count[e] * -Math.Log(p[(long)batch.Slots[e - batch.First] * v + next[e]]);
        }
        return sum / counts.Total;
    }
}
