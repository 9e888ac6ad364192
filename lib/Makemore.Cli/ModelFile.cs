using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using TorchSharp;
using static TorchSharp.torch;

namespace Makemore.Cli;

/// <summary>
/// The model file: UTF-8 JSON, version 1 (described for users in the README, "The model file"). Every file has
/// "format": "makemore.NET model", "version", "kind" ("counting" or "neural"), "order", "vocabulary" (the symbols
/// in index order, '.' first, as one string) and "source" (the word list's file name); a counting model adds
/// "smoothing" and "counts" (each n-gram that occurred, as a string of n symbols, and its count); a neural model adds
/// "weights" (W as (n-1)·V rows of V numbers). "trainingWords" lists the words it was trained on. Floats are written
/// in their shortest round-trip form, so a loaded model gives exactly the samples of the saved one.
/// </summary>
static class ModelFile
{
    public const string Format = "makemore.NET model";
    public const int Version = 1;

    static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

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
            using (var json = new Utf8JsonWriter(stream, Indented))
                Write(json, trained);
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(temporary)) File.Delete(temporary);
            throw new CliError($"cannot save the model to {path}: {e.Message}");
        }
    }

    static void Write(Utf8JsonWriter json, TrainedModel trained)
    {
        var model = trained.Model;
        var v = model.Vocabulary.Size;
        json.WriteStartObject();
        json.WriteString("format", Format);
        json.WriteNumber("version", Version);
        json.WriteString("kind", trained.Kind.Name());
        json.WriteNumber("order", model.Order);
        json.WriteString("vocabulary", model.Vocabulary.ToString());
        json.WriteString("source", trained.Source);
        switch (model)
        {
            case CountingModel counting:
                json.WriteNumber("smoothing", counting.Smoothing);
                json.WriteStartObject("counts");
                var counts = counting.N.data<int>().ToArray();
                for (long cell = 0; cell < counts.Length; cell++)
                {
                    if (counts[cell] == 0) continue;
                    var context = ContextIndex.Decode(cell / v, v, model.Order);
                    json.WriteNumber(model.Vocabulary.Decode([.. context, (int)(cell % v)]), counts[cell]);
                }
                json.WriteEndObject();
                break;
            case NeuralNGram neural:
                json.WritePropertyName("weights");
                json.WriteStartArray();
                var w = neural.W.detach().data<float>().ToArray();
                for (var row = 0; row < w.Length / v; row++)
                    json.WriteRawValue(CompactRow(w.AsSpan(row * v, v)), skipInputValidation: true);
                json.WriteEndArray();
                break;
        }
        json.WriteStartArray("trainingWords");
        foreach (var word in trained.TrainingWords) json.WriteStringValue(word);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    // One row of W on one indented line: the file stays readable (V numbers a line) rather than one number a line.
    // Raw values are written as they are, so the row brings its own line break and indentation.
    static byte[] CompactRow(ReadOnlySpan<float> row)
    {
        var buffer = new ArrayBufferWriter<byte>();
        buffer.Write("\n    "u8);
        using (var json = new Utf8JsonWriter(buffer, Compact))
        {
            json.WriteStartArray();
            foreach (var x in row) json.WriteNumberValue(x);
            json.WriteEndArray();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads a model file; anything that is not a version-1 model file is a <see cref="CliError"/>.</summary>
    public static TrainedModel Load(string path)
    {
        if (Directory.Exists(path)) throw new CliError($"{path} is a folder, not a model file.");
        if (!File.Exists(path)) throw new CliError($"no such model file: {path}");
        JsonDocument document;
        try
        {
            using var stream = File.OpenRead(path);
            document = JsonDocument.Parse(stream);
        }
        catch (JsonException)
        {
            throw NotAModel(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliError($"cannot read {path}: {e.Message}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format)
                || format.ValueKind != JsonValueKind.String || format.GetString() != Format)
                throw NotAModel(path);
            if (!root.TryGetProperty("version", out var version) || !version.TryGetInt32(out var number))
                throw Broken(path, "its \"version\" is missing or not a whole number");
            if (number != Version)
                throw new CliError($"{path} is a {Format} file of format version {number}; this makemore reads version {Version} only.");
            try
            {
                return Read(root);
            }
            catch (FormatException e)
            {
                throw Broken(path, e.Message);
            }
        }
    }

    static CliError NotAModel(string path) => new($"{path} is not a {Format} file (save one with: makemore train --save FILE).");

    static CliError Broken(string path, string problem) => new($"{path} is a damaged {Format} file: {problem}.");

    // Problems inside a file that says it is a version-1 model are FormatExceptions, reported as a damaged file.
    static TrainedModel Read(JsonElement root)
    {
        var kind = Text(root, "kind") switch
        {
            "counting" => ModelKind.Counting,
            "neural" => ModelKind.Neural,
            var other => throw new FormatException($"\"kind\" is \"{other}\", not \"counting\" or \"neural\""),
        };
        var order = WholeNumber(Property(root, "order"), "order");
        var vocabulary = ReadVocabulary(Text(root, "vocabulary"));
        if (order < (kind == ModelKind.Neural ? 2 : 1) || !OrderLimit.Fits(kind, vocabulary.Size, order))
            throw new FormatException($"\"order\" {order} is not possible for a {kind.Name()} model over {vocabulary.Size} symbols");
        var source = Text(root, "source");
        var words = Property(root, "trainingWords");
        if (words.ValueKind != JsonValueKind.Array) throw new FormatException("\"trainingWords\" is not a list");
        var trainingWords = words.EnumerateArray().Select(w => w.ValueKind == JsonValueKind.String
            ? w.GetString()! : throw new FormatException("\"trainingWords\" holds something other than text")).ToArray();

        INGramModel model = kind == ModelKind.Counting
            ? ReadCounting(root, vocabulary, order)
            : ReadNeural(root, vocabulary, order);
        return new TrainedModel(model, source, trainingWords);
    }

    static CountingModel ReadCounting(JsonElement root, Vocabulary vocabulary, int order)
    {
        var smoothingElement = Property(root, "smoothing");
        if (smoothingElement.ValueKind != JsonValueKind.Number || !(smoothingElement.GetDouble() is var smoothing && double.IsFinite(smoothing) && smoothing >= 0))
            throw new FormatException("\"smoothing\" is not a number of 0 or more");
        var counts = Property(root, "counts");
        if (counts.ValueKind != JsonValueKind.Object) throw new FormatException("\"counts\" is not an object of n-grams and their counts");
        var v = vocabulary.Size;
        var table = new int[ContextIndex.Count(v, order) * v];
        var seen = new HashSet<string>();
        foreach (var entry in counts.EnumerateObject())
        {
            if (!seen.Add(entry.Name)) throw new FormatException($"the n-gram \"{entry.Name}\" is counted twice");
            if (entry.Name.Length != order || entry.Name.Any(c => !vocabulary.Stoi.ContainsKey(c)))
                throw new FormatException($"\"{entry.Name}\" is not {order} symbols of the vocabulary");
            var count = WholeNumber(entry.Value, $"the count of \"{entry.Name}\"");
            if (count < 1) throw new FormatException($"the count of \"{entry.Name}\" is {count}; counts listed are 1 or more");
            var symbols = vocabulary.Encode(entry.Name);
            table[ContextIndex.Of(symbols.AsSpan(0, order - 1), v) * v + symbols[^1]] = count;
        }
        using var scope = NewDisposeScope();
        return CountingModel.FromCounts(vocabulary, order, tensor(table, [table.Length / v, v]), smoothing);
    }

    static NeuralNGram ReadNeural(JsonElement root, Vocabulary vocabulary, int order)
    {
        var rows = Property(root, "weights");
        var v = vocabulary.Size;
        var expected = (order - 1) * v;
        if (rows.ValueKind != JsonValueKind.Array || rows.GetArrayLength() != expected)
            throw new FormatException($"\"weights\" is not a list of {expected} rows");
        var w = new float[expected * v];
        var row = 0;
        foreach (var element in rows.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() != v)
                throw new FormatException($"row {row} of \"weights\" is not a list of {v} numbers");
            var column = 0;
            foreach (var x in element.EnumerateArray())
            {
                if (x.ValueKind != JsonValueKind.Number || !x.TryGetSingle(out var value) || !float.IsFinite(value))
                    throw new FormatException($"row {row} of \"weights\" holds something other than a finite number");
                w[row * v + column++] = value;
            }
            row++;
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

    static JsonElement Property(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? value : throw new FormatException($"\"{name}\" is missing");

    static string Text(JsonElement root, string name)
    {
        var value = Property(root, name);
        return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new FormatException($"\"{name}\" is not text");
    }

    static int WholeNumber(JsonElement value, string what) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw new FormatException($"{what} is not a whole number");
}
