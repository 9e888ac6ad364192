using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Makemore.Testing;

/// <summary>An executed copy of a notebook, read back so tests can check what each cell printed, displayed or raised.</summary>
public sealed class ExecutedNotebook
{
    ExecutedNotebook(string path, JsonObject json)
    {
        Path = path;
        Json = json;
        Cells = json["cells"]!.AsArray().Select((c, i) => new ExecutedCell(i + 1, c!.AsObject())).ToList();
    }

    public static ExecutedNotebook Load(string path) => new(path, JsonNode.Parse(File.ReadAllText(path))!.AsObject());

    public string Path { get; }

    public JsonObject Json { get; }

    public JsonObject Metadata => Json["metadata"]!.AsObject();

    /// <summary>All cells, markdown included; <see cref="Cell"/> numbers them from 1.</summary>
    public IReadOnlyList<ExecutedCell> Cells { get; }

    public IEnumerable<ExecutedCell> CodeCells => Cells.Where(c => c.IsCode);

    public ExecutedCell Cell(int number) => Cells[number - 1];

    /// <summary>The first code cell whose source contains <paramref name="source"/>.</summary>
    public ExecutedCell CellContaining(string source) =>
        CodeCells.FirstOrDefault(c => c.Source.Contains(source, StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"{System.IO.Path.GetFileName(Path)} has no code cell containing \"{source}\".");

    /// <summary>The text output of all cells (see <see cref="ExecutedCell.Text"/>), one cell after another.</summary>
    public string Text => string.Join("\n", CodeCells.Select(c => c.Text).Where(t => t.Length > 0));

    /// <summary>The first match of <paramref name="pattern"/> in any cell's text output; fails the test, showing the text, if none.</summary>
    public Match Find(string pattern)
    {
        foreach (var cell in CodeCells)
        {
            var match = Regex.Match(cell.Text, pattern, RegexOptions.Multiline);
            if (match.Success) return match;
        }
        Assert.Fail($"No output of {System.IO.Path.GetFileName(Path)} matches /{pattern}/. Its text output:\n{Text}");
        return Match.Empty;
    }

    /// <summary>The number captured by the first group of <paramref name="pattern"/> (see <see cref="OutputNumbers"/>).</summary>
    public double FindNumber(string pattern) => OutputNumbers.FirstGroupNumber(Find(pattern), pattern);
}
