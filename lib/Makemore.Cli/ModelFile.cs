using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using static TorchSharp.torch;

namespace Makemore.Cli;

/// <summary>
/// The model file, version 1 (described for users in docs/cli.md, "The model file"): the record
/// <see cref="ModelFileContent"/> serialised as UTF-8 JSON by System.Text.Json's source generator, plus one validation
/// step that turns the record into a model (<see cref="Validate"/>). Floats are written in their shortest round-trip
/// form, so a loaded model gives exactly the samples of the saved one.
/// </summary>
static class ModelFile
{
    public const string Format = "makemore.NET model";
    public const int Version = 1;

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

    /// <summary>
    /// Writes the model to <paramref name="path"/> atomically: into a temporary file beside it, then moved over it, so an
    /// interrupted save never leaves half a file.
    /// </summary>
    public static void Save(string path, TrainedModel trained)
    {
        var full = Path.GetFullPath(path);
        var temporary = $"{full}.{Environment.ProcessId}.tmp";
        try
        {
            using (var stream = File.Create(temporary))
                JsonSerializer.Serialize(stream, ContentOf(trained), Json.ModelFileContent);
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(temporary)) File.Delete(temporary);
            throw new UsageException($"cannot save the model to {path}: {e.Message}");
        }
    }

    static ModelFileContent ContentOf(TrainedModel trained)
    {
        var model = trained.Model;
        var vocabulary = model.Vocabulary;
        var v = vocabulary.Size;
        var content = new ModelFileContent(Format, Version, trained.Kind.Name(), model.Order, vocabulary.Symbols, trained.Source,
            TrainingWords: [.. trained.TrainingWords]);
        switch (model)
        {
            case CountingModel counting:
                // Every n-gram that occurred, as its n symbols (context, then next), in table order.
                var cells = counting.N.data<int>().ToArray();
                var counts = new Dictionary<string, int>();
                for (long cell = 0; cell < cells.Length; cell++)
                {
                    if (cells[cell] == 0) continue;
                    var context = ContextIndex.Decode(cell / v, v, model.Order);
                    counts[vocabulary.Decode([.. context, (int)(cell % v)])] = cells[cell];
                }
                return content with { Smoothing = counting.Smoothing, Counts = counts };
            case NeuralNGram neural:
                var w = neural.W.detach().data<float>().ToArray();
                return content with { Weights = [.. Enumerable.Range(0, w.Length / v).Select(row => w[(row * v)..((row + 1) * v)])] };
            default:
                throw new ArgumentException($"Not a model this command saves: {model.GetType().Name}.", nameof(trained));
        }
    }

    /// <summary>Reads a model file; anything that is not a version-1 model file is a <see cref="UsageException"/>.</summary>
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
        if (version != Version)
            throw new UsageException($"{path} is a {Format} file of format version {version}; this makemore reads version {Version} only.");
        try
        {
            return Validate(content);
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
    /// The one validation step: every field a version-1 file must have, and a model built from them. Problems are
    /// FormatExceptions naming the field, reported as a damaged file.
    /// </summary>
    static TrainedModel Validate(ModelFileContent content)
    {
        var kind = Required(content.Kind, "kind") switch
        {
            "counting" => ModelKind.Counting,
            "neural" => ModelKind.Neural,
            var other => throw new FormatException($"\"kind\" is \"{other}\", not \"counting\" or \"neural\""),
        };
        var order = Required(content.Order, "order");
        var vocabulary = ReadVocabulary(Required(content.Vocabulary, "vocabulary"));
        if (!OrderLimit.Fits(kind, vocabulary.Size, order))
            throw new FormatException($"\"order\" {order} is not possible for a {kind.Name()} model over {vocabulary.Size} symbols");
        var source = Required(content.Source, "source");
        var trainingWords = Required(content.TrainingWords, "trainingWords")
            .Select(w => w ?? throw new FormatException("\"trainingWords\" holds something other than text")).ToArray();

        INGramModel model = kind == ModelKind.Counting
            ? ReadCounting(content, vocabulary, order)
            : ReadNeural(content, vocabulary, order);
        return new TrainedModel(model, source, trainingWords);
    }

    static CountingModel ReadCounting(ModelFileContent content, Vocabulary vocabulary, int order)
    {
        if (content.Smoothing is not { } smoothing || !IsSmoothing(smoothing))
            throw new FormatException("\"smoothing\" is not a number of 0 or more");
        var counts = Required(content.Counts, "counts");
        var v = vocabulary.Size;
        var table = new int[ContextIndex.Count(v, order) * v];
        foreach (var (ngram, count) in counts)
        {
            if (ngram.Length != order || ngram.Any(c => !vocabulary.Stoi.ContainsKey(c)))
                throw new FormatException($"\"{ngram}\" is not {order} symbols of the vocabulary");
            if (count < 1) throw new FormatException($"the count of \"{ngram}\" is {count}; counts listed are 1 or more");
            var symbols = vocabulary.Encode(ngram);
            table[ContextIndex.Of(symbols.AsSpan(0, order - 1), v) * v + symbols[^1]] = count;
        }
        using var scope = NewDisposeScope();
        return CountingModel.FromCounts(vocabulary, order, tensor(table, [table.Length / v, v]), smoothing);
    }

    // The library's rule for k, whatever message it would give: the file only says whether it is damaged.
    static bool IsSmoothing(double smoothing)
    {
        try
        {
            CountingModel.CheckSmoothing(smoothing);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    static NeuralNGram ReadNeural(ModelFileContent content, Vocabulary vocabulary, int order)
    {
        var v = vocabulary.Size;
        var expected = (order - 1) * v;
        var rows = content.Weights;
        if (rows is null || rows.Length != expected)
            throw new FormatException($"\"weights\" is not a list of {expected} rows");
        var w = new float[expected * v];
        for (var row = 0; row < rows.Length; row++)
        {
            if (rows[row] is not { } values || values.Length != v)
                throw new FormatException($"row {row} of \"weights\" is not a list of {v} numbers");
            if (values.Any(x => !float.IsFinite(x)))
                throw new FormatException($"row {row} of \"weights\" holds something other than a finite number");
            values.CopyTo(w, row * v);
        }
        using var scope = NewDisposeScope();
        return NeuralNGram.FromWeights(vocabulary, order, tensor(w, [expected, v]));
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
/// <param name="Version">The format version, 1.</param>
/// <param name="Kind">"counting" or "neural".</param>
/// <param name="Order">n.</param>
/// <param name="Vocabulary">The symbols in index order, '.' first, as one string.</param>
/// <param name="Source">The file name of the word list it was trained on.</param>
/// <param name="Smoothing">Counting models: k.</param>
/// <param name="Counts">Counting models: each n-gram that occurred, as its n symbols, and its count.</param>
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
