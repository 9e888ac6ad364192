using System.Globalization;
using F = TorchSharp.torch.nn.functional;

namespace Makemore.Exercises;

/// <summary>
/// The checks of exercise E01, a trigram model (E01-trigram.ipynb): the count table, the counting model's loss, the
/// net's one-hot input, the net's loss at the tenth step of the lesson's loop and its NLL after 1,000 steps. The right
/// values come from the library's models on names.txt (<see cref="ExerciseData"/>); each recognised mistake is made on
/// the same data (one dot of padding, no end marker, one character of context, the bigram net's learning rate, …).
/// Each check prints its one line and returns it.
/// </summary>
public static class E01Checks
{
    // The net's settings: the lesson's seed and regularisation, and learning rate 30 (each logit is the sum of two rows of
    // W, so the lesson's 50, the bigram net's, overshoots); ten steps of the lesson's loop in step 4, 1,000 in all in step 5.
    const ulong Seed = 2147483647;
    const double LearningRate = 30, BigramLearningRate = 50, Regularization = 0.01;
    const int LoopSteps = 10, Steps = 1000;

    const string CountsName = "N";
    const string OneHotName = "xenc";
    const int V = 27;

    static readonly Lazy<long[]> RightCounts = new(() => PaddedCounts("..", "."));
    static readonly Lazy<long[]> OneDotCounts = new(() => PaddedCounts(".", "."));
    static readonly Lazy<long[]> NoEndCounts = new(() => PaddedCounts("..", ""));

    static readonly NumberStep TrigramNllStep = new(
        "trigramNll", "the average NLL of the trigram counting model (k = 1) over every trigram of all names",
        expected: () => CountingNll(order: 3, smoothing: 1), tolerance: 0.0005,
        "Check the padding (two dots before each name, one after), the smoothing (1 added to every count) and that each context's row sums to 1.",
        [
            Mistake.Near(() => CountingNll(order: 2, smoothing: 1),
                "That is the bigram model's loss: one character of context. Pick each probability with both characters before it, P[xs1, xs2, ys]."),
            Mistake.Near(() => PaddedNll(OneDotCounts.Value, normalizeOver: 2),
                "That is the loss with one dot before each name: the first letters are never predicted, so the average leaves out the hardest guesses. Pad with two dots."),
            Mistake.Near(() => PaddedNll(NoEndCounts.Value, normalizeOver: 2),
                "That is the loss without the end marker: the end of a name is a prediction too. Pad each name with a dot after it."),
            Mistake.Near(() => CountingNll(order: 3, smoothing: 0),
                "That is the loss of the counts without smoothing (k = 0): add 1 to every count before normalising."),
            Mistake.Near(() => PaddedNll(RightCounts.Value, normalizeOver: 1),
                "The probabilities were normalised over the wrong dimension: each context N[a, b] needs a distribution over the next character, so sum over the last one, P.sum(2, keepdim: true)."),
            Mistake.When(x => x < 0, "A negative loss: the NLL is minus the mean of the log-probabilities."),
            Mistake.When(x => x > 1000 && double.IsFinite(x), "That is a total: the loss is the mean of -log p over the trigrams, not their sum."),
        ]);

    static readonly NumberStep TenthLossStep = new(
        "tenthLoss", $"the loss the lesson's loop prints at its step {LoopSteps} (learning rate {LearningRate}, W = randn(54, 27) seeded {Seed})",
        expected: () => LoopLoss(LearningRate, Regularization, LoopSteps), tolerance: 0.0005,
        $"Check the start (W = torch.randn(54, 27) from a generator seeded {Seed}, drawn once), the learning rate {LearningRate}, the regularisation {Regularization} · mean(W²) in the loss, and that each step's loss is taken before its update.",
        [
            Mistake.Near(() => LoopLoss(BigramLearningRate, Regularization, LoopSteps),
                $"That is the loss with learning rate {BigramLearningRate}, the bigram net's. This net adds two rows of W in every logit, so a step moves the logits about twice as far: it takes {LearningRate}."),
            Mistake.Near(() => LoopLoss(LearningRate, 0, LoopSteps),
                $"That is the loss without the regularisation term: add {Regularization} · mean(W²) to the loss you backpropagate and print."),
            Mistake.Near(() => LoopLoss(LearningRate, Regularization, 1),
                "That is the loss at the first step, before any update: run the loop for ten steps and take the last loss it prints."),
            Mistake.Near(() => LoopLoss(LearningRate, Regularization, LoopSteps + 1),
                "That is the loss after ten updates, an eleventh forward pass: take the loss of the tenth step, computed before its update."),
        ]);

