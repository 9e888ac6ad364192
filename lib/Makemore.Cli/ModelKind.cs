namespace Makemore.Cli;

/// <summary>The two kinds of model the command trains; their names are the values of --model and of the model file's "kind".</summary>
enum ModelKind
{
    Counting,
    Neural,
}

static class ModelKinds
{
    public static string Name(this ModelKind kind) => kind.ToString().ToLowerInvariant();

    public static ModelKind Of(INGramModel model) => model switch
    {
        CountingModel => ModelKind.Counting,
        NeuralNGram => ModelKind.Neural,
        _ => throw new ArgumentException($"Not a model this command makes: {model.GetType().Name}.", nameof(model)),
    };

    /// <summary>"counting bigram (order 2)", "neural 4-gram (order 4)".</summary>
    public static string Describe(ModelKind kind, int order) => $"{kind.Name()} {OrderName(order)} (order {order})";

    /// <summary>unigram, bigram, trigram, 4-gram, …</summary>
    public static string OrderName(int order) => order switch
    {
        1 => "unigram",
        2 => "bigram",
        3 => "trigram",
        _ => $"{order}-gram",
    };
}
