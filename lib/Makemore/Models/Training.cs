namespace Makemore;

/// <summary>
/// Settings of full-batch gradient descent for <see cref="NeuralNGram"/>.Train; the defaults are the lesson's
/// (100 steps of learning rate 50 with regularisation 0.01).
/// </summary>
public sealed record TrainingOptions(int Steps = 100, double LearningRate = 50, double Regularization = 0.01)
{
    /// <summary>
    /// The rules for the settings, checked here only (training checks them, and so can a program before it loads any
    /// data): at least one step, a positive finite learning rate, a regularisation strength of 0 or more. Throws an
    /// <see cref="ArgumentRule"/> exception naming the setting (Steps, LearningRate or Regularization).
    /// </summary>
    public void Check()
    {
        if (Steps < 1) throw ArgumentRule.OutOfRange(nameof(Steps), Steps, "must be 1 or more");
        if (!(double.IsFinite(LearningRate) && LearningRate > 0))
            throw ArgumentRule.OutOfRange(nameof(LearningRate), LearningRate, "must be a positive number");
        if (!(double.IsFinite(Regularization) && Regularization >= 0))
            throw ArgumentRule.OutOfRange(nameof(Regularization), Regularization, "must be 0 or more");
    }
}

/// <summary>
/// One step of training: the loss that step minimised (data loss plus regularisation, what the lesson prints)
/// and the data loss alone, both before the step's update.
/// </summary>
public sealed record TrainingStep(int Step, double Loss, double DataLoss);

/// <summary>
/// The one loop of full-batch gradient descent that every trainer runs: before each step it stops if cancelled, then
/// takes the step (which computes the loss, backpropagates and updates the weights, each trainer its own way),
/// reports it to the progress and keeps it. Cancelling leaves the weights as trained so far.
/// </summary>
internal static class TrainingLoop
{
    public static List<TrainingStep> Run(int steps, Func<(double Loss, double DataLoss)> step, IProgress<TrainingStep>? progress,
        CancellationToken cancellation)
    {
        var done = new List<TrainingStep>(steps);
        for (var i = 0; i < steps; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            var (loss, dataLoss) = step();
            var taken = new TrainingStep(i, loss, dataLoss);
            done.Add(taken);
            progress?.Report(taken);
        }
        return done;
    }
}
