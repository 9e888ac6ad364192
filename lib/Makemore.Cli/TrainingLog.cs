namespace Makemore.Cli;

/// <summary>
/// Follows training step by step: keeps the first and the last step, passes each on (to the progress bar), and stops
/// the training at the first loss that is not a finite number, since gradient descent never comes back from one.
/// </summary>
sealed class TrainingLog(IProgress<TrainingStep> next, CancellationToken interrupt) : IProgress<TrainingStep>, IDisposable
{
    readonly CancellationTokenSource stop = CancellationTokenSource.CreateLinkedTokenSource(interrupt);

    /// <summary>Cancelled by Ctrl+C or by a diverged loss.</summary>
    public CancellationToken Token => stop.Token;
    public TrainingStep? First { get; private set; }
    public TrainingStep? Last { get; private set; }
    public bool Diverged => Last is { } last && !double.IsFinite(last.Loss);

    public void Report(TrainingStep value)
    {
        First ??= value;
        Last = value;
        next.Report(value);
        if (Diverged) stop.Cancel();
    }

    public void Dispose() => stop.Dispose();
}
