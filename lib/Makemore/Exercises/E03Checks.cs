namespace Makemore.Exercises;

/// <summary>
/// The checks of exercise E03, tuning the smoothing on the dev split (E03-tuning-smoothing.ipynb): the smoothing k the
/// dev loss chooses among <see cref="SmoothingGrid"/>, its dev loss, the regularisation strength the dev loss chooses
/// for E01's net with a row per pair among <see cref="StrengthGrid"/>, and the chosen counting model's test loss. The
/// right values come from the library's sweeps on E02's split (<see cref="ExerciseData"/>); the mistakes are made on
/// the same data (choosing on the training or the test names, keeping the lesson's setting, scoring the wrong names).
/// Each check prints its one line and returns it.
/// </summary>
public static class E03Checks
{
    /// <summary>The smoothing strengths the exercise sweeps: Sweep.LogSpaced(0.0001, 100, 25), four per factor of ten.</summary>
    internal static IReadOnlyList<double> SmoothingGrid { get; } = Sweep.LogSpaced(0.0001, 100, 25);

    /// <summary>The regularisation strengths the exercise sweeps: Sweep.LogSpaced(0.0003, 0.3, 7), two per factor of ten.</summary>
    internal static IReadOnlyList<double> StrengthGrid { get; } = Sweep.LogSpaced(0.0003, 0.3, 7);

    /// <summary>How each net of the regularisation sweep trains: 8,000 full-batch steps of learning rate 100, from the seed 2147483647.</summary>
    internal static TrainingOptions NetOptions { get; } = new(Steps: 8000, LearningRate: 100);

    const ulong Seed = 2147483647;
    const int Order = 3;

    static DataSplit Parts => ExerciseData.Split;

    // The sweeps, each made once: the smoothing sweep scored on dev (right) and on test (for the mistakes), the net's on dev and on test.
    static readonly Lazy<SweepResult> OnDev = new(() => Sweep.Smoothing(Parts.Train, Parts.Dev, ExerciseData.Vocabulary, Order, SmoothingGrid));
    static readonly Lazy<SweepResult> OnTest = new(() => Sweep.Smoothing(Parts.Train, Parts.Test, ExerciseData.Vocabulary, Order, SmoothingGrid));
    static readonly Lazy<SweepResult> NetOnDev = new(() => NetSweep(Parts.Dev));
    static readonly Lazy<SweepResult> NetOnTest = new(() => NetSweep(Parts.Test));

    static readonly NumberStep BestKStep = new(
        "bestK", "the smoothing k, among the strengths ks of the set-up, whose trigram counting model has the lowest dev loss",
        expected: () => OnDev.Value.Best.Strength, tolerance: 0.0005,
        "For each k in ks, count the training names (order 3) with smoothing k and score the dev names; keep the k with the lowest dev loss.",
        [
            Mistake.Near(() => OnDev.Value.Points.MinBy(p => p.TrainLoss)!.Strength,
                "That is the k with the lowest training loss. The training names always prefer less smoothing: the unsmoothed counts fit them best. Choose by the dev loss."),
            Mistake.Near(() => 1,
                "That is the lesson's k = 1, taken over without looking: choose the k with the lowest dev loss among ks."),
            Mistake.Near(() => OnDev.Value.Points.MaxBy(p => p.DevLoss)!.Strength,
                "That is the k with the highest dev loss: keep the lowest (MinBy, not MaxBy)."),
        ],
        format: "0.####");

    static readonly NumberStep BestDevNllStep = new(
        "bestDevNll", "the dev loss of the trigram counting model with the chosen k",
        expected: () => OnDev.Value.Best.DevLoss, tolerance: 0.0005,
        "Score the dev names with the model counted from the training names and smoothed with your bestK.",
        [
            Mistake.Near(() => OnDev.Value.Best.TrainLoss,
                "That is the training loss at your k: the step asks for the dev loss."),
            Mistake.Near(() => OnDev.Value.Points.MinBy(p => Math.Abs(Math.Log(p.Strength)))!.DevLoss,
                "That is the dev loss at the lesson's k = 1: take the one at the chosen k."),
            Mistake.Near(() => OnTest.Value.Points.Single(p => p.Strength == OnDev.Value.Best.Strength).DevLoss,
                "That is the test loss at your k: the test names are kept for the very end. Score the dev names."),
            Mistake.Near(() => OnDev.Value.Points.MinBy(p => p.TrainLoss)!.DevLoss,
                "That is the dev loss at the k with the lowest training loss: choose k by the dev loss."),
        ]);

