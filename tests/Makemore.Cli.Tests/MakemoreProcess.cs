using System.Diagnostics;
using System.Text;

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

/// <summary>Starts the built makemore command (the sibling build output of this test project) as a process.</summary>
public static class MakemoreProcess
{
    static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static string Dll { get; } = FindDll();

    public static Run Run(string workingFolder, params string[] args) => Finish(Start(workingFolder, args), args);

    public static Process Start(string workingFolder, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Dll, .. args])
        {
            WorkingDirectory = workingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        // The default data set comes from data/names.txt of the repository the test runs in, never from the machine.
        start.Environment.Remove("MAKEMORE_NAMES");
        return Process.Start(start)!;
    }

    public static Run Finish(Process process, string[] args)
    {
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"makemore {string.Join(" ", args)} did not finish within {Timeout.TotalMinutes} minutes");
            }
            return new Run(process.ExitCode, output.Result, error.Result);
        }
    }

    static string FindDll()
    {
        // artifacts/bin/Makemore.Cli.Tests/<configuration_rid>/ → artifacts/bin/Makemore.Cli/<configuration_rid>/Makemore.Cli.dll
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var dll = Path.Combine(here.Parent!.Parent!.FullName, "Makemore.Cli", here.Name, "Makemore.Cli.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"The makemore command is not built at {dll}.", dll);
    }
}
