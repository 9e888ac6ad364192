using System.CommandLine;

namespace Makemore.Cli;

/// <summary>makemore sample MODEL-FILE: new words from a model saved by makemore train --save, without the data.</summary>
static class SampleCommand
{
    static readonly Argument<string> ModelPath = new("model-file")
    {
        Description = "A model file saved by makemore train --save.",
    };
    static readonly Option<ulong> Seed = OptionValues.Seed("--seed",
        "Seed of the random generator for sampling (the same seed gives the samples makemore train printed).", TrainCommand.DefaultSeed);
    static readonly Option<int> Samples = SampleReport.CountOption("How many words to sample.");
    static readonly Option<double> Temperature = SampleReport.TemperatureOption();
    static readonly Option<int?> TopK = SampleReport.TopKOption();

    public static Command Create()
    {
        var command = new Command("sample", "Print new words from a saved model; no word list needed.") { ModelPath, Seed, Samples, Temperature, TopK };
        command.SetAction(Run);
        return command;
    }

    static int Run(ParseResult parse)
    {
        var path = parse.GetValue(ModelPath)!;
        var seed = parse.GetValue(Seed);
        var samples = parse.GetValue(Samples);
        SampleReport.CheckCount(samples);
        var sampling = SampleReport.ReadOptions(parse, Temperature, TopK);

        TorchSetup.Load();
        using var trained = ModelFile.Load(path);
        Console.WriteLine($"model    {path}: {trained.Description}{trained.Kind.Settings(trained.Model)}, trained on {trained.TrainingWords.Count:N0} words of {trained.Source}");
        SampleReport.Write(trained.Model, seed, sampling, samples, trained.TrainingWords);
        return ExitCodes.Success;
    }
}