    static readonly NumberStep NetNllStep = new(
        "trigramNetNll", $"the 54-row net's average NLL on all names after {Steps:N0} steps in all (without the regularisation term)",
        expected: () => NetNll(order: 3, LearningRate, Regularization, Steps), tolerance: 0.0005,
        $"Check that training continues from the W of step 4 (or starts again from the seed) for {Steps:N0} steps in all, with learning rate {LearningRate} and regularisation {Regularization}, and that the NLL is measured on all names.",
        [
            Mistake.Near(() => NetNll(order: 3, BigramLearningRate, Regularization, Steps),
                $"That is the NLL after training with learning rate {BigramLearningRate}, the bigram net's: its steps overshoot and it stalls higher. This net takes {LearningRate}."),
            Mistake.Near(() => NetNll(order: 3, LearningRate, 0, Steps),
                $"That is the NLL of a net trained without the regularisation term: keep {Regularization} · mean(W²) in the training loss."),
            Mistake.Near(() => LoopLoss(LearningRate, Regularization, Steps),
                "That is the training loss with the regularisation term: the step asks for the NLL alone (Evaluation.Nll)."),
            Mistake.Near(() => NetNll(order: 3, LearningRate, Regularization, LoopSteps),
                $"That is the NLL after only the first {LoopSteps} steps: train on to {Steps:N0} steps in all."),
            Mistake.Near(() => NetNll(order: 2, BigramLearningRate, Regularization, Steps),
                "That is the bigram net's NLL: one character of context. The trigram net reads both characters before the next."),
        ]);

    /// <summary>Step 1: <paramref name="N"/>, the 27 × 27 × 27 counts N[first, second, next] of all names, each padded "..name.".</summary>
    public static CheckResult Counts(Tensor N) => CountsCheck(N).Print();

    /// <summary>Step 2: the trigram counting model's (k = 1) average NLL over every trigram of all names.</summary>
    public static CheckResult TrigramNll(double trigramNll) => TrigramNllStep.Check(trigramNll).Print();

    /// <summary>Step 3: <paramref name="xenc"/>, the 228,146 × 54 float32 input, one_hot(first) and one_hot(second) side by side.</summary>
    public static CheckResult OneHot(Tensor xenc) => OneHotCheck(xenc).Print();

    /// <summary>Step 4: the loss of the lesson's loop at its tenth step, learning rate 30, from the seeded W.</summary>
    public static CheckResult TenthLoss(double tenthLoss) => TenthLossStep.Check(tenthLoss).Print();

    /// <summary>Step 5: the net's average NLL on all names after 1,000 steps in all.</summary>
    public static CheckResult TrigramNetNll(double trigramNetNll) => NetNllStep.Check(trigramNetNll).Print();

