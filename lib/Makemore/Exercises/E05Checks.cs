using F = TorchSharp.torch.nn.functional;

namespace Makemore.Exercises;

/// <summary>
/// The checks of exercise E05 (cross_entropy instead of softmax and the negative log likelihood by hand), one per step
/// of its try-it notebook. Every right value and every recognised mistake is computed here from names.txt's bigram
/// examples and the lesson's seeded W (<see cref="BigramStart"/>); each check prints one line and returns it.
/// </summary>
public static class E05Checks
{
    static Tensor Logits(double scale = 1) => BigramStart.W.index_select(0, BigramStart.Xs) * scale;

    static double ManualNll(Func<Tensor> logits) => BigramStart.Value(() => NeuralForward.ManualNll(logits(), BigramStart.Ys));

    static double CrossEntropy(Func<Tensor> logits) => BigramStart.Value(() => F.cross_entropy(logits(), BigramStart.Ys));

    static double Regularization => BigramStart.Value(() => NeuralForward.Regularization(BigramStart.W, BigramStart.Lesson.Regularization));

    /// <summary>An answer that is N times a loss of about <paramref name="mean"/>: the sum over the N examples.</summary>
    static Mistake SumInsteadOfMean(Func<double> mean) => Mistake.When(answer => Math.Abs(answer / BigramStart.Count - mean()) < 0.001,
        "That is the sum over all the examples: the loss is their mean (.mean(), or divide by the number of examples).");

    static readonly NumberStep ManualStep = new(
        "manualLoss", "the average NLL of the targets by hand (exp, normalise each row, pick, -log, mean), without regularisation",
        () => ManualNll(() => Logits()), tolerance: 0.0005,
        "Exponentiate the logits W[xs], divide each row by its own sum (keepdim: true), pick each target's probability, take minus its log and average.",
        [
            Mistake.Near(() => ManualNll(() => Logits()) + Regularization,
                "That includes the regularisation 0.01 · mean(W²): this step compares the data loss alone, which is what cross_entropy computes."),
            SumInsteadOfMean(() => ManualNll(() => Logits())),
            Mistake.When(answer => answer < 0, "A negative loss: the negative log likelihood is minus the mean of the log probabilities."),
            Mistake.Near(() => BigramStart.Value(() =>
                {
                    var counts = Logits().exp();
                    var probs = counts / counts.sum(0, keepdim: true);
                    return -probs[arange(BigramStart.Count), BigramStart.Ys].log().mean();
                }),
                "The rows were divided by the sums of the columns, sum(0): each example's probabilities are its own row's, sum(1, keepdim: true)."),
        ]);

    static readonly NumberStep FusedStep = new(
        "fusedLoss", "nn.functional.cross_entropy of the logits W[xs] and the targets ys",
        () => CrossEntropy(() => Logits()), tolerance: 0.0005,
        "cross_entropy takes the raw logits and the target indices, and averages over the examples by default.",
        [
            Mistake.Near(() => CrossEntropy(() => NeuralForward.Softmax(Logits())),
                "cross_entropy was given probabilities: it applies its own (log) softmax, so give it the logits themselves."),
            Mistake.Near(() => CrossEntropy(() => Logits().exp()),
                "cross_entropy was given exp(logits), the lesson's \"counts\": give it the logits themselves; it exponentiates inside."),
            SumInsteadOfMean(() => CrossEntropy(() => Logits())),
            Mistake.Near(() => CrossEntropy(() => Logits()) + Regularization,
                "That includes the regularisation 0.01 · mean(W²): compare the data loss alone."),
        ]);

    /// <summary>The gradients of W from the manual loss and from cross_entropy, the second computed with or without clearing the first.</summary>
    static double GradientGap(bool clearBetween, double regularizationOnOneSide = 0)
    {
        using var scope = NewDisposeScope();
        var w = BigramStart.W.clone().requires_grad_();
        (NeuralForward.ManualNll(w.index_select(0, BigramStart.Xs), BigramStart.Ys) + NeuralForward.Regularization(w, regularizationOnOneSide)).backward();
        var manual = w.grad!.clone();
        if (clearBetween) w.grad = null;
        F.cross_entropy(w.index_select(0, BigramStart.Xs), BigramStart.Ys).backward();
        return (manual - w.grad!).abs().max().to_type(ScalarType.Float64).item<double>();
    }

    static readonly NumberStep GradientStep = new(
        "gradientDifference", "the largest |difference| between the gradients of W the two losses give",
        () => GradientGap(clearBetween: true), tolerance: 1e-5,
        "Backpropagate each loss from the same W and compare the two W.grad tensors entry by entry: (g1 - g2).abs().max().",
        [
            Mistake.Near(() => GradientGap(clearBetween: false),
                "The second gradient was added to the first: backward() accumulates into W.grad, so copy the first gradient and set W.grad = null before the second backward pass."),
            Mistake.Near(() => GradientGap(clearBetween: true, regularizationOnOneSide: BigramStart.Lesson.Regularization),
                "The size of the regularisation's gradient, 2 · 0.01 · W / 729: one of the two losses includes 0.01 · mean(W²) and the other does not."),
        ],
        format: "0.0E+0");

    static readonly NumberStep StableStep = new(
        "stableLossAt100", "the loss of your log-sum-exp recipe on the logits W[xs] · 100 (the manual loss gives NaN there)",
        () => CrossEntropy(() => Logits(scale: 100)), tolerance: 0.001,
        "Subtract each row's largest logit, take the log of the row's sum of exp, and use shifted logit minus that log as the log probability.",
        [
            Mistake.When(double.IsPositiveInfinity,
                "Infinite: an exp overflowed, or a probability rounded to 0 before its log. Subtract each row's largest logit first, and never exponentiate the log probabilities back."),
            Mistake.Near(() => BigramStart.Value(() =>
                {
                    var logits = Logits(scale: 100);
                    var shifted = logits - logits.amax([1], keepdim: true);
                    return -shifted.gather(1, BigramStart.Ys.unsqueeze(1)).mean();
                }),
                "The log-sum-exp term is missing: the log probability is the shifted logit minus log Σ exp(shifted logits)."),
            Mistake.Near(() => CrossEntropy(() => Logits()),
                "That is the loss of W itself: this step scales the logits by 100 (W[xs] * 100), where the manual loss breaks."),
            SumInsteadOfMean(() => CrossEntropy(() => Logits(scale: 100))),
        ],
        format: "0.0000");

    /// <summary>Step 1: the manual loss (exp, normalise, pick, -log, mean) of W[xs], without regularisation.</summary>
    public static CheckResult ManualLoss(double manualLoss) => ManualStep.Check(manualLoss).Print();

    /// <summary>Step 2: cross_entropy of W[xs] and ys.</summary>
    public static CheckResult FusedLoss(double fusedLoss) => FusedStep.Check(fusedLoss).Print();

    /// <summary>Step 3: the largest difference between the two losses' gradients of W.</summary>
    public static CheckResult GradientDifference(double gradientDifference) => GradientStep.Check(gradientDifference).Print();

    /// <summary>Step 4: the log-sum-exp recipe's loss on the logits scaled by 100.</summary>
    public static CheckResult StableLossAt100(double stableLossAt100) => StableStep.Check(stableLossAt100).Print();
}
