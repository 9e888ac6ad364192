using System.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace Makemore;

/// <summary>
/// The loop both samplers share: a word starts with n-1 '.', each drawn symbol is appended and slides the context
/// along, and the word ends at '.' (kept, as the lesson prints "mor.") or after <c>maxLength</c> symbols. Each context's
/// probability row is asked of the model once and kept, prepared by the sampler (e.g. as a cumulative distribution).
/// </summary>
internal static class SamplingLoop
{
    public const int DefaultMaxLength = 100;

    public static IReadOnlyList<string> Run<TRow>(INGramModel model, int count, int maxLength, Func<float[], TRow> prepare, Func<TRow, int> draw)
    {
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), count, "The number of words is 0 or more.");
        if (maxLength < 1) throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, "Words may have at least 1 symbol.");
        var v = model.Vocabulary.Size;
        var contexts = ContextIndex.Count(v, model.Order);
        var rows = new Dictionary<long, TRow>();
        var words = new List<string>(count);
        var word = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            word.Clear();
            long context = 0;
            while (word.Length < maxLength)
            {
                if (!rows.TryGetValue(context, out var row))
                    rows[context] = row = prepare(ProbabilityRow(model, context));
                var next = draw(row);
                word.Append(model.Vocabulary.Itos[next]);
                if (next == 0) break;
                context = (context * v + next) % contexts;
            }
            words.Add(word.ToString());
        }
        return words;
    }

    static float[] ProbabilityRow(INGramModel model, long context)
    {
        var symbols = ContextIndex.Decode(context, model.Vocabulary.Size, model.Order);
        using var scope = NewDisposeScope();
        var p = model.Probabilities(tensor(symbols.Select(s => (long)s).ToArray(), [1, symbols.Length])).data<float>().ToArray();
        if (p.Any(x => !(x >= 0 && float.IsFinite(x))) || p.Sum() <= 0)
            throw new InvalidOperationException(
                $"The model has no probability distribution after the context \"{model.Vocabulary.Decode(symbols)}\" " +
                "(a context never seen by a counting model with smoothing 0?).");
        return p;
    }
}