    static CheckResult CountsCheck(Tensor? n)
    {
        if (n is null)
            return CheckResult.NotAnswered(CountsName, "the 27 × 27 × 27 table of trigram counts N[first, second, next], each name padded with two dots before it and one after");
        if (n.is_complex() || n.dtype == ScalarType.Bool)
            return CheckResult.Wrong(CountsName, $"a {n.dtype} tensor. Counts are numbers: start from torch.zeros(27, 27, 27, dtype: torch.int32).");
        var shape = n.shape;
        if (shape.SequenceEqual([V, V]))
            return CheckResult.Wrong(CountsName, "27 × 27 is the bigram table: one character of context. A trigram table has a third index, N[first, second, next].");
        if (!shape.SequenceEqual([V, V, V]))
        {
            var hint = shape.SequenceEqual([V * V, V]) && SameCounts(n, RightCounts.Value)
                ? "the right counts, but as 729 rows: view them as 27 × 27 × 27 (N.view(27, 27, 27)), so that N[first, second, next] picks a cell."
                : "the table has one index per character of the trigram, N[first, second, next]: 27 × 27 × 27.";
            return CheckResult.Wrong(CountsName, $"shape {Shape(shape)}; {hint}");
        }
        if (SameCounts(n, RightCounts.Value))
            return CheckResult.Right(CountsName, $"27 × 27 × 27, {RightCounts.Value.Sum().ToString("N0", CultureInfo.InvariantCulture)} trigrams counted, right");
        if (SameCounts(n, OneDotCounts.Value))
            return CheckResult.Wrong(CountsName, "these are the counts with one dot before each name: the first letter is never predicted. Pad with two dots, \"..\" + w + \".\".");
        if (SameCounts(n, NoEndCounts.Value))
            return CheckResult.Wrong(CountsName, "these are the counts without the end marker: the end of a name is a character to predict too. Pad with a dot after each name.");
        var total = Values(n).Sum();
        if (total == RightCounts.Value.Sum())
            return CheckResult.Wrong(CountsName, "as many trigrams as there should be, but in other cells: index N[stoi[ch1], stoi[ch2], stoi[ch3]], in the order of the characters.");
        return CheckResult.Wrong(CountsName,
            $"{total.ToString("N0", CultureInfo.InvariantCulture)} trigrams counted, which is not one per character and one per end of every name. Count every name, each padded \"..\" + w + \".\", adding 1 per trigram.");
    }

    static CheckResult OneHotCheck(Tensor? xenc)
    {
        if (xenc is null)
            return CheckResult.NotAnswered(OneHotName, "the net's input: one_hot of each example's first and second character side by side, float32, one row per trigram example");
        // Checked before anything else: an integer xenc multiplied by the float32 W stops the kernel (TorchSharp 0.107).
        if (!xenc.is_floating_point())
            return CheckResult.Wrong(OneHotName,
                $"xenc holds {xenc.dtype} values. F.one_hot gives integers; convert with .to_type(torch.float32) before the net multiplies it by W (in TorchSharp an integer matmul by float32 stops the kernel instead of raising an error).");
        if (xenc.dtype != ScalarType.Float32)
            return CheckResult.Wrong(OneHotName, $"xenc is {xenc.dtype}, W is float32: make it torch.float32, or the matmul fails.");

        using var scope = NewDisposeScope();
        using var examples = Examples.Of(ExerciseData.Names, ExerciseData.Vocabulary, order: 3);
        var (first, second) = (examples.X.select(1, 0), examples.X.select(1, 1));
        var rows = examples.Count;
        var shape = xenc.shape;
        if (shape.Length != 2 || shape[0] != rows)
        {
            var perName = shape.Length == 2 && shape[0] == rows - ExerciseData.Names.Count
                ? " One row short for every name: pad each name with two dots before it and one after."
                : "";
            return CheckResult.Wrong(OneHotName, $"shape {Shape(shape)}: the input has one row per trigram example of all names, each row the one-hot vectors of its two context characters.{perName}");
        }
        var given = xenc.detach();
        var columns = shape[1];
        if (columns == V)
        {
            if (Same(given, OneHotOf(second)) || Same(given, OneHotOf(first)))
                return CheckResult.Wrong(OneHotName, "27 columns, the one-hot of a single character: one character of context, the bigram net's input. Put both characters' one-hot vectors side by side, torch.cat([...], 1).");
            if (Same(given, OneHotOf(first) + OneHotOf(second)))
                return CheckResult.Wrong(OneHotName, "the two one-hot vectors added into the same 27 columns: the net cannot tell which character came first. Put them side by side instead, torch.cat([...], 1): 54 columns.");
        }
        if (columns == V * V)
            return CheckResult.Wrong(OneHotName, "729 columns, the one-hot of the pair: the input of the net with a row per pair, which the solution builds later. This step is the smaller net's input, 27 columns for each character.");
        if (columns == 2 * V)
        {
            if (Same(given, torch.cat([OneHotOf(first), OneHotOf(second)], 1)))
                return CheckResult.Right(OneHotName, $"{Shape(shape)} float32, the first character's one-hot then the second's, right");
            if (Same(given, torch.cat([OneHotOf(second), OneHotOf(first)], 1)))
                return CheckResult.Wrong(OneHotName, "the halves are swapped: put the first character's one-hot in columns 0–26 and the second's in 27–53, so that the rows of W read in that order.");
        }
        return CheckResult.Wrong(OneHotName,
            $"shape {Shape(shape)}, but not the one-hot vectors of each example's two context characters: F.one_hot(xs1, 27) and F.one_hot(xs2, 27) side by side, rows in the order of the examples.");
    }

