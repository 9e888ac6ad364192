using static TorchSharp.torch;

namespace Makemore.Tests.Sampling;

/// <summary>
/// The plain definition the samplers are tested against: words from a counting model, one draw per symbol from the row
/// of P of the current context, starting from n-1 '.' and ending at '.'.
/// </summary>
static class OneDrawPerSymbol
{
    public static List<string> Sample(CountingModel model, int count, Func<Tensor, int> draw)
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
                using var row = model.P[context];
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
