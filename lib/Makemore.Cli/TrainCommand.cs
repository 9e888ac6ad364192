using System.CommandLine;
using TorchSharp;

namespace Makemore.Cli;

/// <summary>
/// makemore train [FILE]: loads a word list, splits it 80/10/10, fits or trains a model of the kind asked for
/// (<see cref="ModelKind"/>) on the training words, prints the train/dev/test loss and samples, and optionally saves
/// the model.
/// </summary>
static class TrainCommand
{
    /// <summary>A split needs at least this many words for 80/10/10 to give every part one (10: 8/1/1): the library's rule.</summary>
    public static int MinimumWords => DataSplit.MinimumWords();
    public const ulong DefaultSeed = 2147483647;

    static readonly Argument<string?> File = new("file")
    {
        Description = "The word list: UTF-8 text, one word per line, any alphabet ('.' is reserved for the ends of words). " +
                      "Default: the lesson's names.txt (data/names.txt, MAKEMORE_NAMES, or downloaded).",
        Arity = ArgumentArity.ZeroOrOne,
    };
    static readonly Option<string> Model = new Option<string>("--model", "-m")
    {
        Description = string.Join(" ", ModelKind.All.Select(kind => $"{kind.Name}: {kind.Summary}.")),
        DefaultValueFactory = _ => ModelKind.Default.Name,
    }.AcceptOnlyFromAmong([.. ModelKind.All.Select(kind => kind.Name)]);
    static readonly Option<int> Order = new Option<int>("--order", "-n")
    {
        HelpName = "n",
        Description = "n: the model predicts a character from the n-1 before it (1: unigram, 2: bigram, 3: trigram, …).",
        DefaultValueFactory = _ => 2,
    }.WholeNumber(minimum: ContextIndex.MinOrder);
    static readonly Option<ulong> Seed = OptionValues.Seed("--seed",
        "Seed of the random generator for the network's initial weights and for sampling (a whole number 0 or more).", DefaultSeed);
    static readonly Option<ulong> SplitSeed = OptionValues.Seed("--split-seed",
        "Seed of the shuffle that splits the words 80/10/10 into train, dev and test words.", DataSplit.DefaultSeed);
    static readonly Option<int> Samples = SampleReport.CountOption("How many words to sample from the trained model.");
    static readonly Option<double> Temperature = SampleReport.TemperatureOption();
    static readonly Option<int?> TopK = SampleReport.TopKOption();
    static readonly Option<string?> Save = new("--save")
    {
        HelpName = "model-file",
        Description = "Save the trained model to this file (JSON, described in docs/cli.md), for makemore sample.",
    };

    /// <summary>The options that belong to some kinds only, each once, in the order of the kinds.</summary>
    static readonly Option[] KindOptions = [.. ModelKind.All.SelectMany(kind => kind.Options).Distinct()];

    public static Command Create()
    {
        var command = new Command("train", "Train a character-level model on a word list, report its loss, and print new words.") { File };
        Option[] options = [Model, Order, .. KindOptions, Seed, SplitSeed, Samples, Temperature, TopK, Save];
        foreach (var option in options) command.Options.Add(option);
        command.SetAction(Run);
        return command;
    }

    static int Run(ParseResult parse)
    {
        var kind = ModelKind.Named(parse.GetValue(Model)!)!; // one of the names --model accepts
        var order = parse.GetValue(Order);
        var seed = parse.GetValue(Seed);
        var samples = parse.GetValue(Samples);
        var savePath = parse.GetValue(Save);
        var sampling = CheckOptions(parse, kind, order, samples, savePath);

        // libtorch takes about a second to load: it loads on the other core while the words are read.
        var torchLoading = Task.Run(TorchSetup.Load);
        var (words, source) = LoadWords(parse.GetValue(File));
        var vocabulary = Vocabulary.FromWords(words);
        UseTorch(torchLoading);
        OptionValues.Check(parse, () => kind.CheckOrder(vocabulary.Size, order), ("order", Order));
        var split = DataSplit.Of(words, parse.GetValue(SplitSeed));
        var known = samples > 0 ? SampleReport.KnownWords(split.Train) : Task.FromResult(new HashSet<string>());

        Console.WriteLine($"data     {source}: {words.Count:N0} words, {Symbols(vocabulary)}");
        Console.WriteLine($"split    {split} (split seed {parse.GetValue(SplitSeed)})");
        // The training words' n-gram counts are all that fitting, training and the training loss need: memory grows
        // with the distinct n-grams, not with the examples.
        var trainCounts = NGramCounts.Of(split.Train, vocabulary, order);
        using var interrupt = new TrainingInterrupt();
        using var trained = new TrainedModel(kind, kind.Train(trainCounts, new TrainingRun(parse, seed, interrupt)), Path.GetFileName(source), split.Train);

        Console.WriteLine();
        Console.WriteLine("loss: the average negative log likelihood of the next character (lower is better)");
        PrintLoss("train", trained, trainCounts);
        PrintLoss("dev", trained, NGramCounts.Of(split.Dev, vocabulary, order));
        PrintLoss("test", trained, NGramCounts.Of(split.Test, vocabulary, order));

        SampleReport.Write(trained.Model, seed, sampling, samples, known);

        if (savePath is not null)
        {
            ModelFile.Save(savePath, trained);
            Console.WriteLine();
            Console.WriteLine($"saved    {savePath} ({trained.Description}, model file version {ModelFile.Version})");
        }
        return interrupt.Requested ? ExitCodes.Interrupted : ExitCodes.Success;
    }

