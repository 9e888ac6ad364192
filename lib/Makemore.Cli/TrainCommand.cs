using System.CommandLine;
using TorchSharp;
using static TorchSharp.torch;

namespace Makemore.Cli;

/// <summary>
/// makemore train [FILE]: loads a word list, splits it 80/10/10, fits a counting model or trains a neural one on the
/// training words, prints the train/dev/test loss and samples, and optionally saves the model.
/// </summary>
static class TrainCommand
{
    /// <summary>A split needs at least this many words for 80/10/10 to give every part one (10: 8/1/1).</summary>
    public const int MinimumWords = 10;
    public const ulong DefaultSeed = 2147483647;

    static readonly Argument<string?> File = new("file")
    {
        Description = "The word list: UTF-8 text, one word per line, any alphabet ('.' is reserved for the ends of words). " +
                      "Default: the lesson's names.txt (data/names.txt, MAKEMORE_NAMES, or downloaded).",
        Arity = ArgumentArity.ZeroOrOne,
    };
    static readonly Option<string> Model = new Option<string>("--model", "-m")
    {
        Description = "counting: count the n-grams and smooth the counts. neural: the one-layer network trained by gradient descent.",
        DefaultValueFactory = _ => ModelKind.Counting.Name(),
    }.AcceptOnlyFromAmong(ModelKind.Counting.Name(), ModelKind.Neural.Name());
    static readonly Option<int> Order = new("--order", "-n")
    {
        HelpName = "n",
        Description = "n: the model predicts a character from the n-1 before it (1: unigram, 2: bigram, 3: trigram, …).",
        DefaultValueFactory = _ => 2,
    };
    static readonly Option<double> Smoothing = new("--smoothing", "-k")
    {
        HelpName = "k",
        Description = "Counting models: k, added to every count before normalising (0: none).",
        DefaultValueFactory = _ => 1.0,
    };
    static readonly Option<double> Regularization = new("--regularization", "-r")
    {
        HelpName = "strength",
        Description = "Neural models: the strength of the regularisation term strength·mean(W²).",
        DefaultValueFactory = _ => 0.01,
    };
    static readonly Option<int> Steps = new("--steps")
    {
        HelpName = "count",
        Description = "Neural models: steps of full-batch gradient descent. Each step computes the loss from the counts of the " +
                      "distinct n-grams (each weighted by its count), which gives the same loss and gradient as all examples, much faster.",
        DefaultValueFactory = _ => 100,
    };
    static readonly Option<double> LearningRate = new("--learning-rate", "--lr")
    {
        HelpName = "rate",
        Description = "Neural models: the gradient descent step size.",
        DefaultValueFactory = _ => 50.0,
    };
    static readonly Option<ulong> Seed = new("--seed")
    {
        HelpName = "seed",
        Description = "Seed of the random generator for the network's initial weights and for sampling.",
        DefaultValueFactory = _ => DefaultSeed,
    };
    static readonly Option<ulong> SplitSeed = new("--split-seed")
    {
        HelpName = "seed",
        Description = "Seed of the shuffle that splits the words 80/10/10 into train, dev and test words.",
        DefaultValueFactory = _ => DataSplit.DefaultSeed,
    };
    static readonly Option<int> Samples = SampleReport.CountOption("How many words to sample from the trained model.");
    static readonly Option<string?> Save = new("--save")
    {
        HelpName = "model-file",
        Description = "Save the trained model to this file (JSON, described in the README), for makemore sample.",
    };

    static readonly Option[] CountingOnly = [Smoothing];
    static readonly Option[] NeuralOnly = [Regularization, Steps, LearningRate];

    public static Command Create()
    {
        var command = new Command("train", "Train a character-level model on a word list, report its loss, and print new words.")
        {
            File, Model, Order, Smoothing, Regularization, Steps, LearningRate, Seed, SplitSeed, Samples, Save,
        };
        command.SetAction(Run);
        return command;
    }

