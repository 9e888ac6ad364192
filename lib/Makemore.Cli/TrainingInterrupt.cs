namespace Makemore.Cli;

/// <summary>
/// Ctrl+C during training stops the training after the current step, and the run goes on with the model as trained so
/// far (evaluated, sampled, saved if asked). At any other moment, or pressed a second time, Ctrl+C ends the program
/// at once as usual.
/// </summary>
sealed class TrainingInterrupt : IDisposable
{
    readonly CancellationTokenSource stop = new();
    volatile bool training;

    public TrainingInterrupt() => Console.CancelKeyPress += OnCancelKeyPress;

    public bool Requested => stop.IsCancellationRequested;

    /// <summary>Runs <paramref name="train"/> with a token that Ctrl+C cancels.</summary>
    public void During(Action<CancellationToken> train)
    {
        training = true;
        try
        {
            train(stop.Token);
        }
        finally
        {
            training = false;
        }
    }

    void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        if (!training || stop.IsCancellationRequested) return;
        e.Cancel = true;
        stop.Cancel();
    }

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        stop.Dispose();
    }
}
