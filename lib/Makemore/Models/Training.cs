namespace Makemore;

/// <summary>
/// Settings of full-batch gradient descent for <see cref="NeuralNGram.Train"/>; the defaults are the lesson's
/// (100 steps of learning rate 50 with regularisation 0.01).
/// </summary>
public sealed record TrainingOptions(int Steps = 100, double LearningRate = 50, double Regularization = 0.01)
{
    internal void Check()
    {
        if (Steps < 0) throw new ArgumentOutOfRangeException(nameof(Steps), Steps, "The number of steps is 0 or more.");
        if (!(double.IsFinite(LearningRate) && LearningRate > 0))
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "The learning rate is a positive number.");
        if (!(double.IsFinite(Regularization) && Regularization >= 0))
            throw new ArgumentOutOfRangeException(nameof(Regularization), Regularization, "The regularisation strength is 0 or more.");
    }
}

/// <summary>
/// One step of training: the loss that step minimised (data loss plus regularisation, what the lesson prints)
/// and the data loss alone, both before the step's update.
/// </summary>
public sealed record TrainingStep(int Step, double Loss, double DataLoss);
