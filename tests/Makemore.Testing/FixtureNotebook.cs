using System.Text.Json.Nodes;

namespace Makemore.Testing;

/// <summary>Writes small C# Polyglot notebooks, shaped as VS Code saves them, for tests to run.</summary>
public static class FixtureNotebook
{
    /// <summary>The notebook metadata VS Code's Polyglot Notebooks writes for a C# notebook.</summary>
    public static JsonObject Metadata() => new()
    {
        ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
        ["language_info"] = new JsonObject { ["name"] = "csharp" },
        ["polyglot_notebook"] = new JsonObject
        {
            ["kernelInfo"] = new JsonObject
            {
                ["defaultKernelName"] = "csharp",
                ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["name"] = "csharp" }),
            },
        },
    };

    public static JsonObject Code(string source) => new()
    {
        ["cell_type"] = "code",
        ["execution_count"] = null,
        ["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" } },
        ["outputs"] = new JsonArray(),
        ["source"] = source,
    };

    public static JsonObject Markdown(string source) => new()
    {
        ["cell_type"] = "markdown",
        ["metadata"] = new JsonObject(),
        ["source"] = source,
    };

    /// <summary>
    /// A markdown <paramref name="heading"/>, then a code cell that prints "words: 32033" and "loss = 2.4544": values
    /// for a fixture's tests to find in its outputs.
    /// </summary>
    public static JsonObject[] HeadingAndPrintedValues(string heading) =>
        [Markdown(heading), Code("Console.WriteLine(\"words: 32033\");\nConsole.WriteLine(\"loss = 2.4544\");")];

    /// <summary>Writes a notebook with <paramref name="cells"/> to <paramref name="path"/> and returns the path.</summary>
    public static string Write(string path, params JsonObject[] cells)
    {
        var notebook = new JsonObject
        {
            ["cells"] = new JsonArray(cells.Select(c => (JsonNode)c).ToArray()),
            ["metadata"] = Metadata(),
            ["nbformat"] = 4,
            ["nbformat_minor"] = 2,
        };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, notebook.ToJsonString(new() { WriteIndented = true }));
        return path;
    }
}
