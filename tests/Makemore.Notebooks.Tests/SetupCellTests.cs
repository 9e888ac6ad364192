using System.Text.Json.Nodes;

namespace Makemore.Notebooks.Tests;

/// <summary>
/// Every notebook opens the same way: its title, the `dotnet build` it needs first, then the standard setup cell whose
/// `#r "nuget: …"` versions are the ones Directory.Packages.props pins for the library, so the kernel loads the very
/// packages the helper library was built against. Read from the notebooks on disk; nothing is executed.
/// </summary>
public sealed partial class SetupCellTests
{
    public static TheoryData<string> Notebooks() => new(
        Directory.GetFiles(NotebookRun.NotebooksFolder, "*.ipynb").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void OpensWithItsTitleAndTheStandardSetupCell(string notebook)
    {
        var cells = JsonNode.Parse(File.ReadAllText(Path.Combine(NotebookRun.NotebooksFolder, notebook)))!["cells"]!.AsArray()
            .Select(c => (Type: (string)c!["cell_type"]!, Source: string.Concat(c["source"]!.AsArray().Select(l => (string)l!))))
            .ToList();
        var number = notebook[..notebook.IndexOf('-', StringComparison.Ordinal)];

        var title = cells.First(c => c.Type == "markdown").Source;
        Assert.StartsWith($"# {number} ", title);
        Assert.Contains("dotnet build", title);

        var setup = cells.First(c => c.Type == "code").Source.Split('\n');
        var packages = setup.Select(l => NugetLine().Match(l)).Where(m => m.Success)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        Assert.Equal(["Plotly.NET.CSharp", "Plotly.NET.Interactive", "TorchSharp-cpu"], packages.Keys.Order(StringComparer.Ordinal));
        foreach (var (package, version) in packages)
            Assert.True(Pinned.Value.GetValueOrDefault(package) == version,
                $"{notebook} loads {package} {version}; Directory.Packages.props pins {Pinned.Value.GetValueOrDefault(package) ?? "nothing"}.");
        Assert.Contains("#r \"../artifacts/bin/Makemore/debug/Makemore.dll\"", setup);
        Assert.Equal("Makemore.Notebook.Setup();", setup[^1]);
    }

    [GeneratedRegex("""^#r "nuget: ([^,]+), ([^"]+)"$""")]
    private static partial Regex NugetLine();

    /// <summary>Directory.Packages.props's versions by package, its $(Property) references resolved.</summary>
    static readonly Lazy<Dictionary<string, string>> Pinned = new(() =>
    {
        var props = XDocument.Load(Path.Combine(Repository.Root, "Directory.Packages.props"));
        var properties = props.Descendants("PropertyGroup").Elements().ToDictionary(e => e.Name.LocalName, e => e.Value);
        return props.Descendants("PackageVersion").ToDictionary(
            e => (string)e.Attribute("Include")!,
            e => Regex.Replace((string)e.Attribute("Version")!, @"\$\((\w+)\)", m => properties[m.Groups[1].Value]));
    });
}
