using System.Diagnostics;

namespace Makemore.Cli.Tests;

/// <summary>What one run of the command printed and returned.</summary>
public sealed record Run(int ExitCode, string Output, string Error)
{
    public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    /// <summary>The sampled words as printed (the indented lines after the "samples" header), marks included.</summary>
    public string[] Samples => OutputLines.SkipWhile(l => !l.Contains(" samples (seed ", StringComparison.Ordinal)).Skip(1)
        .TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal)).Select(l => l.Trim()).ToArray();

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}--- stderr\n{Error}";
}

/// <summary>Starts the built makemore command (lib/Makemore.Cli) as a process.</summary>
public static class MakemoreProcess
{
    static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    // The default data set comes from data/names.txt of the repository the test runs in, never from the machine.
    static readonly Dictionary<string, string?> Environment = new() { ["MAKEMORE_NAMES"] = null };

    public static string Dll { get; } = Repository.BuiltDll("Makemore.Cli");

    public static Run Run(string workingFolder, params string[] args) => Finish(Start(workingFolder, args), args);

    public static Process Start(string workingFolder, params string[] args) => ProgramProcess.StartDll(Dll, args, workingFolder, Environment);

    public static Run Finish(Process process, string[] args)
    {
        using (process)
        {
            var (exitCode, output, error) = ProgramProcess.Finish(process, Limit);
            return new Run(exitCode, output, error);
        }
    }
}
