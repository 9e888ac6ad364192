using System.Globalization;

namespace Makemore.Exercises;

/// <summary>
/// The checks of exercise E02, training, dev and test splits (E02-train-dev-test.ipynb): the seeded 80/10/10 split, the
/// trigram counting model's dev and test losses and the trigram net's dev loss, each model built from the training
/// names only. The right values come from the library on names.txt (<see cref="ExerciseData"/>); the mistakes are made
/// on the same data (another seed, no shuffle, cuts rounded another way, a model that has seen the held-out names, …).
/// Each check prints its one line and returns it.
/// </summary>
public static class E02Checks
{
    // The lesson's generator seed: the net's start, and the mistake of drawing the split with it instead of 42. The
    // trigram net's settings are E01's.
    const ulong LessonSeed = 2147483647;
    const double LearningRate = 30, BigramLearningRate = 50, Regularization = 0.01;
    const int Steps = 1000;

    const string SplitName = "trainWords, devWords, testWords";

    static DataSplit Parts => ExerciseData.Split;
    static IReadOnlyList<string> Names => ExerciseData.Names;

    static readonly NumberStep DevNllStep = new(
        "trigramDevNll", "the trigram counting model (k = 1) counted from the training names, its average NLL on the dev names",
        expected: () => CountingNll(Parts.Train, Parts.Dev, order: 3), tolerance: 0.0005,
        "Count the training names only, with E01's padding and k = 1, and score every trigram of the dev names. (If step 1 is not ✓ yet, fix it first: every number here depends on the split.)",
        [
            Mistake.Near(() => CountingNll(Names, Parts.Dev, order: 3),
                "The model has seen the dev names: it was counted from all names. Count the training names only, or the dev loss flatters the model."),
            Mistake.Near(() => CountingNll(Parts.Train, Parts.Train, order: 3),
                "That is the loss on the training names, the ones the model was counted from: score the dev names."),
            Mistake.Near(() => CountingNll(Parts.Train, Parts.Test, order: 3),
                "That is the loss on the test names, which are kept for the very end: score the dev names."),
            Mistake.Near(() => CountingNll(Parts.Train, Parts.Dev, order: 2),
                "That is the bigram model's dev loss: one character of context. The trigram model reads two."),
            Mistake.When(double.IsPositiveInfinity,
                "An infinite loss: some dev trigram never occurs in the training names and got probability 0. Smooth the counts, k = 1."),
        ]);

    static readonly NumberStep NetDevNllStep = new(
        "trigramNetDevNll", $"E01's 54-row trigram net trained {Steps:N0} steps on the training names, its average NLL on the dev names",
        expected: () => NetNll(Parts.Train, Parts.Dev, LearningRate), tolerance: 0.0005,
        $"Train E01's net (W = randn(54, 27) seeded {LessonSeed}, learning rate {LearningRate}, regularisation {Regularization}, {Steps:N0} steps) on the training names' counts, then score the dev names.",
        [
            Mistake.Near(() => NetNll(Names, Parts.Dev, LearningRate),
                "The net has seen the dev names: it was trained on all names. Train on the training names only."),
            Mistake.Near(() => NetNll(Parts.Train, Parts.Dev, BigramLearningRate),
                $"That is the net trained with learning rate {BigramLearningRate}, the bigram net's; E01's trigram net takes {LearningRate}."),
            Mistake.Near(() => NetNll(Parts.Train, Parts.Train, LearningRate),
                "That is the net's loss on its training names: score the dev names."),
            Mistake.Near(() => NetNll(Parts.Train, Parts.Test, LearningRate),
                "That is the loss on the test names, which are kept for the very end: score the dev names."),
            Mistake.Near(() => CountingNll(Parts.Train, Parts.Dev, order: 3),
                "That is the counting model's dev loss (step 2): this step is the net's."),
        ]);

    static readonly NumberStep TestNllStep = new(
        "trigramTestNll", "the trigram counting model (k = 1) counted from the training names, its average NLL on the test names",
        expected: () => CountingNll(Parts.Train, Parts.Test, order: 3), tolerance: 0.0005,
        "Score the model of step 2, counted from the training names with k = 1, on every trigram of the test names.",
        [
            Mistake.Near(() => CountingNll(Parts.Train, Parts.Dev, order: 3),
                "That is the dev loss of step 2: score the test names."),
            Mistake.Near(() => CountingNll(Names, Parts.Test, order: 3),
                "The model has seen the test names: it was counted from all names. Count the training names only."),
            Mistake.Near(() => CountingNll(Parts.Train, Parts.Train, order: 3),
                "That is the loss on the training names: score the test names."),
        ]);

