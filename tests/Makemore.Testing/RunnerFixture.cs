namespace Makemore.Testing;

/// <summary>
/// A class fixture that writes fixture notebooks to a fresh folder, runs the notebook runner there once for all tests
/// of the class, and keeps its result and the executed copies it asks for; the folder goes with the fixture.
/// </summary>
public abstract class RunnerFixture : IAsyncLifetime
{
    public TempFolder Folder { get; } = new("notebook-runner-tests-");

    public ProcessResult Result { get; private set; } = null!;

    /// <summary>Writes the notebooks into <see cref="Folder"/> and returns the runner's arguments.</summary>
    protected abstract string[] WriteNotebooks();

    /// <summary>Loads an executed copy from <see cref="Folder"/>, after the run.</summary>
    protected ExecutedNotebook Load(string relative) => ExecutedNotebook.Load(Folder[relative]);

    /// <summary>Reads what the tests look at from the run's output; called once the runner has finished.</summary>
    protected abstract void ReadOutputs();

    public async ValueTask InitializeAsync()
    {
        Result = await RunnerProcess.RunAsync(Folder.Path, WriteNotebooks());
        ReadOutputs();
    }

    public ValueTask DisposeAsync()
    {
        Folder.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
