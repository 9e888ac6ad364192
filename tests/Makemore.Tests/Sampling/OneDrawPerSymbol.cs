using static TorchSharp.torch;

namespace Makemore.Tests.Sampling;

/// <summary>
/// The plain definition the samplers are tested against: words from any model, one draw per symbol from the model's
/// batch probabilities of the current context (decoded into a [1, n-1] tensor, the path the sampler no longer takes),
/// starting from n-1 '.' and ending at '.', which is kept as the lesson prints it.
/// </summary>
static class OneDrawPerSymbol
{
    public static List<string> Sample(INGramModel model, int count, Func<Tensor, int> draw)
    {
        var v = model.Vocabulary.Size;
        var contexts = ContextIndex.Count(v, model.Order);
        var words = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var word = "";
            long context = 0;
            while (true)
            {
                var symbols = ContextIndex.Decode(context, v, model.Order).Select(s => (long)s).ToArray();
                using var batch = tensor(symbols, [1, symbols.Length]);
                using var probabilities = model.Probabilities(batch);
                using var row = probabilities[0];
                var ix = draw(row);
                word += model.Vocabulary.Decode(ix);
                if (ix == 0) break;
                context = (context * v + ix) % contexts;
            }
            words.Add(word);
        }
        return words;
    }
}