    static readonly NumberStep BestStrengthStep = new(
        "bestStrength", "the regularisation strength, among strengths of the set-up, whose 729-row net has the lowest dev loss",
        expected: () => NetOnDev.Value.Best.Strength, tolerance: 0.00005,
        $"Run ContextNet.RegularizationSweep(train, dev, vocab, order: 3, strengths, netOptions, seed: {Seed}) and keep the strength with the lowest dev loss.",
        [
            Mistake.Near(() => NetOnDev.Value.Points.MinBy(p => p.TrainLoss)!.Strength,
                "That is the strength with the lowest training loss, the weakest: the net fits its training names best when nothing holds it back. Choose by the dev loss."),
            Mistake.Near(() => NetOnTest.Value.Best.Strength,
                "That is the strength the test names choose. Once the test loss has chosen something, it no longer tells how the model does on new names: choose on dev."),
            Mistake.Near(() => 0.01,
                "That is the lesson's 0.01, taken over without looking: choose the strength with the lowest dev loss among strengths."),
            Mistake.Near(() => NetOnDev.Value.Points.MaxBy(p => p.DevLoss)!.Strength,
                "That is the strength with the highest dev loss: keep the lowest."),
        ],
        format: "0.######");

    static readonly NumberStep TestNllStep = new(
        "testNll", "the test loss of the trigram counting model with the chosen k, counted from the training names: the one look at the test names",
        expected: () => OnTest.Value.Points.Single(p => p.Strength == OnDev.Value.Best.Strength).DevLoss, tolerance: 0.0005,
        "Count the training names with smoothing bestK and score every trigram of split.Test, once.",
        [
            Mistake.Near(() => OnDev.Value.Best.DevLoss,
                "That is the dev loss at your k (step 2): score the test names, split.Test."),
            Mistake.Near(() => OnTest.Value.Points.MinBy(p => Math.Abs(Math.Log(p.Strength)))!.DevLoss,
                "That is the test loss at the lesson's k = 1: score the model with the k you chose on dev."),
            Mistake.Near(TrainAndDevTestNll,
                "That is the model counted from the training and dev names together: this step scores the model you chose, counted from the training names only."),
            Mistake.Near(() => OnTest.Value.Points.Single(p => p.Strength == OnDev.Value.Points.MinBy(q => q.TrainLoss)!.Strength).DevLoss,
                "That is the test loss at the k with the lowest training loss: choose k by the dev loss (step 1)."),
        ]);

    /// <summary>Step 1: the smoothing k with the lowest dev loss, among <see cref="SmoothingGrid"/>.</summary>
    public static CheckResult BestK(double bestK) => BestKStep.Check(bestK).Print();

    /// <summary>Step 2: the dev loss at that k.</summary>
    public static CheckResult BestDevNll(double bestDevNll) => BestDevNllStep.Check(bestDevNll).Print();

    /// <summary>Step 3: the regularisation strength of the 729-row net with the lowest dev loss, among <see cref="StrengthGrid"/>.</summary>
    public static CheckResult BestStrength(double bestStrength) => BestStrengthStep.Check(bestStrength).Print();

    /// <summary>Step 4: the test loss of the counting model with the chosen k, counted from the training names.</summary>
    public static CheckResult TestNll(double testNll) => TestNllStep.Check(testNll).Print();

    static SweepResult NetSweep(IReadOnlyList<string> heldOut) =>
        ContextNet.RegularizationSweep(Parts.Train, heldOut, ExerciseData.Vocabulary, Order, StrengthGrid, NetOptions, Seed);

    static double TrainAndDevTestNll()
    {
        using var model = CountingModel.Fit([.. Parts.Train, .. Parts.Dev], ExerciseData.Vocabulary, Order, OnDev.Value.Best.Strength);
        return Evaluation.Nll(model, Parts.Test);
    }
}
