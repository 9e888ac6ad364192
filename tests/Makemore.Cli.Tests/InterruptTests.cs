using System.Runtime.InteropServices;

namespace Makemore.Cli.Tests;

/// <summary>Ctrl+C (SIGINT) during training stops it cleanly: the run goes on with the model so far and exits with 130.</summary>
public class InterruptTests
{
    const int SigInt = 2;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    static extern int Kill(int pid, int signal);

    [Fact]
    public void CtrlCStopsTrainingAndTheRunFinishesWithTheModelSoFar()
    {
        if (!OperatingSystem.IsLinux()) Assert.Skip("Sends SIGINT, as Ctrl+C in a terminal does, which needs Linux here.");
        // A process started in the background by a shell ignores SIGINT, and its children inherit that.
        if (SigIntIgnored()) Assert.Skip("SIGINT is ignored in this test process (started in the background?), so the command would be too.");

        using var files = new WordFiles();
        string[] args = ["train", files.Write("words.txt", WordFiles.Small), "-m", "neural", "--steps", "100000000", "-s", "4"];
        var process = MakemoreProcess.Start(files.Folder, args);
        // Training has started once this line is out; then let it run a little.
        string? line;
        var before = new List<string>();
        while ((line = process.StandardOutput.ReadLine()) is not null && !line.StartsWith("training ", StringComparison.Ordinal)) before.Add(line);
        Assert.True(line is not null, $"no training line in: {string.Join('\n', before)}");
        Thread.Sleep(TimeSpan.FromSeconds(1));
        Assert.Equal(0, Kill(process.Id, SigInt));
        var run = MakemoreProcess.Finish(process, args);

        Assert.True(run.ExitCode == 130, run.ToString());
        Assert.Matches(@"trained  [\d,]+ of 100,000,000 steps, stopped by Ctrl\+C: loss", run.Output);
        Assert.Contains("  test ", run.Output);
        Assert.Equal(4, run.Samples.Length);
        Assert.Equal("", run.Error);
    }

    static bool SigIntIgnored()
    {
        var mask = File.ReadLines("/proc/self/status").Single(l => l.StartsWith("SigIgn:", StringComparison.Ordinal))["SigIgn:".Length..].Trim();
        return (Convert.ToUInt64(mask, 16) & (1UL << (SigInt - 1))) != 0;
    }
}
