using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Makemore;

/// <summary>How a reference value was obtained.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReferenceKind>))]
public enum ReferenceKind
{
    /// <summary>Computed by running the lesson's code in PyTorch 1.13 (tests/reference/lesson_reference.py).</summary>
    [JsonStringEnumMemberName("computed")]
    Computed,

    /// <summary>Printed by the lesson notebook as saved upstream; running the lesson's code does not reproduce it.</summary>
    [JsonStringEnumMemberName("saved output")]
    SavedOutput,

    /// <summary>What another PyTorch release gives, quoted from the public report that says so.</summary>
    [JsonStringEnumMemberName("reported")]
    Reported,
}

/// <summary>
/// One value the series compares with: a number, a list of numbers, a text or a list of texts, with who produced it,
/// by which step of the lesson, and where that is written down.
/// </summary>
public sealed class ReferenceValue
{
    readonly JsonElement value;

    internal ReferenceValue(string name, ReferenceKind kind, string who, string what, string where, JsonElement value)
    {
        Name = name;
        Kind = kind;
        Who = who;
        What = what;
        Where = where;
        this.value = value;
    }

    /// <summary>The name notebooks and tests ask for it by, e.g. "training loss, step 1".</summary>
    public string Name { get; }

    public ReferenceKind Kind { get; }

    /// <summary>Who produced it: "PyTorch 1.13", "the lesson notebook's saved output", "PyTorch 2.0.0".</summary>
    public string Who { get; }

    /// <summary>The computation or lesson step it comes from.</summary>
    public string What { get; }

    /// <summary>Where to find it: the script that computed it, the lesson notebook's cell, or the report.</summary>
    public string Where { get; }

    /// <summary>"Who, what (where)": the source as a notebook names it.</summary>
    public string Source => $"{Who}, {What} ({Where})";

    /// <summary>The value as one number (a float32 result is the double it widens to).</summary>
    public double Number => value.ValueKind == JsonValueKind.Number ? value.GetDouble() : throw NotA("a number");

    /// <summary>The value as a list of numbers.</summary>
    public IReadOnlyList<double> Numbers => [.. Items(JsonValueKind.Number, "a list of numbers").Select(e => e.GetDouble())];

    /// <summary>The value as a list of whole numbers (indices, draws, counts).</summary>
    public IReadOnlyList<long> Integers =>
        [.. Items(JsonValueKind.Number, "a list of whole numbers").Select(e => e.TryGetInt64(out var n) ? n : throw NotA("a list of whole numbers"))];

    /// <summary>The value as one text.</summary>
    public string Text => value.ValueKind == JsonValueKind.String ? value.GetString()! : throw NotA("a text");

    /// <summary>The value as a list of texts (sampled names, words).</summary>
    public IReadOnlyList<string> Texts => [.. Items(JsonValueKind.String, "a list of texts").Select(e => e.GetString()!)];

    /// <summary>The value as JSON writes it, e.g. 3.768618583679199 or ["mor.", "axx."].</summary>
    public string Raw => value.GetRawText();

    public override string ToString() => $"{Source}: {Raw}";

    JsonElement.ArrayEnumerator Items(JsonValueKind kind, string what)
    {
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(e => e.ValueKind != kind)) throw NotA(what);
        return value.EnumerateArray();
    }

    InvalidOperationException NotA(string what) =>
        new(string.Create(CultureInfo.InvariantCulture, $"The reference value \"{Name}\" is not {what}: it is {value.GetRawText()}."));
}
