namespace Makemore.Tests.Setup;

/// <summary>The native setup in fresh console processes: what a program, rather than a notebook, sees.</summary>
public class FreshProcessTests
{
    const string SeededRand = "0.7081 0.3542 0.1054";

    static readonly Lazy<string> ProbeDll = new(() => Repository.BuiltDll("Makemore.SetupProbe"));

    /// <summary>Runs the probe in <paramref name="mode"/>; it must succeed and end with the seeded stream. Returns what it wrote.</summary>
    static string Probe(string mode, IReadOnlyDictionary<string, string?>? environment = null)
    {
        using var process = ProgramProcess.StartDll(ProbeDll.Value, [mode], environment: environment);
        var run = ProgramProcess.Finish(process, TimeSpan.FromMinutes(1));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(SeededRand, run.Output);
        return run.Output + run.Errors;
    }

    [Fact]
    public void AConsoleProgramGetsTheSeededStreamAfterSetup()
    {
        Assert.Contains("makemore.NET ready", Probe("setup-first"));
    }

    [Fact]
    public void OnGlibcTheAllocatorKeepsFreedBlocksForReuse()
    {
        if (!OperatingSystem.IsLinux()) Assert.Skip("mallopt is glibc's.");
        Assert.Contains("; native allocator: glibc keeps freed blocks for reuse", Probe("setup-first"));
    }

    [Fact]
    public void RunsOnOneThreadUnlessOmpNumThreadsSaysOtherwise()
    {
        Assert.Contains("; 1 thread(s)", Probe("setup-first", new Dictionary<string, string?> { ["OMP_NUM_THREADS"] = "" }));
        Assert.Contains("; 2 thread(s)", Probe("setup-first", new Dictionary<string, string?> { ["OMP_NUM_THREADS"] = "2" }));
    }

    [Fact]
    public void TorchBeforeSetupFailsAndSetupThenRecovers()
    {
        if (!Notebook.Setup().Contains("patched", StringComparison.Ordinal))
            Assert.Skip("Only systems whose libstdc++ lacks GLIBCXX_3.4.32 fail without the setup.");
        Assert.Contains("torch failed before setup: DllNotFoundException", Probe("torch-first"));
    }

    [Fact]
    public void ASystemLibtorchOnTheSearchPathIsNotPickedUp()
    {
        if (!OperatingSystem.IsLinux()) Assert.Skip("The loader search path is Linux-specific.");
        // Impostors named like libtorch's files, first on the search path: loading any of them by name would fail.
        using var impostors = new TempFolder();
        foreach (var name in new[] { "libtorch.so", "libtorch_cpu.so", "libc10.so", "libLibTorchSharp.so" })
            File.Copy("/proc/self/exe", Path.Combine(impostors.Path, name));
        Probe("setup-first", new Dictionary<string, string?> { ["LD_LIBRARY_PATH"] = impostors.Path });
    }
}
