using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Makemore;

/// <summary>
/// The values the series compares itself with, each with its source: the lesson's computations run in PyTorch 1.13 by
/// tests/reference/lesson_reference.py, the few outputs of the lesson notebook that no run reproduces, and what later
/// PyTorch releases are reported to give. <see cref="Show(string, double, string, string)"/> prints one of them beside
/// the notebook's own value, on one line:
/// <code>PyTorch 1.13, the lesson's training loop, step 1 (tests/reference/lesson_reference.py): 3.7686 · ours: 3.7686</code>
/// A value that differs at the printed precision says so at the end of the line (" · differs by +1.0E-4").
/// </summary>
public static class LessonReference
{
    const string Resource = "Makemore.Reference.lesson-reference.json";
    const string Separator = " · ";

    static readonly Lazy<(string Build, IReadOnlyList<ReferenceValue> Values)> Loaded = new(Load);

    /// <summary>The PyTorch build that computed the values, as the script recorded it.</summary>
    internal static string PyTorchBuild => Loaded.Value.Build;

    /// <summary>Every reference value, in the order the series meets them.</summary>
    public static IReadOnlyList<ReferenceValue> All => Loaded.Value.Values;

    /// <summary>The value called <paramref name="name"/>; an unknown name throws, listing the names there are.</summary>
    public static ReferenceValue Get(string name) =>
        All.FirstOrDefault(v => v.Name == name)
        ?? throw new KeyNotFoundException($"No reference value is called \"{name}\". The names are: {string.Join("; ", All.Select(v => v.Name))}.");

    /// <summary>The line <see cref="Show(string, double, string, string)"/> prints: both numbers in <paramref name="format"/>.</summary>
    public static string Line(string name, double ours, string format = "F4", string label = "ours")
    {
        var reference = Get(name).Number;
        var line = Compose(name, Format(reference, format), Format(ours, format), label);
        return Format(reference, format) == Format(ours, format) ? line : line + $"{Separator}differs by {(ours - reference).ToString("+0.0E+0;-0.0E+0", CultureInfo.InvariantCulture)}";
    }

    /// <summary>The line for a list of numbers, each in <paramref name="format"/>.</summary>
    public static string Line(string name, IEnumerable<double> ours, string format = "F4", string label = "ours") =>
        ListLine(name, [.. Get(name).Numbers.Select(x => Format(x, format))], [.. ours.Select(x => Format(x, format))], label, bracketed: true);

    /// <summary>The line for a list of whole numbers (draws, indices).</summary>
    public static string Line(string name, IEnumerable<long> ours, string label = "ours") =>
        ListLine(name, [.. Get(name).Integers.Select(Format)], [.. ours.Select(Format)], label, bracketed: true);

    /// <summary>The line for a list of texts, such as sampled names.</summary>
    public static string Line(string name, IEnumerable<string> ours, string label = "ours") =>
        ListLine(name, Get(name).Texts, [.. ours], label, bracketed: false);

    /// <summary>The line for one text.</summary>
    public static string Line(string name, string ours, string label = "ours")
    {
        var reference = Get(name).Text;
        var line = Compose(name, reference, ours, label);
        return reference == ours ? line : line + $"{Separator}differs";
    }

    /// <summary>Prints the reference value <paramref name="name"/> with its source, and <paramref name="ours"/> beside it.</summary>
    public static void Show(string name, double ours, string format = "F4", string label = "ours") => Console.WriteLine(Line(name, ours, format, label));

    /// <summary>Prints a list of numbers beside the reference list.</summary>
    public static void Show(string name, IEnumerable<double> ours, string format = "F4", string label = "ours") => Console.WriteLine(Line(name, ours, format, label));

    /// <summary>Prints a list of whole numbers beside the reference list.</summary>
    public static void Show(string name, IEnumerable<long> ours, string label = "ours") => Console.WriteLine(Line(name, ours, label));

    /// <summary>Prints a list of texts beside the reference list.</summary>
    public static void Show(string name, IEnumerable<string> ours, string label = "ours") => Console.WriteLine(Line(name, ours, label));

    /// <summary>Prints a text beside the reference text.</summary>
    public static void Show(string name, string ours, string label = "ours") => Console.WriteLine(Line(name, ours, label));

    static string ListLine(string name, IReadOnlyList<string> reference, IReadOnlyList<string> ours, string label, bool bracketed)
    {
        string Join(IEnumerable<string> items) => bracketed ? $"[{string.Join(", ", items)}]" : string.Join(" ", items);
        var line = Compose(name, Join(reference), Join(ours), label);
        if (reference.Count != ours.Count) return line + $"{Separator}differs: {ours.Count} items against {reference.Count}";
        var different = reference.Zip(ours).Count(p => p.First != p.Second);
        return different == 0 ? line : line + $"{Separator}differs in {different} of {reference.Count}";
    }

    static string Compose(string name, string reference, string ours, string label)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        return $"{Get(name).Source}: {reference}{Separator}{label}: {ours}";
    }

    static string Format(double x, string format) => x.ToString(format, CultureInfo.InvariantCulture);

    static string Format(long x) => x.ToString(CultureInfo.InvariantCulture);

    static (string, IReadOnlyList<ReferenceValue>) Load()
    {
        using var stream = typeof(LessonReference).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"Makemore.dll has no resource {Resource}: the build did not embed the reference values.");
        var file = JsonSerializer.Deserialize(stream, ReferenceJson.Default.ReferenceFile)
            ?? throw new InvalidDataException($"{Resource} holds no reference values.");
        var values = file.Values.Select(e => new ReferenceValue(e.Name, e.Kind, e.Who, e.What, e.Where, e.Value)).ToList();
        // Names are how notebooks ask: two entries with one name would make one of them unreachable.
        var repeated = values.GroupBy(v => v.Name).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null) throw new InvalidDataException($"{Resource} has two values called \"{repeated.Key}\".");
        return (file.Pytorch, values);
    }
}

sealed record ReferenceFile(string About, string Lesson, string Pytorch, string NamesSha256, IReadOnlyList<ReferenceEntry> Values);

sealed record ReferenceEntry(string Name, ReferenceKind Kind, string Who, string What, string Where, JsonElement Value);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(ReferenceFile))]
sealed partial class ReferenceJson : JsonSerializerContext;