    static bool Same(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();

    static Tensor OneHotOf(Tensor symbols) => F.one_hot(symbols, V).to_type(ScalarType.Float32);

    static bool SameCounts(Tensor n, long[] counts) => Values(n).AsSpan().SequenceEqual(counts);

    static long[] Values(Tensor n)
    {
        using var scope = NewDisposeScope();
        return n.detach().cpu().flatten().to_type(ScalarType.Int64).data<long>().ToArray();
    }

    static string Shape(long[] shape) => string.Join(" × ", shape.Select(s => s.ToString("N0", CultureInfo.InvariantCulture)));

    /// <summary>The flattened 27 × 27 × 27 counts of all names padded with <paramref name="before"/> and <paramref name="after"/>: the exercise's own loop.</summary>
    static long[] PaddedCounts(string before, string after)
    {
        var stoi = ExerciseData.Vocabulary.Stoi;
        var counts = new long[V * V * V];
        foreach (var word in ExerciseData.Names)
        {
            var chs = before + word + after;
            for (var i = 0; i + 2 < chs.Length; i++) counts[(stoi[chs[i]] * V + stoi[chs[i + 1]]) * V + stoi[chs[i + 2]]]++;
        }
        return counts;
    }

    /// <summary>
    /// The average NLL, over the trigrams <paramref name="counts"/> counted, of their add-one table normalised over
    /// dimension <paramref name="normalizeOver"/> (2 is right; the bigram notebook's sum(1) is the mistake).
    /// </summary>
    static double PaddedNll(long[] counts, int normalizeOver)
    {
        using var scope = NewDisposeScope();
        var p = tensor(counts, [V, V, V]).to_type(ScalarType.Float32) + 1;
        p /= p.sum(normalizeOver, keepdim: true);
        // Every trigram's -log p, weighted by how often it occurs: the mean over all padded trigrams.
        var n = tensor(counts).to_type(ScalarType.Float64);
        return ((-p.flatten().log()).to_type(ScalarType.Float64) * n).sum().item<double>() / counts.Sum();
    }

    static double CountingNll(int order, double smoothing)
    {
        using var model = CountingModel.Fit(ExerciseData.Names, ExerciseData.Vocabulary, order, smoothing);
        return Evaluation.Nll(model, ExerciseData.Names);
    }

    static NGramCounts Trigrams => TrigramCounts.Value;
    static readonly Lazy<NGramCounts> TrigramCounts = new(() => NGramCounts.Of(ExerciseData.Names, ExerciseData.Vocabulary, order: 3));

    static IReadOnlyList<TrainingStep> Train(NeuralNGram net, int order, double learningRate, double regularization, int steps) =>
        net.Train(order == 3 ? Trigrams : NGramCounts.Of(ExerciseData.Names, ExerciseData.Vocabulary, order),
            new TrainingOptions(steps, learningRate, regularization));

    static NeuralNGram Net(int order)
    {
        using var generator = new Generator(Seed);
        return NeuralNGram.Create(ExerciseData.Vocabulary, order, generator);
    }

    /// <summary>The loss of the lesson's loop at step <paramref name="step"/> (from 1), the net started from the seed.</summary>
    static double LoopLoss(double learningRate, double regularization, int step)
    {
        using var net = Net(order: 3);
        return Train(net, 3, learningRate, regularization, step)[^1].Loss;
    }

    /// <summary>The average NLL on all names of a net trained <paramref name="steps"/> steps from the seed.</summary>
    static double NetNll(int order, double learningRate, double regularization, int steps)
    {
        using var net = Net(order);
        Train(net, order, learningRate, regularization, steps);
        return Evaluation.Nll(net, order == 3 ? Trigrams : NGramCounts.Of(ExerciseData.Names, ExerciseData.Vocabulary, order));
    }
}