    // Torch was loaded on another thread; its thread count is set again here, on the thread that computes.
    static void UseTorch(Task<string> loading)
    {
        loading.GetAwaiter().GetResult();
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OMP_NUM_THREADS"))) torch.set_num_threads(1);
    }

    // Everything that can be checked before the data is read; each rule is the library's, reported under its option.
    static SamplingOptions CheckOptions(ParseResult parse, ModelKind kind, int order, int samples, string? savePath)
    {
        if (KindOptions.Except(kind.Options).FirstOrDefault(option => parse.GetResult(option) is { Implicit: false }) is { } foreign)
        {
            var owners = ModelKind.All.Where(k => k.Options.Contains(foreign)).ToArray();
            throw new UsageException($"{foreign.Name} is an option of {string.Join(" and ", owners.Select(k => k.Name))} models; " +
                                     $"this is a {kind.Name} model (--model {owners[0].Name} to train one).");
        }
        OptionValues.Check(parse, () => kind.CheckOrder(order), ("order", Order));
        kind.CheckOptions(parse, order);
        SampleReport.CheckCount(samples);
        var sampling = SampleReport.ReadOptions(parse, Temperature, TopK);
        if (savePath is not null)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(savePath))!;
            if (Directory.Exists(savePath))
                throw new UsageException($"--save {savePath} is a folder; give the path of a file.");
            if (!Directory.Exists(folder))
                throw new UsageException($"--save {savePath}: the folder {folder} does not exist.");
        }
        return sampling;
    }

    static (IReadOnlyList<string> Words, string Source) LoadWords(string? path)
    {
        IReadOnlyList<string> words;
        try
        {
            if (path is null)
            {
                path = NamesFile.Locate();
                words = WordList.Load(path);
            }
            else
            {
                if (Directory.Exists(path)) throw new UsageException($"{path} is a folder, not a word list.");
                if (!System.IO.File.Exists(path)) throw new UsageException($"no such file: {path}");
                if (new FileInfo(path).Length == 0) throw new UsageException($"{path} is empty: a word list has one word per line.");
                words = WordList.Load(path);
            }
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new UsageException(e.Message);
        }
        if (words.Count < MinimumWords)
            throw new UsageException($"{path} has {words.Count} word{(words.Count == 1 ? "" : "s")}; splitting 80/10/10 into train, dev and test words needs at least {MinimumWords}.");
        return (words, Shown(path));
    }

    // A path inside the current folder is shown relative to it (data/names.txt), others in full.
    static string Shown(string path)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }

    static string Symbols(Vocabulary vocabulary)
    {
        var characters = vocabulary.Symbols[1..];
        return characters.Length <= 64
            ? $"{vocabulary.Size} symbols ('{Vocabulary.Boundary}' and {characters})"
            : $"{vocabulary.Size} symbols ('{Vocabulary.Boundary}' and {characters.Length} characters)";
    }

    static void PrintLoss(string part, TrainedModel trained, NGramCounts counts)
    {
        var nll = Evaluation.Nll(trained.Model, counts);
        var note = double.IsFinite(nll) ? ""
            : $"  ({trained.Kind.LossNote(trained.Model, nll) ?? (double.IsNaN(nll) ? "not a number" : "infinite: the model gives a character of these words probability 0")})";
        Console.WriteLine($"  {part,-5}  {nll:F4}{note}");
    }
}
