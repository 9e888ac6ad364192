namespace Makemore.Tests.Setup;

/// <summary>The native setup in fresh console processes: what a program, rather than a notebook, sees.</summary>
public class FreshProcessTests
{
    const string SeededRand = "0.7081 0.3542 0.1054";

    static readonly Lazy<string> ProbeDll = new(() => Repository.BuiltDll("Makemore.SetupProbe"));

    static (int ExitCode, string Output) Probe(string mode, IReadOnlyDictionary<string, string?>? environment = null)
    {
        using var process = ProgramProcess.StartDll(ProbeDll.Value, [mode], environment: environment);
        var (exitCode, output, errors) = ProgramProcess.Finish(process, TimeSpan.FromMinutes(1));
        return (exitCode, output + errors);
    }

    [Fact]
    public void AConsoleProgramGetsTheSeededStreamAfterSetup()
    {
        var (exit, output) = Probe("setup-first");
        Assert.Equal(0, exit);
        Assert.Contains("makemore.NET ready", output);
        Assert.Contains(SeededRand, output);
    }

    [Fact]
    public void RunsOnOneThreadUnlessOmpNumThreadsSaysOtherwise()
    {
        Assert.Contains("; 1 thread(s)", Probe("setup-first", new Dictionary<string, string?> { ["OMP_NUM_THREADS"] = "" }).Output);
        Assert.Contains("; 2 thread(s)", Probe("setup-first", new Dictionary<string, string?> { ["OMP_NUM_THREADS"] = "2" }).Output);
    }

    [Fact]
    public void TorchBeforeSetupFailsAndSetupThenRecovers()
    {
        if (!Notebook.Setup().Contains("patched", StringComparison.Ordinal))
            Assert.Skip("Only systems whose libstdc++ lacks GLIBCXX_3.4.32 fail without the setup.");
        var (exit, output) = Probe("torch-first");
        Assert.Equal(0, exit);
        Assert.Contains("torch failed before setup: DllNotFoundException", output);
        Assert.Contains(SeededRand, output);
    }

    [Fact]
    public void ASystemLibtorchOnTheSearchPathIsNotPickedUp()
    {
        if (!OperatingSystem.IsLinux()) Assert.Skip("The loader search path is Linux-specific.");
        // Impostors named like libtorch's files, first on the search path: loading any of them by name would fail.
        using var impostors = new TempFolder();
        foreach (var name in new[] { "libtorch.so", "libtorch_cpu.so", "libc10.so", "libLibTorchSharp.so" })
            File.Copy("/proc/self/exe", Path.Combine(impostors.Path, name));
        var (exit, output) = Probe("setup-first", new Dictionary<string, string?> { ["LD_LIBRARY_PATH"] = impostors.Path });
        Assert.Equal(0, exit);
        Assert.Contains(SeededRand, output);
    }
}
