using System.CommandLine;
using System.CommandLine.Help;
using System.Text.RegularExpressions;

namespace Makemore.Cli;

/// <summary>
/// The command line: parses the arguments, runs the command, and turns every user error (a parse error or a
/// <see cref="UsageException"/>) into one line on stderr and exit code 2.
/// </summary>
static partial class MakemoreCommand
{
    public const string Name = "makemore";

    // A command named makemore rather than a RootCommand, which takes the executable's name (Makemore.Cli); it gets
    // the same help and version options.
    public static Command Create() => new(Name, "Makes more of the words you give it: trains a character-level model on a " +
                                               "word list (one word per line) and prints new words like them.")
    {
        new HelpOption(),
        new VersionOption(),
        TrainCommand.Create(),
        SampleCommand.Create(),
    };

    public static int Run(string[] args)
    {
        var parse = Create().Parse(args);
        if (parse.Errors.Count > 0)
            return Error($"{string.Join(" ", parse.Errors.Select(e => e.Message).Distinct())} (makemore --help shows the usage)");
        try
        {
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (UsageException e)
        {
            return Error(e.Message);
        }
    }

    static int Error(string message)
    {
        // One line, whatever the message holds (System.CommandLine lists allowed values with tabs).
        Console.Error.WriteLine($"error: {Whitespace().Replace(message.Trim(), " ")}");
        return ExitCodes.Usage;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
