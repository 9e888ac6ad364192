using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Makemore.Testing;

/// <summary>An error output of a cell: its name (exception type), message and trace.</summary>
public sealed record CellErrorOutput(string Name, string Message, IReadOnlyList<string> Trace);

/// <summary>One cell of an executed notebook, with its outputs by kind.</summary>
public sealed class ExecutedCell
{
    internal ExecutedCell(int number, JsonObject json)
    {
        Number = number;
        Json = json;
        IsCode = (string?)json["cell_type"] == "code";
        Source = JoinText(json["source"]);
        ExecutionCount = (int?)json["execution_count"];
        Outputs = json["outputs"]?.AsArray().Select(o => o!.AsObject()).ToList() ?? [];
        Stdout = Streams("stdout");
        Stderr = Streams("stderr");
        PlainText = Data("text/plain");
        Html = Data("text/html");
        Errors = Outputs.Where(o => (string?)o["output_type"] == "error")
            .Select(o => new CellErrorOutput((string)o["ename"]!, (string)o["evalue"]!, o["traceback"]!.AsArray().Select(t => (string)t!).ToList()))
            .ToList();
    }

    /// <summary>1-based position among all cells, markdown included (as the runner reports it).</summary>
    public int Number { get; }

    public bool IsCode { get; }

    public string Source { get; }

    /// <summary>Null for a cell that did not run.</summary>
    public int? ExecutionCount { get; }

    public JsonObject Json { get; }

    public IReadOnlyList<JsonObject> Outputs { get; }

    /// <summary>Everything the cell wrote to standard output.</summary>
    public string Stdout { get; }

    public string Stderr { get; }

    /// <summary>The text/plain data of displayed values and return values, in order.</summary>
    public IReadOnlyList<string> PlainText { get; }

    /// <summary>The text/html data of displayed values and return values, in order.</summary>
    public IReadOnlyList<string> Html { get; }

    public IReadOnlyList<CellErrorOutput> Errors { get; }

    /// <summary>The Plotly charts the cell displayed or returned: each one's HTML and its text/plain (null if none).</summary>
    public IReadOnlyList<(string Html, string? PlainText)> Charts =>
        Outputs.Where(o => o["data"]?["text/html"] is { } html && NotebookOutputs.IsChart(JoinText(html)))
            .Select(o => (JoinText(o["data"]!["text/html"]), o["data"]!["text/plain"] is { } plain ? JoinText(plain) : null))
            .ToList();

    /// <summary>What a reader sees as text: standard output, then the plain text of displayed and returned values.</summary>
    public string Text => string.Join("\n", PlainText.Prepend(Stdout).Where(t => t.Length > 0));

    /// <summary>The first match of <paramref name="pattern"/> in <see cref="Text"/>; fails the test, showing the text, if none.</summary>
    public Match Find(string pattern)
    {
        var match = Regex.Match(Text, pattern, RegexOptions.Multiline);
        if (!match.Success) Assert.Fail($"Cell {Number} has no output matching /{pattern}/. Its text output:\n{Text}");
        return match;
    }

    /// <summary>The number captured by the first group of <paramref name="pattern"/> (see <see cref="OutputNumbers"/>).</summary>
    public double FindNumber(string pattern) => OutputNumbers.FirstGroupNumber(Find(pattern), pattern);

    List<string> Data(string mimeType) =>
        Outputs.Where(o => o["data"]?[mimeType] is not null).Select(o => JoinText(o["data"]![mimeType])).ToList();

    string Streams(string name) =>
        string.Concat(Outputs.Where(o => (string?)o["output_type"] == "stream" && (string?)o["name"] == name).Select(o => JoinText(o["text"])));

    // Notebook text is a string or a list of lines.
    static string JoinText(JsonNode? node) => node switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        _ => (string?)node ?? "",
    };

    public override string ToString() => $"cell {Number}: {Source.Split('\n')[0]}";
}
