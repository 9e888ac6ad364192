using System.Text.Json;
using System.Text.Json.Serialization;

namespace Makemore.NotebookRunner;

/// <summary>
/// What a worker tells the runner, one JSON line each on the worker's standard output. The prefix tells them apart from
/// anything else that reaches that stream (native libraries write to it directly), which the runner passes through.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "event")]
[JsonDerivedType(typeof(NotebookStarted), "notebook")]
[JsonDerivedType(typeof(CellStarted), "cell")]
[JsonDerivedType(typeof(CellFinished), "done")]
abstract record WorkerEvent
{
    const string Prefix = "#notebook-runner# ";

    public string ToLine() => Prefix + JsonSerializer.Serialize(this);

    public static WorkerEvent? TryParse(string line) =>
        line.StartsWith(Prefix, StringComparison.Ordinal) ? JsonSerializer.Deserialize<WorkerEvent>(line.AsSpan(Prefix.Length)) : null;
}

/// <summary>The notebook was read; <paramref name="Cells"/> counts all its cells, markdown included.</summary>
sealed record NotebookStarted(int Cells) : WorkerEvent;

/// <summary>Cell number <paramref name="Cell"/> (1-based, counting all cells) started; <paramref name="Lines"/> are its first lines.</summary>
sealed record CellStarted(int Cell, IReadOnlyList<string> Lines) : WorkerEvent;

/// <summary>The cell finished, after <paramref name="Seconds"/>; <paramref name="Error"/> is set when it failed or timed out.</summary>
sealed record CellFinished(int Cell, double Seconds, CellError? Error) : WorkerEvent;

/// <summary>Why a cell failed: the error's name (exception type, CompilationError, Timeout) and message.</summary>
sealed record CellError(string Name, string Message);