    static int Run(ParseResult parse)
    {
        var kind = Enum.Parse<ModelKind>(parse.GetValue(Model)!, ignoreCase: true);
        var order = parse.GetValue(Order);
        var smoothing = parse.GetValue(Smoothing);
        var options = new TrainingOptions(parse.GetValue(Steps), parse.GetValue(LearningRate), parse.GetValue(Regularization));
        var seed = parse.GetValue(Seed);
        var samples = parse.GetValue(Samples);
        var savePath = parse.GetValue(Save);
        CheckOptions(parse, kind, order, smoothing, options, samples, savePath);

        var (words, source) = LoadWords(parse.GetValue(File));
        TorchSetup.Load();
        var vocabulary = Vocabulary.FromWords(words);
        OrderLimit.Check(kind, vocabulary.Size, order);
        var split = DataSplit.Of(words, parse.GetValue(SplitSeed));

        Console.WriteLine($"data     {source}: {words.Count:N0} words, {Symbols(vocabulary)}");
        Console.WriteLine($"split    {split} (split seed {parse.GetValue(SplitSeed)})");
        using var interrupt = new TrainingInterrupt();
        using var trained = new TrainedModel(kind == ModelKind.Counting
            ? FitCounting(split.Train, vocabulary, order, smoothing)
            : TrainNeural(split.Train, vocabulary, order, options, seed, interrupt), Path.GetFileName(source), split.Train);

        Console.WriteLine();
        Console.WriteLine("loss: the average negative log likelihood of the next character (lower is better)");
        PrintLoss("train", trained.Model, split.Train);
        PrintLoss("dev", trained.Model, split.Dev);
        PrintLoss("test", trained.Model, split.Test);

        SampleReport.Print(SampleReport.Draw(trained.Model, seed, samples), split.Train, seed);

        if (savePath is not null)
        {
            ModelFile.Save(savePath, trained);
            Console.WriteLine();
            Console.WriteLine($"saved    {savePath} ({trained.Description}, model file version {ModelFile.Version})");
        }
        return interrupt.Requested ? ExitCodes.Interrupted : ExitCodes.Ok;
    }

