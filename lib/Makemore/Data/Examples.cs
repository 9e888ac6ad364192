namespace Makemore;

/// <summary>
/// Training examples of an order-n model: contexts X (int64 [N, n-1], the n-1 previous symbols, oldest first) and
/// targets Y (int64 [N], the symbol that follows). Words are padded with n-1 leading '.' and one trailing '.', so
/// "emma" gives the bigram examples .→e, e→m, m→m, m→a, a→. (X[:, 0] = [0, 5, 13, 13, 1], Y = [5, 13, 13, 1, 0]).
/// Optional <see cref="Weights"/> let one row stand for several identical examples (see <see cref="NGramCounts"/>).
/// The examples own their tensors: dispose them to free the memory.
/// </summary>
public sealed class Examples : IDisposable
{
    internal Examples(Vocabulary vocabulary, int order, Tensor x, Tensor y, Tensor? weights)
    {
        Vocabulary = vocabulary;
        Order = order;
        // Owned by this object, not by whatever dispose scope the caller happens to be in.
        X = x.DetachFromDisposeScope();
        Y = y.DetachFromDisposeScope();
        Weights = weights?.DetachFromDisposeScope();
    }

    public Vocabulary Vocabulary { get; }
    public int Order { get; }
    /// <summary>Contexts, int64 [N, n-1]. For bigrams X[:, 0] (or X.squeeze(1)) is the lesson's xs.</summary>
    public Tensor X { get; }
    /// <summary>Targets, int64 [N]: the lesson's ys.</summary>
    public Tensor Y { get; }
    /// <summary>How many times each row occurs (float32 [N]), or null when every row is one example.</summary>
    public Tensor? Weights { get; }
    /// <summary>The number of rows.</summary>
    public long Count => Y.shape[0];
    /// <summary>The number of examples the rows stand for: <see cref="Count"/> unless weighted.</summary>
    public double TotalWeight
    {
        get
        {
            if (Weights is null) return Count;
            using var total = Weights.sum();
            return total.item<float>();
        }
    }

    /// <summary>Every example of the words, in order.</summary>
    public static Examples Of(IReadOnlyList<string> words, Vocabulary vocabulary, int order)
    {
        ContextIndex.CheckOrder(order);
        var count = ExampleWalk.CountExamples(words);
        var width = order - 1;
        var x = new long[count * width];
        var y = new long[count];
        long row = 0;
        ExampleWalk.Run(words, vocabulary, order, (context, next) =>
        {
            ContextIndex.DecodeInto(context, vocabulary.Size, x.AsSpan((int)(row * width), width));
            y[row++] = next;
        });
        return new Examples(vocabulary, order, tensor(x, [count, width]), tensor(y), null);
    }

    /// <summary>
    /// Throws unless these examples are for a model of order <paramref name="order"/> over <paramref name="vocabulary"/>
    /// (a model's Order and Vocabulary: the data knows no model type).
    /// </summary>
    internal void CheckFits(int order, Vocabulary vocabulary)
    {
        if (order != Order || !vocabulary.Itos.SequenceEqual(Vocabulary.Itos))
            throw new ArgumentException(
                $"The examples are for order {Order} over \"{Vocabulary}\", the model is order {order} over \"{vocabulary}\".");
    }

    public void Dispose()
    {
        X.Dispose();
        Y.Dispose();
        Weights?.Dispose();
    }
}
