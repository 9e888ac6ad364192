using System.Text.Json;
using System.Text.Json.Nodes;

namespace Makemore.Cli.Tests;

/// <summary>Saving a trained model and sampling from it later, without the data; and refusing what is not such a model.</summary>
public class ModelFileTests(ModelFileTests.SavedBigram saved) : IClassFixture<ModelFileTests.SavedBigram>
{
    /// <summary>A counting bigram saved once for the tests that damage a copy of it.</summary>
    public sealed class SavedBigram
    {
        public SavedBigram()
        {
            using var files = new WordFiles();
            var run = files.Makemore("train", files.Write("words.txt", WordFiles.Small), "-s", "0", "--save", "model.json");
            Assert.True(run.ExitCode == 0, run.ToString());
            Json = File.ReadAllText(files.PathOf("model.json"));
        }

        public string Json { get; }
    }

    [Theory]
    [InlineData("counting", new[] { "-n", "3", "-k", "0.5" })]
    [InlineData("neural", new[] { "-n", "3", "--steps", "25", "--lr", "10" })]
    [InlineData("kneser-ney", new[] { "-n", "3" })]
    [InlineData("kneser-ney", new[] { "-n", "3", "--temperature", "0.6", "--top-k", "4" })]
    public void ASavedModelSamplesWhatTheTrainedOneDid(string kind, string[] options)
    {
        using var files = new WordFiles();
        var trained = files.Makemore(["train", files.Write("words.txt", WordFiles.Small), "-m", kind, .. options, "-s", "25", "--seed", "99", "--save", "model.json"]);
        Assert.True(trained.ExitCode == 0, trained.ToString());
        Assert.Contains($"saved    model.json ({kind} trigram (order 3), model file version 2)", trained.Output);

        // The data is gone: sampling needs only the model file (and the same sampling options, if any).
        File.Delete(files.PathOf("words.txt"));
        var sampled = files.Makemore(["sample", "model.json", "-s", "25", "--seed", "99", .. options.SkipWhile(o => o != "--temperature")]);

        Assert.True(sampled.ExitCode == 0, sampled.ToString());
        Assert.Contains($"model    model.json: {kind} trigram (order 3)", sampled.Output);
        Assert.Contains("trained on 38 words of words.txt", sampled.Output);
        Assert.Equal(25, sampled.Samples.Length);
        Assert.Equal(trained.Samples, sampled.Samples); // marks included: the file keeps the training words
    }

    /// <summary>
    /// Every kind --model offers (read from the help, so a kind added to the command is tried without changing this
    /// test) trains with its defaults, saves, and samples the same words from its file.
    /// </summary>
    [Fact]
    public void EveryKindTheHelpOffersIsSavedAndLoaded()
    {
        using var files = new WordFiles();
        var help = files.Makemore("train", "--help");
        var kinds = System.Text.RegularExpressions.Regex.Match(help.Output, @"--model <([a-z|-]+)>").Groups[1].Value.Split('|');
        Assert.Contains("counting", kinds);
        Assert.True(kinds.Length >= 3, help.Output);
        var words = files.Write("words.txt", WordFiles.Small);
        foreach (var kind in kinds)
        {
            var trained = files.Makemore("train", words, "-m", kind, "-s", "10", "--save", $"{kind}.json");
            Assert.True(trained.ExitCode == 0, trained.ToString());
            var sampled = files.Makemore("sample", $"{kind}.json", "-s", "10");
            Assert.True(sampled.ExitCode == 0, sampled.ToString());
            Assert.Contains($"model    {kind}.json: {kind} bigram (order 2)", sampled.Output);
            Assert.Equal(trained.Samples, sampled.Samples);
        }
    }

