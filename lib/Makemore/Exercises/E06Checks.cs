namespace Makemore.Exercises;

/// <summary>
/// The checks of exercise E06 (our own exercise: what the counts already know), one per number its try-it notebook
/// asks for: the lesson's loss from the count table alone, the best add-k dev loss at order 4, how many contexts of four
/// characters the training words have, and the Kneser–Ney model's dev loss at order 5. Every right value and every
/// recognised mistake is computed here from names.txt and the exercises' seed-42 split (<see cref="ExerciseData"/>);
/// each check prints one line and returns it. The rest of E06 is open: its try-it notebook ends with a list to assess
/// oneself by.
/// </summary>
public static class E06Checks
{
    /// <summary>The lesson's loss at its starting W from the 27×27 counts: each cell's -log p weighted by its count.</summary>
    static double LossFromCounts(bool weighted = true, bool perExample = true, double regularization = 0.01) =>
        BigramStart.Value(() =>
        {
            var counts = BigramStart.CountTable();
            var logP = BigramStart.W.log_softmax(1);
            var nll = !weighted ? -logP.mean() : perExample ? -(counts * logP).sum() / BigramStart.Counts.Total : -(counts * logP).mean();
            return nll + regularization * BigramStart.W.pow(2).mean();
        });

    static readonly NumberStep CountLossStep = new(
        "countLoss", "the lesson's loss at the set-up's W0 computed from the 27×27 count table alone, with its 0.01 · mean(W²)",
        () => LossFromCounts(), tolerance: 0.0005,
        "Weight each cell's -log P[i, j] (P the row softmax of W0) by its count N[i, j], sum, divide by the number of examples, and add 0.01 · mean(W0²).",
        [
            Mistake.Near(() => LossFromCounts(regularization: 0),
                "That is the average NLL alone: the lesson's loss adds 0.01 · mean(W²)."),
            Mistake.Near(() => LossFromCounts(perExample: false),
                "Divided by the 729 cells (a mean over the table): divide the weighted sum by the number of examples, N.sum()."),
            Mistake.Near(() => LossFromCounts(weighted: false),
                "Every cell counted once: each -log P[i, j] must be weighted by how often the pair occurs, N[i, j]."),
        ]);

    static IReadOnlyList<string> Train => ExerciseData.Split.Train;

    /// <summary>The strengths E06's sweep tries: 0.01 to 10, seven on a log scale.</summary>
    static double[] Strengths => Sweep.LogSpaced(0.01, 10, 7);

    static readonly Lazy<SweepResult> Order4Sweep = new(() =>
        Sweep.Smoothing(Train, ExerciseData.Split.Dev, ExerciseData.Vocabulary, order: 4, Strengths));

    static double Order4(Func<CountingModel, double> score, double smoothing)
    {
        using var model = CountingModel.Fit(Train, ExerciseData.Vocabulary, order: 4, smoothing);
        return score(model);
    }

    static readonly NumberStep BestDevStep = new(
        "bestDevLoss4", "the lowest dev NLL of the order-4 counting model over the seven strengths k = Sweep.LogSpaced(0.01, 10, 7)",
        () => Order4Sweep.Value.Best.DevLoss, tolerance: 0.0005,
        "Fit the order-4 counting model on split.Train with each k, score split.Dev, and keep the lowest dev NLL.",
        [
            Mistake.Near(() => Order4Sweep.Value.Best.TrainLoss,
                "That is the training words' NLL: score the dev words, split.Dev."),
            Mistake.Near(() => Order4Sweep.Value.Points.MinBy(p => p.TrainLoss)!.DevLoss,
                "k was chosen by the training loss, which always prefers the least smoothing: choose it by the dev loss."),
            Mistake.Near(() => Order4(m => Evaluation.Nll(m, ExerciseData.Split.Dev), smoothing: 1),
                "That is k = 1, the lesson's smoothing: try every k of the sweep and keep the one with the lowest dev loss."),
            Mistake.Near(() => Order4(m => Evaluation.Nll(m, ExerciseData.Split.Test), Order4Sweep.Value.Best.Strength),
                "That is the test words' NLL: the test words stay untouched until every choice is made; score split.Dev."),
        ]);

