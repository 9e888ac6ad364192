using System.Text.Json;

namespace Makemore.Testing;

/// <summary>
/// The reference values (the lesson's computations run in PyTorch 1.13 by tests/reference/lesson_reference.py, and the
/// lesson notebook's saved outputs), read from lib/Makemore/Reference/lesson-reference.json: the file Makemore.dll
/// embeds for <c>LessonReference</c>, so that the tests that load no torch compare with the very same numbers.
/// </summary>
public static class ReferenceValues
{
    /// <summary>The committed file.</summary>
    public static string File => Path.Combine(Repository.Root, "lib", "Makemore", "Reference", "lesson-reference.json");

    static readonly Lazy<IReadOnlyDictionary<string, JsonElement>> Values = new(() =>
    {
        using var document = JsonDocument.Parse(System.IO.File.ReadAllText(File));
        return document.RootElement.GetProperty("values").EnumerateArray()
            .ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("value").Clone());
    });

    public static double Number(string name) => Value(name).GetDouble();

    /// <summary>The number rounded to the <paramref name="decimals"/> a notebook prints it with.</summary>
    public static double Rounded(string name, int decimals) => Math.Round(Number(name), decimals);

    public static IReadOnlyList<double> Numbers(string name) => [.. Value(name).EnumerateArray().Select(e => e.GetDouble())];

    public static IReadOnlyList<long> Integers(string name) => [.. Value(name).EnumerateArray().Select(e => e.GetInt64())];

    public static IReadOnlyList<string> Texts(string name) => [.. Value(name).EnumerateArray().Select(e => e.GetString()!)];

    public static string Text(string name) => Value(name).GetString()!;

    static JsonElement Value(string name) =>
        Values.Value.TryGetValue(name, out var value)
            ? value
            : throw new KeyNotFoundException($"{File} has no value called \"{name}\"; it has: {string.Join("; ", Values.Value.Keys)}.");
}
