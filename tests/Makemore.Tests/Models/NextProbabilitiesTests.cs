using static TorchSharp.torch;

namespace Makemore.Tests.Models;

/// <summary>
/// A model's row for one context number (what the samplers ask) is, bit for bit, that context's row of its batch
/// probabilities: so sampling from the rows gives the words sampling from the batch gave.
/// </summary>
public class NextProbabilitiesTests
{
    [Theory]
    [MemberData(nameof(SmallModels.Names), MemberType = typeof(SmallModels))]
    public void EachRowIsTheBatchRowOfItsContext(string model) => SmallModels.With(model, AssertRowsAreBatchRows);

    static void AssertRowsAreBatchRows(INGramModel model)
    {
        var v = model.Vocabulary.Size;
        var count = ContextIndex.Count(v, model.Order);
        var all = new long[count * (model.Order - 1)];
        for (long c = 0; c < count; c++) ContextIndex.Decode(c, v, model.Order).Select(s => (long)s).ToArray().CopyTo(all, c * (model.Order - 1));
        using var contexts = tensor(all, [count, model.Order - 1]);
        using var batch = model.Probabilities(contexts);
        var expected = batch.data<float>().ToArray();
        for (long c = 0; c < count; c++)
        {
            var row = model.NextProbabilities(c);
            Assert.Equal(v, row.Length);
            for (var y = 0; y < v; y++)
                Assert.True(BitConverter.SingleToInt32Bits(expected[c * v + y]) == BitConverter.SingleToInt32Bits(row[y]),
                    $"context {c}, symbol {y}: {row[y]:R} from the row, {expected[c * v + y]:R} from the batch");
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => model.NextProbabilities(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.NextProbabilities(count));
    }
}
