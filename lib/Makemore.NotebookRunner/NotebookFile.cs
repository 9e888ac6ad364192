using System.Text.Json;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;

namespace Makemore.NotebookRunner;

/// <summary>Reads and writes .ipynb files with the .NET Interactive document library, which keeps notebook and cell metadata.</summary>
static class NotebookFile
{
    public const string Extension = ".ipynb";

    /// <summary>Reads a notebook; anything that is not a readable Jupyter notebook is a <see cref="UsageException"/>.</summary>
    public static InteractiveDocument Read(string path)
    {
        var name = DisplayPath.Of(path);
        if (!File.Exists(path)) throw new UsageException($"{name}: no such file.");
        if (!path.EndsWith(Extension, StringComparison.OrdinalIgnoreCase))
            throw new UsageException($"{name}: not a notebook (expected a {Extension} file).");
        var text = File.ReadAllText(path);
        CheckShape(name, text);
        try
        {
            return Notebook.Parse(text);
        }
        catch (Exception e) // the JSON is valid, so whatever the library rejects is the notebook's shape
        {
            throw new UsageException($"{name}: could not be read as a notebook: {e.Message}");
        }
    }

    /// <summary>Writes the notebook whole (<see cref="AtomicFile"/>), so a reader never sees half a notebook.</summary>
    public static void Write(InteractiveDocument document, string path)
    {
        // The library writes nbformat 4.5, whose cells need ids; notebooks saved without them get fresh ones, as Jupyter does.
        foreach (var element in document.Elements.Where(e => string.IsNullOrEmpty(e.Id)))
            element.Id = Guid.NewGuid().ToString("N")[..12];
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        AtomicFile.WriteAllText(path, document.ToJupyterJson());
    }

    /// <summary>Removes the outputs and execution counts of an earlier run, as nbconvert does before executing.</summary>
    public static void ClearOutputs(InteractiveDocument document)
    {
        foreach (var cell in document.Elements)
        {
            cell.Outputs.Clear();
            cell.ExecutionOrder = 0;
        }
    }

    public static bool IsCode(InteractiveDocumentElement cell) => cell.KernelName != "markdown";

    /// <summary>The first <paramref name="lines"/> non-blank lines of a cell, for progress lines and failure reports.</summary>
    public static IReadOnlyList<string> FirstLines(InteractiveDocumentElement cell, int lines) =>
        cell.Contents.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).Take(lines).ToList();

    // The document library accepts some JSON that is no notebook at all; check the parts a notebook must have.
    static void CheckShape(string name, string text)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new UsageException($"{name}: malformed JSON: {e.Message}");
        }
        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("nbformat", out var format) || format.ValueKind != JsonValueKind.Number
                || !root.TryGetProperty("cells", out var cells) || cells.ValueKind != JsonValueKind.Array)
                throw new UsageException($"{name}: not a notebook (no \"nbformat\" and \"cells\").");
            if (format.GetInt32() != 4)
                throw new UsageException($"{name}: nbformat {format.GetInt32()} is not supported (only 4).");
            // The library reads raw cells as code cells, which would then be executed and saved as code.
            if (cells.EnumerateArray().Any(c => c.TryGetProperty("cell_type", out var type) && type.GetString() == "raw"))
                throw new UsageException($"{name}: raw cells are not supported.");
        }
    }
}
