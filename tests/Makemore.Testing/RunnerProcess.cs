namespace Makemore.Testing;

/// <summary>Starts the built notebook runner (lib/Makemore.NotebookRunner) as a process, as a user or CI would.</summary>
public static class RunnerProcess
{
    // A whole notebook, NuGet restore included, on a busy two-core machine.
    static readonly TimeSpan Limit = TimeSpan.FromMinutes(30);

    static readonly Lazy<string> Dll = new(() => Repository.BuiltDll("Makemore.NotebookRunner"));

    public static Task<ProcessResult> RunAsync(string workingDirectory, params string[] arguments) =>
        ProgramProcess.RunDllAsync(Dll.Value, arguments, Limit, workingDirectory);
}
