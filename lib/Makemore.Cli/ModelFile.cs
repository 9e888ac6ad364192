using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Makemore.Cli;

/// <summary>
/// The model file, version 2 (described for users in docs/cli.md, "The model file"): the record
/// <see cref="ModelFileContent"/> serialised as UTF-8 JSON by System.Text.Json's source generator, plus one validation
/// step that turns the record into a model (<see cref="Validate"/>); each kind's own fields are its
/// <see cref="ModelKind"/>'s to write and read. Floats are written in their shortest round-trip form, so a loaded
/// model gives exactly the samples of the saved one. Version 2 added the kind "kneser-ney"; version 1 files (counting
/// and neural models) read as before.
/// </summary>
static class ModelFile
{
    public const string Format = "makemore.NET model";
    public const int Version = 2;
    /// <summary>The oldest version this command reads.</summary>
    public const int FirstVersion = 1;

    /// <summary>Writes the file's JSON: indented, characters of any alphabet as themselves, no null fields.</summary>
    static readonly ModelFileJson Json = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // An n-gram counted twice is a damaged file, not one whose last count wins.
        AllowDuplicateProperties = false,
    });

    /// <summary>Writes the model to <paramref name="path"/> whole (<see cref="AtomicFile"/>): an interrupted save never leaves half a file.</summary>
    public static void Save(string path, TrainedModel trained)
    {
        var content = trained.Kind.Save(trained.Model, new ModelFileContent(Format, Version, trained.Kind.Name, trained.Model.Order,
            trained.Model.Vocabulary.Symbols, trained.Source, TrainingWords: [.. trained.TrainingWords]));
        try
        {
            AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, content, Json.ModelFileContent));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot save the model to {path}: {e.Message}");
        }
    }

    /// <summary>
    /// The "counts" field of the kinds that keep n-gram counts: every n-gram that occurred, as its n symbols (context,
    /// then next) with its count, in the order of the entries (context index, then next symbol).
    /// </summary>
    public static Dictionary<string, int> CountsField(Vocabulary vocabulary, int order, IEnumerable<(long Context, int Next, int Count)> entries)
    {
        var counts = new Dictionary<string, int>();
        foreach (var (context, next, count) in entries)
            counts[vocabulary.Decode([.. ContextIndex.Decode(context, vocabulary.Size, order), next])] = count;
        return counts;
    }

    /// <summary>The "counts" field read back as n-gram counts (the library's checks, reported as a damaged field).</summary>
    public static NGramCounts ReadCounts(ModelFileContent content, Vocabulary vocabulary, int order)
    {
        var counts = Required(content.Counts, "counts");
        try
        {
            return NGramCounts.FromCounts(vocabulary, order, counts);
        }
        catch (ArgumentException e)
        {
            // The library's words without the parameter's name, which means nothing in a file.
            throw new FormatException(e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal).TrimEnd('.'));
        }
    }

    /// <summary>Reads a model file; anything that is not a model file of a version this command reads is a <see cref="UsageException"/>.</summary>
    public static TrainedModel Load(string path)
    {
        if (Directory.Exists(path)) throw new UsageException($"{path} is a folder, not a model file.");
        if (!File.Exists(path)) throw new UsageException($"no such model file: {path}");
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read {path}: {e.Message}");
        }
        ModelFileContent? content;
        try
        {
            content = JsonSerializer.Deserialize(bytes, Json.ModelFileContent);
        }
        catch (JsonException e)
        {
            // Not even of the record's shape: a damaged model file if it says it is one, else something else.
            if (!HasFormatMarker(bytes)) throw NotAModel(path);
            var field = e.Path is ['$', '.', .. var name] ? name.Split('.', '[')[0] : null;
            throw Broken(path, field switch
            {
                "version" => "its \"version\" is missing or not a whole number",
                null => "it is not a JSON object of the model file's fields",
                _ => $"\"{field}\" is not what the format holds there",
            });
        }
        if (content is not { Format: Format }) throw NotAModel(path);
        if (content.Version is not { } version) throw Broken(path, "its \"version\" is missing or not a whole number");
        if (version is < FirstVersion or > Version)
            throw new UsageException($"{path} is a {Format} file of format version {version}; this makemore reads versions {FirstVersion} to {Version}.");
        try
        {
            return Validate(content, version);
        }
        catch (FormatException e)
        {
            throw Broken(path, e.Message);
        }
    }

    static bool HasFormatMarker(byte[] bytes)
    {
        try
        {
            return JsonSerializer.Deserialize(bytes, Json.ModelFileHeader) is { Format: Format };
        }
        catch (JsonException)
        {
            return false;
        }
    }

    static UsageException NotAModel(string path) => new($"{path} is not a {Format} file (save one with: makemore train --save FILE).");

    static UsageException Broken(string path, string problem) => new($"{path} is a damaged {Format} file: {problem}.");

    /// <summary>
    /// The one validation step: every field a model file must have, and a model built from them by its kind. Problems
    /// are FormatExceptions naming the field, reported as a damaged file.
    /// </summary>
    static TrainedModel Validate(ModelFileContent content, int version)
    {
        var name = Required(content.Kind, "kind");
        var kind = ModelKind.Named(name) ?? throw new FormatException($"\"kind\" is \"{name}\", not {ModelKind.Names}");
        if (version < kind.FileVersion)
            throw new FormatException($"\"kind\" \"{name}\" came with format version {kind.FileVersion}; a version {version} file has no such models");
        var order = Required(content.Order, "order");
        var vocabulary = ReadVocabulary(Required(content.Vocabulary, "vocabulary"));
        if (!kind.FitsOrder(vocabulary.Size, order))
            throw new FormatException($"\"order\" {order} is not possible for a {kind.Name} model over {vocabulary.Size} symbols");
        var source = Required(content.Source, "source");
        var trainingWords = Required(content.TrainingWords, "trainingWords")
            .Select(w => w ?? throw new FormatException("\"trainingWords\" holds something other than text")).ToArray();
        return new TrainedModel(kind, kind.Load(content, vocabulary, order), source, trainingWords);
    }

    static Vocabulary ReadVocabulary(string symbols)
    {
        try
        {
            return Vocabulary.FromItos(symbols);
        }
        catch (ArgumentException)
        {
            throw new FormatException($"\"vocabulary\" is not '{Vocabulary.Boundary}' followed by distinct characters");
        }
    }

    static T Required<T>(T? value, string name) where T : class => value ?? throw new FormatException($"\"{name}\" is missing");

    static T Required<T>(T? value, string name) where T : struct => value ?? throw new FormatException($"\"{name}\" is missing");
}