    /// <summary>
    /// Step 1: the names shuffled by torch.randperm with a generator seeded 42, cut at (int)(0.8 · count) and
    /// (int)(0.9 · count) into training, dev and test names.
    /// </summary>
    public static CheckResult Split(IReadOnlyList<string> trainWords, IReadOnlyList<string> devWords, IReadOnlyList<string> testWords) =>
        SplitCheck(trainWords, devWords, testWords).Print();

    /// <summary>Step 2: the trigram counting model's (k = 1, counted from the training names) average NLL on the dev names.</summary>
    public static CheckResult TrigramDevNll(double trigramDevNll) => DevNllStep.Check(trigramDevNll).Print();

    /// <summary>Step 3: E01's 54-row trigram net, trained on the training names, its average NLL on the dev names.</summary>
    public static CheckResult TrigramNetDevNll(double trigramNetDevNll) => NetDevNllStep.Check(trigramNetDevNll).Print();

    /// <summary>Step 4: the trigram counting model of step 2, its average NLL on the test names.</summary>
    public static CheckResult TrigramTestNll(double trigramTestNll) => TestNllStep.Check(trigramTestNll).Print();

    static CheckResult SplitCheck(IReadOnlyList<string>? train, IReadOnlyList<string>? dev, IReadOnlyList<string>? test)
    {
        if (train is null || dev is null || test is null)
            return CheckResult.NotAnswered(SplitName, "the names shuffled by torch.randperm with a generator seeded 42 and cut 80/10/10");
        var sizes = $"{Count(train.Count)}, {Count(dev.Count)} and {Count(test.Count)} names";
        if (train.SequenceEqual(Parts.Train) && dev.SequenceEqual(Parts.Dev) && test.SequenceEqual(Parts.Test))
            return CheckResult.Right(SplitName, $"{sizes}, the split DataSplit.Of(words, 42) makes, right");

        List<string> all = [.. train, .. dev, .. test];
        if (all.Count != Names.Count || !all.Order(StringComparer.Ordinal).SequenceEqual(Names.Order(StringComparer.Ordinal)))
        {
            var overlap = all.Count > Names.Count ? " Some names are in two parts: each name goes into exactly one, the cuts n1 and n2 ending one part and starting the next." : "";
            return CheckResult.Wrong(SplitName,
                $"{sizes}: together they are not the names of names.txt, each once ({Count(all.Count)} names in all).{overlap}");
        }
        if (all.SequenceEqual(Names))
            return CheckResult.Wrong(SplitName,
                $"{sizes}, not shuffled: names.txt lists the most popular names first, so the dev and test names would be rarer than the training names. Shuffle with torch.randperm first.");
        List<string> right = [.. Parts.Train, .. Parts.Dev, .. Parts.Test];
        if (all.SequenceEqual(right))
            return CheckResult.Wrong(SplitName,
                $"{sizes}: the right shuffle, cut in other places. Cut at n1 = (int)(0.8 · count) and n2 = (int)(0.9 · count), rounding down as Python's int() does.");
        var lesson = LessonSeedSplit.Value;
        if (all.SequenceEqual([.. lesson.Train, .. lesson.Dev, .. lesson.Test]))
            return CheckResult.Wrong(SplitName,
                $"{sizes}, shuffled with seed {LessonSeed}, the lesson's generator seed: the exercises' split is drawn with seed 42.");
        return CheckResult.Wrong(SplitName,
            $"{sizes}, shuffled another way than torch.randperm(words.Count, generator: new torch.Generator(42)): another seed, another shuffle (Random, OrderBy) or a generator that drew something first gives other parts.");
    }

    static readonly Lazy<DataSplit> LessonSeedSplit = new(() => DataSplit.Of(Names, LessonSeed));

    static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    static double CountingNll(IReadOnlyList<string> fitOn, IReadOnlyList<string> scoreOn, int order)
    {
        using var model = CountingModel.Fit(fitOn, ExerciseData.Vocabulary, order, smoothing: 1);
        return Evaluation.Nll(model, scoreOn);
    }

    static double NetNll(IReadOnlyList<string> trainOn, IReadOnlyList<string> scoreOn, double learningRate) =>
        Evaluation.Nll(TrainedNet(trainOn, learningRate), scoreOn);

    // One net per training words (the same list objects every time) and learning rate, trained once and kept.
    static readonly Dictionary<(IReadOnlyList<string> Words, double LearningRate), NeuralNGram> Nets = [];

    static NeuralNGram TrainedNet(IReadOnlyList<string> trainOn, double learningRate)
    {
        lock (Nets)
        {
            if (Nets.TryGetValue((trainOn, learningRate), out var trained)) return trained;
            using var generator = new Generator(LessonSeed);
            var net = NeuralNGram.Create(ExerciseData.Vocabulary, order: 3, generator);
            net.Train(NGramCounts.Of(trainOn, ExerciseData.Vocabulary, order: 3), new TrainingOptions(Steps, learningRate, Regularization));
            return Nets[(trainOn, learningRate)] = net;
        }
    }
}
