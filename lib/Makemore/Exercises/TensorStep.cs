using System.Globalization;

namespace Makemore.Exercises;

/// <summary>
/// A mistake a check recognises in a tensor: what the learner probably did, told as a hint, and how to recognise it:
/// either the tensor that mistake gives (<see cref="Like"/>, computed by really making the mistake on the data: the
/// same shape and every entry within the step's tolerance) or a property of the tensor (<see cref="When"/>, such as its
/// dtype). The counterpart of <see cref="Mistake"/> for a step whose answer is a tensor.
/// </summary>
internal sealed class TensorMistake
{
    readonly Lazy<Tensor>? value;
    readonly Func<Tensor, bool>? test;

    TensorMistake(string hint, Func<Tensor>? value, Func<Tensor, bool>? test)
    {
        Hint = hint;
        if (value is not null) this.value = new(() => Detached(value));
        this.test = test;
    }

    public string Hint { get; }

    /// <summary>The tensor the mistake gives, for a mistake recognised by its value (made once, when first needed).</summary>
    public Tensor? Value => value?.Value;

    /// <summary>An answer of the same shape as <paramref name="value"/>, every entry within the tolerance of it, is this mistake.</summary>
    public static TensorMistake Like(Func<Tensor> value, string hint) => new(hint, value, null);

    /// <summary>An answer for which <paramref name="test"/> holds is this mistake.</summary>
    public static TensorMistake When(Func<Tensor, bool> test, string hint) => new(hint, null, test);

    public bool Matches(Tensor answer, double tolerance) => test?.Invoke(answer) ?? TensorStep.IsNear(answer, Value!, tolerance);

    /// <summary>A copy of the tensor <paramref name="make"/> returns, without grad and outside any dispose scope.</summary>
    internal static Tensor Detached(Func<Tensor> make)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return make().detach().clone().MoveToOuterDisposeScope().DetachFromDisposeScope();
    }
}

/// <summary>
/// A step whose answer is a tensor (a one-hot matrix, a batch of logits): the variable the learner sets, what it must
/// hold, the right tensor (computed from the data by the library, once), the tolerance for each entry, the mistakes it
/// recognises and a hint for any other wrong tensor. Like <see cref="NumberStep"/>, a wrong answer's line says what the
/// tensor suggests, never the right entries; it names the answer's dtype and shape, which the task states anyway.
/// </summary>
internal sealed class TensorStep
{
    readonly Lazy<Tensor> expected;
    readonly TensorMistake[] mistakes;
    readonly string otherwise;
    bool distinctChecked;

    /// <param name="variable">The name of the variable the learner sets.</param>
    /// <param name="task">What the variable must hold, for the "not answered yet" line.</param>
    /// <param name="expected">Computes the right tensor (called once, when first needed).</param>
    /// <param name="tolerance">How far each entry may be from the right one, the dtype and shape being the right ones.</param>
    /// <param name="otherwise">The hint for a wrong tensor that no mistake explains.</param>
    /// <param name="mistakes">The mistakes recognised, tried in this order after the right tensor.</param>
    public TensorStep(string variable, string task, Func<Tensor> expected, double tolerance, string otherwise, TensorMistake[] mistakes)
    {
        if (!(tolerance >= 0)) throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "A tolerance is 0 or more.");
        Variable = variable;
        Task = task;
        this.expected = new(() => TensorMistake.Detached(expected));
        Tolerance = tolerance;
        this.otherwise = otherwise;
        this.mistakes = mistakes;
    }

    public string Variable { get; }
    public string Task { get; }
    public double Tolerance { get; }
    /// <summary>The right tensor.</summary>
    public Tensor Expected => expected.Value;

    /// <summary>The verdict on <paramref name="answer"/>; null is the placeholder, so it is "not answered yet".</summary>
    public CheckResult Check(Tensor? answer)
    {
        if (answer is null) return CheckResult.NotAnswered(Variable, Task);
        if (answer.IsInvalid) return CheckResult.Wrong(Variable, "the tensor has been disposed: keep it alive until the check (no using, no dispose scope around it).");
        CheckDistinct();
        var shown = Describe(answer);
        if (answer.dtype == Expected.dtype && IsNear(answer, Expected, Tolerance))
            return CheckResult.Right(Variable, $"{shown}, right (every entry within ±{Show(Tolerance)})");
        if (mistakes.FirstOrDefault(m => m.Matches(answer, Tolerance)) is { } mistake)
            return CheckResult.Wrong(Variable, $"{shown}. {mistake.Hint}");
        if (!answer.shape.SequenceEqual(Expected.shape))
            return CheckResult.Wrong(Variable, $"{shown}: the step asks for shape {Shape(Expected.shape)}. {otherwise}");
        return CheckResult.Wrong(Variable, $"{shown} is not it. {otherwise}");
    }

    /// <summary>
    /// The same shape, and every entry within <paramref name="tolerance"/>, compared in the dtype of
    /// <paramref name="value"/> (the checks' values are float32: exact for a one-hot matrix of any dtype, and far finer
    /// than the tolerances of logits).
    /// </summary>
    internal static bool IsNear(Tensor answer, Tensor value, double tolerance)
    {
        if (!answer.shape.SequenceEqual(value.shape)) return false;
        if (answer.numel() == 0) return true;
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var largest = (answer.detach().to_type(value.dtype) - value).abs().max().to_type(ScalarType.Float64).item<double>();
        // NaN is never near anything; the tolerance is a decimal, so its edge counts (as in Mistake.IsNear).
        return largest <= tolerance * (1 + 1e-9);
    }

    // A mistake whose tensor is the right one (or another mistake's) within twice the tolerance could never be told
    // apart: the step itself would be wrong, found the first time it is checked.
    void CheckDistinct()
    {
        if (distinctChecked) return;
        var values = mistakes.Where(m => m.Value is not null).Select(m => (Hint: m.Hint, Value: m.Value!))
            .Prepend((Hint: "the right answer", Value: Expected)).ToList();
        for (var i = 0; i < values.Count; i++)
            for (var j = i + 1; j < values.Count; j++)
                if (IsNear(values[i].Value, values[j].Value, 2 * Tolerance))
                    throw new InvalidOperationException(
                        $"The step {Variable} cannot tell \"{values[i].Hint}\" from \"{values[j].Hint}\" within ±{Show(Tolerance)}.");
        distinctChecked = true;
    }

    static string Describe(Tensor t) => $"{t.dtype.ToString().ToLowerInvariant()} {Shape(t.shape)}";

    static string Shape(long[] shape) => $"[{string.Join(", ", shape.Select(d => d.ToString(CultureInfo.InvariantCulture)))}]";

    static string Show(double value) => value.ToString("G3", CultureInfo.InvariantCulture);
}
