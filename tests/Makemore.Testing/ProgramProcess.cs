using System.Diagnostics;
using System.Text;

namespace Makemore.Testing;

/// <summary>What one run of a program did: its exit code and everything it wrote.</summary>
public sealed record ProcessResult(int ExitCode, string Output, string Errors)
{
    /// <summary>Both streams, for failure messages.</summary>
    public override string ToString() => $"exit code {ExitCode}\n--- standard output ---\n{Output}\n--- standard error ---\n{Errors}";
}

/// <summary>
/// Starts programs as a user or CI would, with both streams captured: a built .NET program of this repository
/// (<c>dotnet &lt;dll&gt;</c>, see <see cref="Repository.BuiltDll"/>) or any other. One timeout policy for all of them: a
/// run that outlives its limit (or the test's cancellation) has its whole process tree killed, and the test fails.
/// </summary>
public static class ProgramProcess
{
    /// <summary>The dotnet that runs the tests (the test host says which), else the one on the PATH.</summary>
    public static string DotnetHost => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>
    /// Starts <paramref name="program"/> in <paramref name="workingFolder"/>. In <paramref name="environment"/>, a null value
    /// removes a variable the tests' own environment has.
    /// </summary>
    public static Process Start(string program, IEnumerable<string> arguments, string? workingFolder = null,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingFolder ?? "",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        return Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
    }

    /// <summary>Starts the built .NET program <paramref name="dll"/> with <c>dotnet</c>.</summary>
    public static Process StartDll(string dll, IEnumerable<string> arguments, string? workingFolder = null,
        IReadOnlyDictionary<string, string?>? environment = null) =>
        Start(DotnetHost, arguments.Prepend(dll), workingFolder, environment);

    /// <summary>Reads what is left of both streams and waits for the exit, at most <paramref name="limit"/>.</summary>
    public static Task<ProcessResult> FinishAsync(Process process, TimeSpan limit) =>
        FinishAsync(process, limit, TestContext.Current.CancellationToken);

    /// <summary>
    /// <see cref="FinishAsync(Process, TimeSpan)"/> for a run that outlives the test or fixture that started it (whose
    /// context, and cancellation, end first): <paramref name="cancelled"/> stops it instead.
    /// </summary>
    public static async Task<ProcessResult> FinishAsync(Process process, TimeSpan limit, CancellationToken cancelled)
    {
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancelled);
        timeout.CancelAfter(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (cancelled.IsCancellationRequested) throw;
            Assert.Fail($"{Describe(process)} did not finish within {limit.TotalMinutes:0.#} minute(s); its process tree was killed.");
        }
        return new ProcessResult(process.ExitCode, await output.ConfigureAwait(false), await errors.ConfigureAwait(false));
    }

    /// <summary><see cref="FinishAsync"/> for tests that are not asynchronous.</summary>
    public static ProcessResult Finish(Process process, TimeSpan limit) => FinishAsync(process, limit).GetAwaiter().GetResult();

    /// <summary>Runs <paramref name="dll"/> to its end (see <see cref="StartDll"/> and <see cref="FinishAsync"/>).</summary>
    public static async Task<ProcessResult> RunDllAsync(string dll, IEnumerable<string> arguments, TimeSpan limit,
        string? workingFolder = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        using var process = StartDll(dll, arguments, workingFolder, environment);
        return await FinishAsync(process, limit).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="program"/> to its end (see <see cref="Start"/> and <see cref="FinishAsync"/>).</summary>
    public static async Task<ProcessResult> RunAsync(string program, IEnumerable<string> arguments, TimeSpan limit,
        string? workingFolder = null)
    {
        using var process = Start(program, arguments, workingFolder);
        return await FinishAsync(process, limit).ConfigureAwait(false);
    }

    static string Describe(Process process) => string.Join(" ", process.StartInfo.ArgumentList.Prepend(process.StartInfo.FileName));
}
