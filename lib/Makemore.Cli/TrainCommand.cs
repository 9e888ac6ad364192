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
        Description = "counting: count the n-grams and smooth the counts. neural: the one-layer network trained by gradient descent.",
        DefaultValueFactory = _ => ModelKind.Counting.Name(),
    }.AcceptOnlyFromAmong(ModelKind.Counting.Name(), ModelKind.Neural.Name());
    static readonly Option<int> Order = new Option<int>("--order", "-n")
    {
        HelpName = "n",
        Description = "n: the model predicts a character from the n-1 before it (1: unigram, 2: bigram, 3: trigram, …).",
        DefaultValueFactory = _ => 2,
    }.WholeNumber(minimum: ContextIndex.MinOrder);
    static readonly Option<double> Smoothing = new Option<double>("--smoothing", "-k")
    {
        HelpName = "k",
        Description = $"Counting models: k, added to every count before normalising (0: none; at most {CountingModel.MaxSmoothing:0e0}).",
        DefaultValueFactory = _ => 1.0,
    }.Number();
    static readonly Option<double> Regularization = new Option<double>("--regularization", "-r")
    {
        HelpName = "strength",
        Description = "Neural models: the strength of the regularisation term strength·mean(W²).",
        DefaultValueFactory = _ => 0.01,
    }.Number();
    static readonly Option<int> Steps = new Option<int>("--steps")
    {
        HelpName = "count",
        Description = "Neural models: steps of full-batch gradient descent. Each step computes the loss from the counts of the " +
                      "distinct n-grams (each weighted by its count), which gives the same loss and gradient as all examples, much faster. " +
                      "Training stops with an error if the loss stops being a number or rises above where it started.",
        DefaultValueFactory = _ => 100,
    }.WholeNumber(minimum: 1);
    static readonly Option<double> LearningRate = new Option<double>("--learning-rate", "--lr")
    {
        HelpName = "rate",
        Description = $"Neural models: the gradient descent step size. Default: {new TrainingOptions().LearningRate} (the lesson's) for bigrams, " +
                      $"{new TrainingOptions().LearningRate}/(n-1) for order n, since the logits add up n-1 rows of W and each step moves them n-1 times as far.",
    }.Number();
    static readonly Option<ulong> Seed = OptionValues.Seed("--seed",
        "Seed of the random generator for the network's initial weights and for sampling (a whole number 0 or more).", DefaultSeed);
    static readonly Option<ulong> SplitSeed = OptionValues.Seed("--split-seed",
        "Seed of the shuffle that splits the words 80/10/10 into train, dev and test words.", DataSplit.DefaultSeed);
    static readonly Option<int> Samples = SampleReport.CountOption("How many words to sample from the trained model.");
    static readonly Option<string?> Save = new("--save")
    {
        HelpName = "model-file",
        Description = "Save the trained model to this file (JSON, described in docs/cli.md), for makemore sample.",
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
        var seed = parse.GetValue(Seed);
        var samples = parse.GetValue(Samples);
        var savePath = parse.GetValue(Save);
        var options = CheckOptions(parse, kind, order, smoothing, samples, savePath);

        // libtorch takes about a second to load: it loads on the other core while the words are read.
        var torchLoading = Task.Run(TorchSetup.Load);
        var (words, source) = LoadWords(parse.GetValue(File));
        var vocabulary = Vocabulary.FromWords(words);
        UseTorch(torchLoading);
        OptionValues.Check(parse, () => OrderLimit.Check(kind, vocabulary.Size, order), ("order", Order));
        var split = DataSplit.Of(words, parse.GetValue(SplitSeed));
        var known = samples > 0 ? SampleReport.KnownWords(split.Train) : Task.FromResult(new HashSet<string>());

        Console.WriteLine($"data     {source}: {words.Count:N0} words, {Symbols(vocabulary)}");
        Console.WriteLine($"split    {split} (split seed {parse.GetValue(SplitSeed)})");
        // The training words' n-gram counts are all that fitting, training and the training loss need: memory grows
        // with the distinct n-grams, not with the examples.
        var trainCounts = NGramCounts.Of(split.Train, vocabulary, order);
        using var interrupt = new TrainingInterrupt();
        using var trained = new TrainedModel(kind == ModelKind.Counting
            ? FitCounting(trainCounts, smoothing)
            : TrainNeural(trainCounts, options, parse.GetResult(LearningRate) is { Implicit: false }, seed, interrupt), Path.GetFileName(source), split.Train);

        Console.WriteLine();
        Console.WriteLine("loss: the average negative log likelihood of the next character (lower is better)");
        PrintLoss("train", trained.Model, trainCounts);
        PrintLoss("dev", trained.Model, NGramCounts.Of(split.Dev, vocabulary, order));
        PrintLoss("test", trained.Model, NGramCounts.Of(split.Test, vocabulary, order));

        SampleReport.Write(trained.Model, seed, samples, known);

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
    static TrainingOptions CheckOptions(ParseResult parse, ModelKind kind, int order, double smoothing, int samples, string? savePath)
    {
        var other = kind == ModelKind.Counting ? ModelKind.Neural : ModelKind.Counting;
        var given = (kind == ModelKind.Counting ? NeuralOnly : CountingOnly).FirstOrDefault(option => parse.GetResult(option) is { Implicit: false });
        if (given is not null)
            throw new UsageException($"{given.Name} is an option of {other.Name()} models; this is a {kind.Name()} model (--model {other.Name()} to train one).");
        OptionValues.Check(parse, () => ContextIndex.CheckOrder(order), ("order", Order));
        if (kind == ModelKind.Neural) OptionValues.Check(parse, () => NeuralNGram.CheckOrder(order), ("order", Order));
        OptionValues.Check(parse, () => CountingModel.CheckSmoothing(smoothing), ("smoothing", Smoothing));
        var learningRate = parse.GetResult(LearningRate) is { Implicit: false }
            ? parse.GetValue(LearningRate)
            : kind == ModelKind.Neural ? NeuralNGram.DefaultLearningRate(order) : new TrainingOptions().LearningRate;
        var options = new TrainingOptions(parse.GetValue(Steps), learningRate, parse.GetValue(Regularization));
        OptionValues.Check(parse, options.Check,
            (nameof(TrainingOptions.Steps), Steps), (nameof(TrainingOptions.LearningRate), LearningRate), (nameof(TrainingOptions.Regularization), Regularization));
        SampleReport.CheckCount(samples);
        if (savePath is not null)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(savePath))!;
            if (Directory.Exists(savePath))
                throw new UsageException($"--save {savePath} is a folder; give the path of a file.");
            if (!Directory.Exists(folder))
                throw new UsageException($"--save {savePath}: the folder {folder} does not exist.");
        }
        return options;
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

    static CountingModel FitCounting(NGramCounts counts, double smoothing)
    {
        Console.WriteLine($"model    {ModelKinds.Describe(ModelKind.Counting, counts.Order)}, smoothing k = {smoothing}");
        return CountingModel.Fit(counts, smoothing);
    }

    static NeuralNGram TrainNeural(NGramCounts counts, TrainingOptions options, bool learningRateGiven, ulong seed, TrainingInterrupt interrupt)
    {
        var (vocabulary, order) = (counts.Vocabulary, counts.Order);
        var v = vocabulary.Size;
        var rate = learningRateGiven || order == 2
            ? $"{options.LearningRate}"
            : $"{options.LearningRate:G5} (the default for order {order}: {new TrainingOptions().LearningRate}/(n-1))";
        Console.WriteLine($"model    {ModelKinds.Describe(ModelKind.Neural, order)}, W: {(order - 1) * v} × {v} weights (seed {seed}), " +
                          $"learning rate {rate}, regularization {options.Regularization}");
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
                model.Train(counts, options, log, log.Token);
            }
            catch (OperationCanceledException)
            {
                // The model keeps the steps done so far; the lines below say where training stopped.
            }
            progress.Dispose();
            if (log.Divergence is { } problem)
            {
                model.Dispose();
                throw new UsageException($"training diverged: {problem}. {Advice(log, options, order)}");
            }
            var stopped = interrupt.Requested ? ", stopped by Ctrl+C" : "";
            Console.WriteLine(log is { First: { } first, Last: { } last }
                ? $"trained  {last.Step + 1:N0} of {options.Steps:N0} steps{stopped}: loss {first.Loss:F4} → {last.Loss:F4} (before each step, with regularization)"
                : $"trained  0 of {options.Steps:N0} steps{stopped}: the weights are still random");
        });
        return model;
    }

    // What to change. A loss that is not a number before any update comes from the regularisation term overflowing
    // (the data loss of random weights is always finite); afterwards it is the step size.
    static string Advice(TrainingLog log, TrainingOptions options, int order)
    {
        if (log.Last is { Step: 0 })
            return $"The regularization term overflows: try a smaller --regularization than {options.Regularization}.";
        var suits = NeuralNGram.DefaultLearningRate(order);
        return options.LearningRate > suits && order > NeuralNGram.MinOrder
            ? $"Try a smaller --learning-rate than {options.LearningRate} (the default for order {order} is {suits:G5}: {new TrainingOptions().LearningRate}/(n-1))."
            : $"Try a smaller --learning-rate than {options.LearningRate}.";
    }

    static void PrintLoss(string part, INGramModel model, NGramCounts counts)
    {
        var nll = Evaluation.Nll(model, counts);
        var note = double.IsFinite(nll) ? ""
            : double.IsNaN(nll) ? "  (not a number: the network's logits are too large for the softmax's exp in float32)"
            : model is CountingModel { Smoothing: 0 }
                ? "  (infinite: these words have an n-gram the training words never have, and smoothing 0 makes it impossible)"
            : model is CountingModel { Smoothing: var k }
                ? $"  (infinite: with smoothing k = {k}, float32 rounds the probability of an n-gram of these words to 0)"
                : "  (infinite: the model gives a character of these words probability 0)";
        Console.WriteLine($"  {part,-5}  {nll:F4}{note}");
    }
}
