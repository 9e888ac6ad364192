namespace Makemore.Notebooks.Tests;

/// <summary>
/// The kernel VS Code and Jupyter run the notebooks in: the dotnet tool Microsoft.dotnet-interactive
/// <see cref="ToolVersion"/>, driven by Debian's Jupyter as <c>jupyter nbconvert --to notebook --execute</c>. The tool is
/// taken from where .ci/run installs it (artifacts/stock-kernel/tools), else from the global tools (~/.dotnet/tools, as
/// the README installs it). Its Jupyter kernel spec is registered in artifacts/stock-kernel/, so the user's own Jupyter
/// set-up is neither needed nor changed.
/// </summary>
/// <remarks>
/// Each kernel also serves an HTTP API for Jupyter's page on the first free port of its range (the tool's default range
/// is 2048-3000), and two kernels starting at the same moment may both pick the same port: the second then dies before
/// it answers. So kernels meant to run side by side are registered as separate slots, each with a range of its own.
/// </remarks>
public sealed class StockKernel
{
    /// <summary>The last release of the tool (the project was archived in 2026), the one our package pins match.</summary>
    public const string ToolVersion = "1.0.712001";

    /// <summary>How .ci/run installs the tool (from the repository's root).</summary>
    public const string InstallCommand =
        $"dotnet tool install --tool-path artifacts/stock-kernel/tools Microsoft.dotnet-interactive --version {ToolVersion}";

    // Debian's, whose /usr/bin/python3 has nbclient; another Python first on the PATH may not.
    const string Nbconvert = "/usr/bin/jupyter-nbconvert";

    // A whole notebook, NuGet restore included, on a busy two-core machine.
    static readonly TimeSpan Limit = TimeSpan.FromMinutes(30);

    const int FirstPort = 2048, PortsPerSlot = 400;

    readonly Dictionary<string, string?> environment;

    StockKernel(string tools, string jupyterPath) => environment = new()
    {
        // The kernel spec starts `dotnet interactive`, which dotnet finds as dotnet-interactive on the PATH.
        ["PATH"] = $"/usr/bin{Path.PathSeparator}{tools}{Path.PathSeparator}{Environment.GetEnvironmentVariable("PATH")}",
        ["JUPYTER_PATH"] = jupyterPath,
        ["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1",
    };

    static string Work => Path.Combine(Repository.Artifacts, "stock-kernel");

    /// <summary>
    /// The stock kernel of <paramref name="slot"/> (0 or 1: see the remarks), ready to run notebooks; or null and what is
    /// missing, when nbconvert or the tool (in its version) is not installed.
    /// </summary>
    public static async Task<(StockKernel? Kernel, string Missing)> FindAsync(int slot = 0)
    {
        if (!File.Exists(Nbconvert))
            return (null, $"{Nbconvert} is missing (Debian: apt-get install jupyter-nbconvert python3-nbclient jupyter-client)");
        var candidates = new[]
        {
            Path.Combine(Work, "tools"),
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools"),
        };
        var tools = candidates.FirstOrDefault(folder => File.Exists(Path.Combine(folder, "dotnet-interactive")));
        if (tools is null) return (null, $"the dotnet tool Microsoft.dotnet-interactive is missing; install it: {InstallCommand}");
        var tool = Path.Combine(tools, "dotnet-interactive");
        var version = await ProgramProcess.RunAsync(tool, ["--version"], TimeSpan.FromMinutes(1));
        if (!version.Output.StartsWith(ToolVersion + "+", StringComparison.Ordinal))
            return (null, $"{tool} is version {version.Output.Trim()}, not {ToolVersion}; install that one: {InstallCommand}");

        var jupyterPath = Path.Combine(Work, $"jupyter-{slot}");
        var kernel = new StockKernel(tools, jupyterPath);
        var specs = Path.Combine(jupyterPath, "kernels");
        Directory.CreateDirectory(specs);
        var ports = $"{FirstPort + slot * PortsPerSlot}-{FirstPort + (slot + 1) * PortsPerSlot - 1}";
        using var install = ProgramProcess.Start(tool, ["jupyter", "install", "--http-port-range", ports, "--path", specs],
            environment: kernel.environment);
        var installed = await ProgramProcess.FinishAsync(install, TimeSpan.FromMinutes(2));
        Assert.True(installed.ExitCode == 0, $"Could not register the stock kernel's Jupyter kernel spec:\n{installed}");
        return (kernel, "");
    }

    /// <summary>
    /// The stock kernel if it is installed; otherwise the test is skipped, except in CI (CI=true), where it fails.
    /// </summary>
    public static StockKernel Require((StockKernel? Kernel, string Missing) found)
    {
        if (found.Kernel is not null) return found.Kernel;
        var message = $"The stock kernel comparison needs nbconvert and dotnet-interactive {ToolVersion}: {found.Missing}.";
        if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail($"CI must run the stock kernel. {message}");
        Assert.Skip(message);
        return null!;
    }

    /// <summary>
    /// Executes <paramref name="notebook"/> in a fresh stock kernel with the notebook's folder as its current directory
    /// (nbconvert's rule, and VS Code's), and reads back the executed copy written to <paramref name="outputFolder"/>. Like
    /// nbconvert with --allow-errors, a failing cell becomes an error output and the run goes on, so a comparison names it.
    /// </summary>
    /// <remarks>A run started by a fixture outlives the fixture's context: it passes its own <paramref name="cancellation"/>.</remarks>
    public async Task<ExecutedNotebook> ExecuteAsync(string notebook, string outputFolder, CancellationToken? cancellation = null)
    {
        Directory.CreateDirectory(outputFolder);
        using var process = ProgramProcess.Start(Nbconvert,
        [
            "--to", "notebook", "--execute", "--allow-errors", "--ExecutePreprocessor.kernel_name=.net-csharp",
            "--ExecutePreprocessor.timeout=600", "--output-dir", outputFolder, notebook,
        ], environment: environment);
        var result = await ProgramProcess.FinishAsync(process, Limit, cancellation ?? TestContext.Current.CancellationToken);
        var copy = Path.Combine(outputFolder, Path.GetFileName(notebook));
        Assert.True(result.ExitCode == 0 && File.Exists(copy), $"nbconvert could not run {notebook} in the stock kernel:\n{result}");
        return ExecutedNotebook.Load(copy);
    }
}
