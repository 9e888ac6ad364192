using System.CommandLine;
using static TorchSharp.torch;

namespace Makemore.Cli;

/// <summary>
/// The lesson's one-layer network for any order (<see cref="NeuralNGram"/>), trained by full-batch gradient descent on
/// the counts, with a progress bar, Ctrl+C to stop early, and a stop with advice when the loss diverges.
/// </summary>
sealed class NeuralKind : ModelKind<NeuralNGram>
{
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

    public override string Name => "neural";
    public override string Summary => "the one-layer network trained by gradient descent";
    public override IReadOnlyList<Option> Options => [Regularization, Steps, LearningRate];

    public override void CheckOrder(int order)
    {
        base.CheckOrder(order);
        NeuralNGram.CheckOrder(order);
    }

    public override bool FitsOrder(int vocabularySize, int order) => NeuralNGram.FitsOrder(vocabularySize, order);
    public override void CheckOrder(int vocabularySize, int order) => NeuralNGram.CheckOrder(vocabularySize, order);

    public override void CheckOptions(ParseResult parse, int order) =>
        OptionValues.Check(parse, TrainingOptionsOf(parse, order).Check,
            (nameof(TrainingOptions.Steps), Steps), (nameof(TrainingOptions.LearningRate), LearningRate), (nameof(TrainingOptions.Regularization), Regularization));

    // The learning rate that suits the order unless one is given.
    static TrainingOptions TrainingOptionsOf(ParseResult parse, int order) => new(parse.GetValue(Steps),
        LearningRateGiven(parse) ? parse.GetValue(LearningRate) : NeuralNGram.DefaultLearningRate(order), parse.GetValue(Regularization));

    static bool LearningRateGiven(ParseResult parse) => parse.GetResult(LearningRate) is { Implicit: false };

    public override INGramModel Train(NGramCounts counts, TrainingRun run)
    {
        var (vocabulary, order) = (counts.Vocabulary, counts.Order);
        var options = TrainingOptionsOf(run.Parse, order);
        var v = vocabulary.Size;
        var rate = LearningRateGiven(run.Parse) || order == 2
            ? $"{options.LearningRate}"
            : $"{options.LearningRate:G5} (the default for order {order}: {new TrainingOptions().LearningRate}/(n-1))";
        Console.WriteLine($"model    {Describe(order)}, W: {(order - 1) * v} × {v} weights (seed {run.Seed}), " +
                          $"learning rate {rate}, regularization {options.Regularization}");
        NeuralNGram model;
        using (var generator = new Generator(run.Seed))
            model = NeuralNGram.Create(vocabulary, order, generator);
        Console.WriteLine($"training {options.Steps:N0} steps on the counts of the {counts.Distinct:N0} distinct {OrderName(order)}s " +
                          $"among the {counts.Total:N0} training examples (Ctrl+C stops early)");
        using var progress = new ProgressBar(options.Steps);
        run.Interrupt.During(token =>
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
            var stopped = run.Interrupt.Requested ? ", stopped by Ctrl+C" : "";
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

    protected override string? LossNote(NeuralNGram model, double loss) => double.IsNaN(loss)
        ? "not a number: the network's logits are too large for the softmax's exp in float32"
        : null;

    protected override ModelFileContent Save(NeuralNGram model, ModelFileContent content)
    {
        var v = model.Vocabulary.Size;
        var w = model.W.detach().data<float>().ToArray();
        return content with { Weights = [.. Enumerable.Range(0, w.Length / v).Select(row => w[(row * v)..((row + 1) * v)])] };
    }

    public override INGramModel Load(ModelFileContent content, Vocabulary vocabulary, int order)
    {
        var v = vocabulary.Size;
        var expected = (order - 1) * v;
        var rows = content.Weights;
        if (rows is null || rows.Length != expected)
            throw new FormatException($"\"weights\" is not a list of {expected} rows");
        var w = new float[expected * v];
        for (var row = 0; row < rows.Length; row++)
        {
            if (rows[row] is not { } values || values.Length != v)
                throw new FormatException($"row {row} of \"weights\" is not a list of {v} numbers");
            if (values.Any(x => !float.IsFinite(x)))
                throw new FormatException($"row {row} of \"weights\" holds something other than a finite number");
            values.CopyTo(w, row * v);
        }
        using var scope = NewDisposeScope();
        return NeuralNGram.FromWeights(vocabulary, order, tensor(w, [expected, v]));
    }
}