/// <summary>
/// A model file as it is written and read: the fields in the order the file lists them (camelCase in the JSON).
/// Every field may be missing when read; <c>ModelFile.Validate</c> says which must not be.
/// </summary>
/// <param name="Format">Always "makemore.NET model".</param>
/// <param name="Version">The format version, 2 (1 for files of the first version).</param>
/// <param name="Kind">The <see cref="ModelKind"/>'s name: "counting", "neural" or "kneser-ney".</param>
/// <param name="Order">n.</param>
/// <param name="Vocabulary">The symbols in index order, '.' first, as one string.</param>
/// <param name="Source">The file name of the word list it was trained on.</param>
/// <param name="Smoothing">Counting models: k.</param>
/// <param name="Counts">Counting and Kneser–Ney models: each n-gram that occurred, as its n symbols, and its count.</param>
/// <param name="Weights">Neural models: W as (n-1)·V rows of V numbers, one row a line.</param>
/// <param name="TrainingWords">The words it was trained on.</param>
sealed record ModelFileContent(
    string? Format,
    int? Version,
    string? Kind,
    int? Order,
    string? Vocabulary,
    string? Source,
    double? Smoothing = null,
    Dictionary<string, int>? Counts = null,
    [property: JsonConverter(typeof(RowPerLine))] float[][]? Weights = null,
    string?[]? TrainingWords = null);

/// <summary>Only the format marker, to tell a damaged model file from a file that is not one.</summary>
sealed record ModelFileHeader(string? Format);

/// <summary>
/// W's rows one to a line: the file stays readable (V numbers a line) rather than one number a line. Raw values are
/// written as they are, so each row brings its own line break and indentation.
/// </summary>
sealed class RowPerLine : JsonConverter<float[][]>
{
    static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public override float[][]? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("W is a list of rows.");
        var rows = new List<float[]>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("A row of W is a list of numbers.");
            var row = new List<float>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                row.Add(reader.TokenType == JsonTokenType.Number ? reader.GetSingle() : throw new JsonException("W holds numbers only."));
            rows.Add([.. row]);
        }
        return [.. rows];
    }

    public override void Write(Utf8JsonWriter writer, float[][] value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var row in value)
        {
            var buffer = new ArrayBufferWriter<byte>();
            buffer.Write("\n    "u8);
            using (var json = new Utf8JsonWriter(buffer, Compact))
            {
                json.WriteStartArray();
                foreach (var x in row) json.WriteNumberValue(x);
                json.WriteEndArray();
            }
            writer.WriteRawValue(buffer.WrittenSpan, skipInputValidation: true);
        }
        writer.WriteEndArray();
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ModelFileContent))]
[JsonSerializable(typeof(ModelFileHeader))]
sealed partial class ModelFileJson : JsonSerializerContext;
