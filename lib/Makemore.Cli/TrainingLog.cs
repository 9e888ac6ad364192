using System.Globalization;

namespace Makemore.Cli;

/// <summary>
/// Follows training step by step: keeps the first and the last step, passes each on (to the progress bar), and stops
/// the training as soon as it diverges: a loss that is not a finite number (gradient descent never comes back from
/// one), a loss above the first step's (the steps made the random start worse), or a loss that rose at each of
/// <see cref="RisingSteps"/> steps in a row.
/// </summary>
sealed class TrainingLog(IProgress<TrainingStep> next, CancellationToken interrupt) : IProgress<TrainingStep>, IDisposable
{
    /// <summary>This many rises in a row stop the training (gradient descent with a step size that suits the loss never rises so long).</summary>
    public const int RisingSteps = 10;

    readonly CancellationTokenSource stop = CancellationTokenSource.CreateLinkedTokenSource(interrupt);
    int rises;

    /// <summary>Cancelled by Ctrl+C or by a diverging loss.</summary>
    public CancellationToken Token => stop.Token;
    public TrainingStep? First { get; private set; }
    public TrainingStep? Last { get; private set; }
    /// <summary>How the training diverged ("the loss was NaN at step 12"), or null while it has not.</summary>
    public string? Divergence { get; private set; }

    public void Report(TrainingStep value)
    {
        var previous = Last;
        First ??= value;
        Last = value;
        next.Report(value);
        var step = value.Step + 1;
        rises = previous is not null && value.Loss > previous.Loss ? rises + 1 : 0;
        Divergence = !double.IsFinite(value.Loss) ? Invariant($"the loss was {value.Loss} at step {step:N0}")
            : value.Loss > First.Loss ? Invariant($"the loss rose above where it started, from {First.Loss:F4} to {value.Loss:F4} at step {step:N0}")
            : rises >= RisingSteps ? Invariant($"the loss rose at each of the last {RisingSteps} steps, to {value.Loss:F4} at step {step:N0}")
            : null;
        if (Divergence is not null) stop.Cancel();
    }

    static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public void Dispose() => stop.Dispose();
}