    static void CheckOptions(ParseResult parse, ModelKind kind, int order, double smoothing, TrainingOptions options, int samples, string? savePath)
    {
        var other = kind == ModelKind.Counting ? ModelKind.Neural : ModelKind.Counting;
        var given = (kind == ModelKind.Counting ? NeuralOnly : CountingOnly).FirstOrDefault(option => parse.GetResult(option) is { Implicit: false });
        if (given is not null)
            throw new CliError($"{given.Name} is an option of {other.Name()} models; this is a {kind.Name()} model (--model {other.Name()} to train one).");
        if (order < 1)
            throw new CliError($"--order must be 1 or more (1: unigram, 2: bigram, 3: trigram, …), not {order}.");
        if (kind == ModelKind.Neural && order < 2)
            throw new CliError("a neural model needs --order 2 or more: with no character before it, it has no input.");
        if (!(double.IsFinite(smoothing) && smoothing >= 0))
            throw new CliError($"--smoothing must be 0 or more (a count added to every cell), not {smoothing}.");
        if (!(double.IsFinite(options.Regularization) && options.Regularization >= 0))
            throw new CliError($"--regularization must be 0 or more, not {options.Regularization}.");
        if (options.Steps < 1)
            throw new CliError($"--steps must be 1 or more, not {options.Steps}.");
        if (!(double.IsFinite(options.LearningRate) && options.LearningRate > 0))
            throw new CliError($"--learning-rate must be a positive number, not {options.LearningRate}.");
        SampleReport.CheckCount(samples);
        if (savePath is not null)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(savePath))!;
            if (Directory.Exists(savePath))
                throw new CliError($"--save {savePath} is a folder; give the path of a file.");
            if (!Directory.Exists(folder))
                throw new CliError($"--save {savePath}: the folder {folder} does not exist.");
        }
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
                if (Directory.Exists(path)) throw new CliError($"{path} is a folder, not a word list.");
                if (!System.IO.File.Exists(path)) throw new CliError($"no such file: {path}");
                if (new FileInfo(path).Length == 0) throw new CliError($"{path} is empty: a word list has one word per line.");
                words = WordList.Load(path);
            }
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new CliError(e.Message);
        }
        if (words.Count < MinimumWords)
            throw new CliError($"{path} has {words.Count} word{(words.Count == 1 ? "" : "s")}; splitting 80/10/10 into train, dev and test words needs at least {MinimumWords}.");
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
        var characters = vocabulary.ToString()[1..];
        return characters.Length <= 64
            ? $"{vocabulary.Size} symbols ('{Vocabulary.Boundary}' and {characters})"
            : $"{vocabulary.Size} symbols ('{Vocabulary.Boundary}' and {characters.Length} characters)";
    }

    static CountingModel FitCounting(IReadOnlyList<string> train, Vocabulary vocabulary, int order, double smoothing)
    {
        Console.WriteLine($"model    {ModelKinds.Describe(ModelKind.Counting, order)}, smoothing k = {smoothing}");
        return CountingModel.Fit(train, vocabulary, order, smoothing);
    }

    static NeuralNGram TrainNeural(IReadOnlyList<string> train, Vocabulary vocabulary, int order, TrainingOptions options, ulong seed, TrainingInterrupt interrupt)
    {
        var v = vocabulary.Size;
        Console.WriteLine($"model    {ModelKinds.Describe(ModelKind.Neural, order)}, W: {(order - 1) * v} × {v} weights (seed {seed}), " +
                          $"learning rate {options.LearningRate}, regularization {options.Regularization}");
        var counts = NGramCounts.Of(train, vocabulary, order);
        using var examples = counts.ToExamples();
        NeuralNGram model;
        using (var generator = new Generator(seed))
            model = NeuralNGram.Create(vocabulary, order, generator);
        Console.WriteLine($"training {options.Steps:N0} steps on the counts of the {counts.Distinct:N0} distinct {ModelKinds.OrderName(order)}s " +
                          $"among the {counts.Total:N0} training examples (Ctrl+C stops early)");
        using var progress = new ProgressBar(options.Steps);
        interrupt.During(token =>
        {
            using var log = new TrainingLog(progress, token);
            try
            {
                model.Train(examples, options, log, log.Token);
            }
            catch (OperationCanceledException)
            {
                // The model keeps the steps done so far; the lines below say where training stopped.
            }
            progress.Dispose();
            if (log.Diverged)
            {
                model.Dispose();
                throw new CliError($"training diverged: the loss was {log.Last!.Loss} at step {log.Last.Step + 1:N0}. " +
                                   $"Try a smaller --learning-rate than {options.LearningRate}.");
            }
            var stopped = interrupt.Requested ? ", stopped by Ctrl+C" : "";
            Console.WriteLine(log is { First: { } first, Last: { } last }
                ? $"trained  {last.Step + 1:N0} of {options.Steps:N0} steps{stopped}: loss {first.Loss:F4} → {last.Loss:F4} (before each step, with regularization)"
                : $"trained  0 of {options.Steps:N0} steps{stopped}: the weights are still random");
        });
        return model;
    }

    static void PrintLoss(string part, INGramModel model, IReadOnlyList<string> words)
    {
        var nll = Evaluation.Nll(model, words);
        var note = !double.IsPositiveInfinity(nll) ? ""
            : model is CountingModel
                ? "  (infinite: these words have an n-gram the training words never have, and smoothing 0 makes it impossible)"
                : "  (infinite: the model gives a character of these words probability 0)";
        Console.WriteLine($"  {part,-5}  {nll:F4}{note}");
    }
}