    [Fact]
    public void TheFileIsTheDocumentedFormat()
    {
        using var files = new WordFiles();
        var run = files.Makemore("train", files.Write("words.txt", WordFiles.Small), "-k", "0.5", "-s", "0", "--save", "model.json");
        Assert.True(run.ExitCode == 0, run.ToString());

        var model = JsonNode.Parse(File.ReadAllText(files.PathOf("model.json")))!;
        Assert.Equal("makemore.NET model", (string?)model["format"]);
        Assert.Equal(2, (int?)model["version"]);
        Assert.Equal("counting", (string?)model["kind"]);
        Assert.Equal(2, (int?)model["order"]);
        Assert.Equal(".abdeiklmno", (string?)model["vocabulary"]);
        Assert.Equal("words.txt", (string?)model["source"]);
        Assert.Equal(0.5, (double?)model["smoothing"]);
        var counts = model["counts"]!.AsObject();
        // Every training word starts with '.', then one of b d k l m n: six bigrams from '.' that add up to 38.
        Assert.Equal(38, counts.Where(c => c.Key.StartsWith('.')).Sum(c => (int)c.Value!));
        Assert.All(counts, c => Assert.Equal(2, c.Key.Length));
        Assert.Equal(38, model["trainingWords"]!.AsArray().Count);
        // Nothing is left behind by the atomic save.
        Assert.Equal(["model.json", "words.txt"], Directory.GetFiles(files.Folder).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void ANeuralModelFileHoldsTheWeights()
    {
        using var files = new WordFiles();
        var run = files.Makemore("train", files.Write("words.txt", WordFiles.Small), "-m", "neural", "--steps", "5", "-s", "0", "--save", "model.json");
        Assert.True(run.ExitCode == 0, run.ToString());

        var model = JsonNode.Parse(File.ReadAllText(files.PathOf("model.json")))!;
        Assert.Equal("neural", (string?)model["kind"]);
        var weights = model["weights"]!.AsArray();
        Assert.Equal(11, weights.Count);
        Assert.All(weights, row => Assert.Equal(11, row!.AsArray().Count));
        Assert.Null(model["counts"]);
    }

    [Fact]
    public void AKneserNeyModelFileHoldsTheCountsOnly()
    {
        using var files = new WordFiles();
        var run = files.Makemore("train", files.Write("words.txt", WordFiles.Small), "-m", "kneser-ney", "-s", "0", "--save", "model.json");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("model    kneser-ney bigram (order 2), interpolated modified Kneser–Ney; discounts of order 2: D1 ", run.Output);

        var model = JsonNode.Parse(File.ReadAllText(files.PathOf("model.json")))!;
        Assert.Equal("kneser-ney", (string?)model["kind"]);
        var counting = JsonNode.Parse(saved.Json)!;
        // The same training words' bigram counts as the counting model's file: the discounts are estimated again on loading.
        Assert.Equal(counting["counts"]!.ToJsonString(), model["counts"]!.ToJsonString());
        Assert.Null(model["smoothing"]);
        Assert.Null(model["weights"]);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(0)]
    public void AModelOfAnotherVersionIsRefused(int version)
    {
        using var files = new WordFiles();
        var model = JsonNode.Parse(saved.Json)!.AsObject();
        model["version"] = version;
        File.WriteAllText(files.PathOf("model.json"), model.ToJsonString());

        BadInputTests.AssertOneLineError(files.Makemore("sample", "model.json"),
            $"model.json is a makemore.NET model file of format version {version}; this makemore reads versions 1 to 2.", $"version {version}");
    }

    [Fact]
    public void AVersionOneFileCannotHoldAKneserNeyModel()
    {
        using var files = new WordFiles();
        var model = JsonNode.Parse(saved.Json)!.AsObject();
        (model["version"], model["kind"]) = (1, "kneser-ney");
        model.Remove("smoothing");
        File.WriteAllText(files.PathOf("model.json"), model.ToJsonString());
        BadInputTests.AssertOneLineError(files.Makemore("sample", "model.json"),
            "model.json is a damaged makemore.NET model file: \"kind\" \"kneser-ney\" came with format version 2; a version 1 file has no such models", "kneser-ney in version 1");

        model["version"] = 2;
        File.WriteAllText(files.PathOf("model.json"), model.ToJsonString());
        var sampled = files.Makemore("sample", "model.json", "-s", "3");
        Assert.True(sampled.ExitCode == 0, sampled.ToString());
        Assert.Contains("model    model.json: kneser-ney bigram (order 2), trained on 38 words of words.txt", sampled.Output);
    }

    public static TheoryData<string, Action<JsonObject>, string> Damage => new()
    {
        { "no version", m => m.Remove("version"), "its \"version\" is missing or not a whole number" },
        { "an unknown kind", m => m["kind"] = "transformer", "\"kind\" is \"transformer\", not \"counting\", \"neural\" or \"kneser-ney\"" },
        { "no counts", m => m.Remove("counts"), "\"counts\" is missing" },
        { "a negative count", m => m["counts"]![".b"] = -4, "the count of \".b\" is -4" },
        { "an n-gram outside the vocabulary", m => m["counts"]!["zz"] = 1, "\"zz\" is not 2 symbols of the vocabulary" },
        { "an impossible order", m => m["order"] = 0, "\"order\" 0 is not possible" },
        { "a broken vocabulary", m => m["vocabulary"] = "abc", "\"vocabulary\" is not '.' followed by distinct characters" },
        { "negative smoothing", m => m["smoothing"] = -1, "\"smoothing\" is not a number of 0 or more" },
        { "no training words", m => m.Remove("trainingWords"), "\"trainingWords\" is missing" },
    };

    [Theory]
    [MemberData(nameof(Damage))]
    public void ADamagedModelFileIsAOneLineError(string because, Action<JsonObject> damage, string problem)
    {
        using var files = new WordFiles();
        var model = JsonNode.Parse(saved.Json)!.AsObject();
        damage(model);
        File.WriteAllText(files.PathOf("model.json"), model.ToJsonString());

        BadInputTests.AssertOneLineError(files.Makemore("sample", "model.json"), $"model.json is a damaged makemore.NET model file: {problem}", because);
    }

    [Fact]
    public void ADamagedNeuralModelFileIsAOneLineError()
    {
        using var files = new WordFiles();
        var run = files.Makemore("train", files.Write("words.txt", WordFiles.Small), "-m", "neural", "--steps", "1", "-s", "0", "--save", "model.json");
        Assert.True(run.ExitCode == 0, run.ToString());
        var model = JsonNode.Parse(File.ReadAllText(files.PathOf("model.json")))!.AsObject();
        model["weights"]!.AsArray().RemoveAt(3);
        File.WriteAllText(files.PathOf("model.json"), model.ToJsonString());

        BadInputTests.AssertOneLineError(files.Makemore("sample", "model.json"),
            "model.json is a damaged makemore.NET model file: \"weights\" is not a list of 11 rows", "a missing row");
    }

    /// <summary>
    /// Files of format version 1, written by the version that wrote the file by hand (Utf8JsonWriter), before it became
    /// a record: they load, sample the words that version printed for them (recorded from its run), and the current
    /// writer writes them byte for byte but for the version number, now 2.
    /// </summary>
    public static TheoryData<string, string[], string[]> VersionOneFiles => new()
    {
        { "counting-trigram.json", ["-n", "3", "-k", "0.5"],
            ["melilkimmoieo", "kml", "lekdkinodo", "dnkboeeeoadbio", "mme", "mlalani", "diloaomemkbli", "ndbalmmmkkmdelna"] },
        { "neural-trigram.json", ["-m", "neural", "-n", "3", "--steps", "25", "--lr", "10"],
            ["menali", "kena *", "na", "meali", "dino *", "kialo", "bina *", "na"] },
    };

    [Theory]
    [MemberData(nameof(VersionOneFiles))]
    public void FilesWrittenByTheFirstVersionStillLoadAndAreWrittenTheSame(string name, string[] trainedWith, string[] samples)
    {
        using var files = new WordFiles();
        var old = Path.Combine(AppContext.BaseDirectory, "ModelFilesV1", name);
        File.Copy(old, files.PathOf(name));
        var sampled = files.Makemore("sample", name, "-s", "8", "--seed", "99");
        Assert.True(sampled.ExitCode == 0, sampled.ToString());
        Assert.Equal(samples, sampled.Samples);

        var trained = files.Makemore(["train", files.Write("words.txt", WordFiles.Small), .. trainedWith, "-s", "0", "--save", "model.json"]);
        Assert.True(trained.ExitCode == 0, trained.ToString());
        var versionOne = File.ReadAllText(old);
        Assert.Contains("\n  \"version\": 1,\n", versionOne);
        Assert.Equal(versionOne.Replace("\n  \"version\": 1,\n", "\n  \"version\": 2,\n", StringComparison.Ordinal), File.ReadAllText(files.PathOf("model.json")));
    }

    [Fact]
    public void AFieldOfTheWrongKindIsADamagedFile()
    {
        using var files = new WordFiles();
        var model = JsonNode.Parse(saved.Json)!.AsObject();
        model["order"] = "two";
        File.WriteAllText(files.PathOf("model.json"), model.ToJsonString());
        BadInputTests.AssertOneLineError(files.Makemore("sample", "model.json"),
            "model.json is a damaged makemore.NET model file: \"order\" is not what the format holds there", "a text order");

        model = JsonNode.Parse(saved.Json)!.AsObject();
        model["version"] = "one";
        File.WriteAllText(files.PathOf("model.json"), model.ToJsonString());
        BadInputTests.AssertOneLineError(files.Makemore("sample", "model.json"),
            "model.json is a damaged makemore.NET model file: its \"version\" is missing or not a whole number", "a text version");
    }

    [Fact]
    public void AnNGramCountedTwiceIsADamagedFile()
    {
        using var files = new WordFiles();
        var json = saved.Json.Replace("\".b\": ", "\".b\": 1,\n    \".b\": ", StringComparison.Ordinal);
        Assert.NotEqual(saved.Json, json);
        File.WriteAllText(files.PathOf("model.json"), json);
        BadInputTests.AssertOneLineError(files.Makemore("sample", "model.json"),
            "model.json is a damaged makemore.NET model file: \"counts\"", "a duplicate n-gram");
    }
}
