using System.Text.Json;

namespace Makemore.Notebooks.Tests;

/// <summary>
/// The ways into the notebooks the README gives are the ones the repository sets up: the dev container (no container
/// engine runs here, so its file is checked, not started), the recommended extensions and the kernel tool's version.
/// </summary>
public sealed partial class WorkspaceTests
{
    static readonly JsonDocumentOptions Jsonc = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    static string Read(string relative) => File.ReadAllText(Path.Combine(Repository.Root, relative));

    static JsonElement ReadJsonc(string relative) => JsonDocument.Parse(Read(relative), Jsonc).RootElement;

    static string Readme => Read("README.md");

    [Fact]
    public void TheDevContainerIsTheOneTheReadmeDescribes()
    {
        var container = ReadJsonc(".devcontainer/devcontainer.json");

        var image = container.GetProperty("image").GetString()!;
        Assert.Equal([image], DevContainerImage().Matches(Readme).Select(m => m.Value).Distinct());
        // The image's .NET is the one global.json asks for first.
        var sdkMajor = ReadJsonc("global.json").GetProperty("sdk").GetProperty("version").GetString()!.Split('.')[0];
        Assert.Matches($@"-{sdkMajor}\.0-", image);

        var extensions = container.GetProperty("customizations").GetProperty("vscode").GetProperty("extensions")
            .EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal);
        Assert.Equal(ExtensionId().Matches(Readme).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal), extensions);

        var command = container.GetProperty("postCreateCommand").GetString()!;
        Assert.Equal("bash .devcontainer/post-create.sh", command);
        Assert.True(File.Exists(Path.Combine(Repository.Root, ".devcontainer", "post-create.sh")));
    }

    [Fact]
    public void VsCodeRecommendsTheDevContainersExtensions()
    {
        var recommended = ReadJsonc(".vscode/extensions.json").GetProperty("recommendations").EnumerateArray().Select(e => e.GetString()!);
        var container = ReadJsonc(".devcontainer/devcontainer.json").GetProperty("customizations").GetProperty("vscode")
            .GetProperty("extensions").EnumerateArray().Select(e => e.GetString()!);
        Assert.Equal(container.Order(StringComparer.Ordinal), recommended.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryInstallOfTheKernelToolNamesTheVersionTheStockKernelTestRuns()
    {
        var installs = new[] { "README.md", ".devcontainer/post-create.sh", ".ci/run", ".github/workflows/ci.yml" }
            .SelectMany(file => ToolInstall().Matches(Read(file)).Select(m => (file, version: m.Groups[1].Value)))
            .ToList();
        Assert.Equal(4, installs.Select(i => i.file).Distinct().Count());
        Assert.All(installs, install => Assert.True(install.version == StockKernel.ToolVersion,
            $"{install.file} installs Microsoft.dotnet-interactive {install.version}, not {StockKernel.ToolVersion}."));
    }

    [GeneratedRegex(@"mcr\.microsoft\.com/devcontainers/dotnet:[\w.-]+")]
    private static partial Regex DevContainerImage();

    // Extension ids as the README writes them, in backticks: `ms-toolsai.jupyter`.
    [GeneratedRegex(@"`(ms-[a-z]+\.[a-z0-9-]+)`")]
    private static partial Regex ExtensionId();

    [GeneratedRegex(@"Microsoft\.dotnet-interactive --version (\S+)")]
    private static partial Regex ToolInstall();
}
