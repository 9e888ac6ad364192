using System.Diagnostics;
using System.Reflection;

namespace Makemore.Testing;

/// <summary>What one run of the notebook runner did: its exit code and everything it wrote.</summary>
public sealed record RunnerResult(int ExitCode, string Output, string Errors)
{
    /// <summary>Both streams, for failure messages.</summary>
    public override string ToString() => $"exit code {ExitCode}\n--- standard output ---\n{Output}\n--- standard error ---\n{Errors}";
}

/// <summary>Starts the built notebook runner (lib/Makemore.NotebookRunner) as a process, as a user or CI would.</summary>
public static class RunnerProcess
{
    /// <summary>The repository's root folder (where makemore.slnx is).</summary>
    public static string RepositoryRoot => Metadata("RepositoryRoot");

    static readonly TimeSpan Limit = TimeSpan.FromMinutes(30);

    public static async Task<RunnerResult> RunAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Metadata("NotebookRunner"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the notebook runner.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(Limit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return new RunnerResult(process.ExitCode, await output, await errors);
    }

    static string Metadata(string key) =>
        typeof(RunnerProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