    static int DistinctContexts(IReadOnlyList<string> words, int order) =>
        NGramCounts.Of(words, ExerciseData.Vocabulary, order).Contexts.Distinct().Count();

    static readonly NumberStep ContextsStep = new(
        "seenContexts5", "how many distinct contexts of four characters (order 5) occur in the training words",
        () => DistinctContexts(Train, 5), tolerance: 0,
        "Count the training words' 5-grams (NGramCounts.Of(split.Train, vocabulary, 5)) and count each context once.",
        [
            Mistake.Near(() => DistinctContexts(Train, 4), "That is order 4's count: contexts of three characters. Order 5 looks at four."),
            Mistake.Near(() => NGramCounts.Of(Train, ExerciseData.Vocabulary, 5).Distinct,
                "That counts distinct (context, next character) pairs, the 5-grams: count each context once, whatever follows it."),
            Mistake.Near(() => ContextIndex.Count(ExerciseData.Vocabulary.Size, 5),
                "That is every possible context, 27⁴: count only those the training words have."),
            Mistake.Near(() => DistinctContexts(ExerciseData.Names, 5), "Counted on all names: count the training words, split.Train."),
            Mistake.Near(() => NGramCounts.Of(Train, ExerciseData.Vocabulary, 5).Total,
                "That is the number of examples (every position of every training word): count distinct contexts."),
        ],
        format: "#,0");

    static double KneserNey(IReadOnlyList<string> fitted, IReadOnlyList<string> scored, int order = 5)
    {
        using var model = KneserNeyModel.Fit(NGramCounts.Of(fitted, ExerciseData.Vocabulary, order));
        return Evaluation.Nll(model, NGramCounts.Of(scored, ExerciseData.Vocabulary, order));
    }

    static readonly NumberStep KneserNeyStep = new(
        "knDevLoss5", "the dev NLL of the order-5 Kneser–Ney model fitted on the training words' counts",
        () => KneserNey(Train, ExerciseData.Split.Dev), tolerance: 0.0005,
        "KneserNeyModel.Fit(NGramCounts.Of(split.Train, vocabulary, 5)), then Evaluation.Nll on the dev words' counts of the same order.",
        [
            Mistake.Near(() => KneserNey(Train, Train), "That is the training words' NLL: score the dev words."),
            Mistake.Near(() => KneserNey(Train, ExerciseData.Split.Dev, order: 4), "That is order 4 (three characters of context): fit and score order 5."),
            Mistake.Near(() => KneserNey([.. Train, .. ExerciseData.Split.Dev], ExerciseData.Split.Dev),
                "The model has seen the dev words: fit it on the training words only, or the dev loss says nothing about new words."),
            Mistake.Near(() => KneserNey(Train, ExerciseData.Split.Test), "That is the test words' NLL: score the dev words."),
        ]);

    /// <summary>Step 1: the lesson's loss at its starting W from the count table alone.</summary>
    public static CheckResult CountLoss(double countLoss) => CountLossStep.Check(countLoss).Print();

    /// <summary>Step 2: the best dev NLL of the order-4 counting model over the sweep's strengths.</summary>
    public static CheckResult BestDevLoss4(double bestDevLoss4) => BestDevStep.Check(bestDevLoss4).Print();

    /// <summary>Step 3: the number of distinct order-5 contexts in the training words.</summary>
    public static CheckResult SeenContexts5(double seenContexts5) => ContextsStep.Check(seenContexts5).Print();

    /// <summary>Step 4: the order-5 Kneser–Ney model's dev NLL.</summary>
    public static CheckResult KnDevLoss5(double knDevLoss5) => KneserNeyStep.Check(knDevLoss5).Print();
}
