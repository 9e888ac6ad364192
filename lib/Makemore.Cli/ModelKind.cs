using System.CommandLine;

namespace Makemore.Cli;

/// <summary>
/// One kind of model the command makes, described once: its name (the value of --model and of the model file's
/// "kind"), what --help says of it, train's options that belong to it, how high its order may go, how it trains on
/// the training words' counts, what its lines say, and how the model file holds it. <see cref="All"/> is the table of
/// kinds; nothing else in the command asks which kind a model is. CONTRIBUTING.md says how to add one.
/// </summary>
abstract class ModelKind
{
    /// <summary>Every kind, the default first: the table the options, the help and the model file are made from.</summary>
    public static IReadOnlyList<ModelKind> All { get; } = [new CountingKind(), new NeuralKind(), new KneserNeyKind()];

    /// <summary>The kind of model train makes without --model.</summary>
    public static ModelKind Default => All[0];

    /// <summary>The kind with this name, or null.</summary>
    public static ModelKind? Named(string name) => All.FirstOrDefault(kind => kind.Name == name);

    /// <summary>The names of all kinds in words, for messages: "counting", "neural" or "kneser-ney".</summary>
    public static string Names => string.Join(", ", All.SkipLast(1).Select(k => $"\"{k.Name}\"")) + $" or \"{All[^1].Name}\"";

    /// <summary>The name on the command line and in the model file.</summary>
    public abstract string Name { get; }

    /// <summary>What --model's help says of it, after "name: ".</summary>
    public abstract string Summary { get; }

    /// <summary>The model file's format version that first holds this kind; older files cannot name it.</summary>
    public virtual int FileVersion => 1;

    /// <summary>train's options that only some kinds have, this one among them (another kind may share one).</summary>
    public virtual IReadOnlyList<Option> Options => [];

    /// <summary>The library's rule for the order of this kind before the words (and their alphabet) are known.</summary>
    public virtual void CheckOrder(int order) => ContextIndex.CheckOrder(order);

    /// <summary>Whether the library builds a model of this kind and order over <paramref name="vocabularySize"/> symbols.</summary>
    public abstract bool FitsOrder(int vocabularySize, int order);

    /// <summary>The library's check of the order over the data's symbols; its <see cref="ArgumentRule"/> names the highest order.</summary>
    public abstract void CheckOrder(int vocabularySize, int order);

    /// <summary>
    /// Checks this kind's own options before any data is read, each under its option's name
    /// (<see cref="OptionValues.Check"/>).
    /// </summary>
    public virtual void CheckOptions(ParseResult parse, int order)
    {
    }

    /// <summary>Fits or trains a model on the training words' counts, printing its "model" line (and any training lines).</summary>
    public abstract INGramModel Train(NGramCounts counts, TrainingRun run);

    /// <summary>What sample's "model" line adds after the description (", smoothing k = 0.01"), or nothing.</summary>
    public abstract string Settings(INGramModel model);

    /// <summary>Why a loss is not a finite number, for a model of this kind, or null for the general reason.</summary>
    public virtual string? LossNote(INGramModel model, double loss) => null;

    /// <summary>The model file's fields of this kind, added to <paramref name="content"/> (which has the common ones).</summary>
    public abstract ModelFileContent Save(INGramModel model, ModelFileContent content);

    /// <summary>The model from its file's fields; a missing or wrong field is a <see cref="FormatException"/> naming it.</summary>
    public abstract INGramModel Load(ModelFileContent content, Vocabulary vocabulary, int order);

    /// <summary>"counting bigram (order 2)", "neural 4-gram (order 4)".</summary>
    public string Describe(int order) => $"{Name} {OrderName(order)} (order {order})";

    /// <summary>unigram, bigram, trigram, 4-gram, …</summary>
    public static string OrderName(int order) => order switch
    {
        1 => "unigram",
        2 => "bigram",
        3 => "trigram",
        _ => $"{order}-gram",
    };
}

/// <summary>A kind whose models are <typeparamref name="TModel"/>: what it is given back is the model it made or loaded.</summary>
abstract class ModelKind<TModel> : ModelKind where TModel : class, INGramModel
{
    public sealed override string Settings(INGramModel model) => Settings((TModel)model);
    public sealed override string? LossNote(INGramModel model, double loss) => LossNote((TModel)model, loss);
    public sealed override ModelFileContent Save(INGramModel model, ModelFileContent content) => Save((TModel)model, content);

    protected virtual string Settings(TModel model) => "";
    protected virtual string? LossNote(TModel model, double loss) => null;
    protected abstract ModelFileContent Save(TModel model, ModelFileContent content);
}

/// <summary>What training needs besides the counts: the parsed command line, the seed, and Ctrl+C.</summary>
sealed record TrainingRun(ParseResult Parse, ulong Seed, TrainingInterrupt Interrupt);
