using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Makemore.Benchmarks;

/// <summary>
/// Benchmark 6, the "dictionary" mode: makemore train on a real dictionary nobody here wrote, against a bare
/// read-and-count of the same file in the same run. The default list is Debian's Ukrainian one (package wukrainian:
/// 1,556,100 words, 35 MB, 67 characters: Cyrillic capitals and small letters, apostrophes); any UTF-8 word list can
/// be given instead. Each command runs as its own process (Release build, output thrown away) under /usr/bin/time,
/// which gives its wall time and peak resident memory. Repeats alternate the three measurements; medians are compared.
/// </summary>
static partial class DictionaryScale
{
    public const string DefaultList = "/usr/share/dict/ukrainian";
    public const string InstallHint = "install Debian's Ukrainian word list (apt-get install wukrainian) or pass a word list: dictionary FILE";
    public const double TimeRatioLimit = 3;
    public const double PeakMemoryLimitMb = 1024;

    public sealed record Command(string Name, string[] Arguments, double MedianSeconds, double PeakMb, string Losses);

    public sealed record Result(string File, int Words, double ReferenceSeconds, IReadOnlyList<Command> Commands, int Repeats)
    {
        public bool Passed(Command command) => command.MedianSeconds <= TimeRatioLimit * ReferenceSeconds && command.PeakMb <= PeakMemoryLimitMb;
    }

    public static int Run(string[] args)
    {
        var file = args.Length > 1 ? args[1] : DefaultList;
        var repeats = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        if (!File.Exists(file))
        {
            Console.Error.WriteLine($"error: {file} not found: {InstallHint}.");
            return 2;
        }
        var result = Measure(file, repeats, Console.WriteLine);
        Console.WriteLine();
        Print(result, Console.WriteLine);
        return result.Commands.All(result.Passed) ? 0 : 1;
    }

    public static void Print(Result result, Action<string> print)
    {
        print($"{result.File}: {result.Words:N0} words; median of {result.Repeats} runs each, alternating");
        print("");
        print("| command | wall time | ratio to the bare read-and-count | peak resident memory | losses (train, dev, test) |");
        print("|---|---:|---:|---:|---|");
        print(string.Create(CultureInfo.InvariantCulture,
            $"| plain C#: read the file, count its trigrams into an array (reference, in process) | {result.ReferenceSeconds:F2} s | 1 | – | |"));
        foreach (var c in result.Commands)
            print(string.Create(CultureInfo.InvariantCulture,
                $"| `makemore {string.Join(' ', c.Arguments.Select(a => a == result.File ? "FILE" : a))}` | {c.MedianSeconds:F2} s | {c.MedianSeconds / result.ReferenceSeconds:F2} | {c.PeakMb:F0} MB | {c.Losses} |"));
    }

    public static Result Measure(string file, int repeats, Action<string> log)
    {
        var repository = RepositoryRoot();
        log("Building the makemore command (Release) ...");
        Exec("dotnet", ["build", Path.Combine(repository, "lib", "Makemore.Cli"), "-c", "Release", "-v", "quiet", "-nologo"], repository);
        var cli = Directory.GetFiles(Path.Combine(repository, "artifacts", "bin", "Makemore.Cli"), "Makemore.Cli.dll", SearchOption.AllDirectories)
            .First(f => Path.GetFileName(Path.GetDirectoryName(f)!).StartsWith("release", StringComparison.Ordinal));
        // Every kind of model: the counting trigram, the net, and Kneser–Ney at the counting model's order.
        string[][] commands = [["train", file, "-n", "3"], ["train", file, "-m", "neural", "--steps", "100"],
            ["train", file, "-m", "kneser-ney", "-n", "3"]];

        var reference = new List<double>();
        var times = commands.Select(_ => new List<double>()).ToArray();
        var peaks = new double[commands.Length];
        var losses = new string[commands.Length];
        var words = 0;
        for (var repeat = 0; repeat < repeats; repeat++)
        {
            var (seconds, count) = ReadAndCount(file);
            words = count;
            reference.Add(seconds);
            log(string.Create(CultureInfo.InvariantCulture, $"run {repeat + 1}/{repeats}: read and count {seconds:F2} s"));
            for (var i = 0; i < commands.Length; i++)
            {
                var run = Timed(cli, commands[i]);
                times[i].Add(run.Seconds);
                peaks[i] = Math.Max(peaks[i], run.PeakMb);
                losses[i] = run.Losses;
                log(string.Create(CultureInfo.InvariantCulture, $"run {repeat + 1}/{repeats}: makemore {string.Join(' ', commands[i])}: {run.Seconds:F2} s, {run.PeakMb:F0} MB"));
            }
        }
        return new Result(file, words, Median(reference),
            commands.Select((c, i) => new Command(c[0], c, Median(times[i]), peaks[i], losses[i])).ToArray(), repeats);
    }

    /// <summary>
    /// The reference: what anyone would write in plain C# to count a word list's trigrams, timed from reading the
    /// file to the last count. The lesson's stoi (a dictionary from character to index) and a V×V×V array.
    /// </summary>
    static (double Seconds, int Words) ReadAndCount(string file)
    {
        var clock = Stopwatch.StartNew();
        var words = File.ReadAllLines(file).Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
        var chars = new SortedSet<char>(words.SelectMany(w => w));
        var stoi = new Dictionary<char, int> { ['.'] = 0 };
        foreach (var c in chars) stoi[c] = stoi.Count;
        var v = stoi.Count;
        var counts = new int[v, v, v];
        foreach (var word in words)
        {
            int a = 0, b = 0;
            foreach (var ch in word + ".")
            {
                var c = stoi[ch];
                counts[a, b, c]++;
                (a, b) = (b, c);
            }
        }
        var seconds = clock.Elapsed.TotalSeconds;
        GC.KeepAlive(counts);
        return (seconds, words.Length);
    }

    sealed record Timing(double Seconds, double PeakMb, string Losses);

    // /usr/bin/time -f "%e %M" gives the wall time and the peak resident set of the command (in KB) on its last line of stderr.
    static Timing Timed(string cli, string[] arguments)
    {
        if (!File.Exists("/usr/bin/time"))
            throw new InvalidOperationException("/usr/bin/time is missing: install Debian's time package (apt-get install time).");
        var start = new ProcessStartInfo("/usr/bin/time", ["-f", "%e %M", "dotnet", cli, .. arguments, "-s", "20"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var (output, error) = Run(start, $"makemore {string.Join(' ', arguments)}");
        var last = error.Trim().Split('\n')[^1].Split(' ');
        var losses = string.Join(", ", LossLine().Matches(output).Select(m => m.Groups[1].Value));
        return new Timing(double.Parse(last[0], CultureInfo.InvariantCulture), double.Parse(last[1], CultureInfo.InvariantCulture) / 1024, losses);
    }

    static void Exec(string file, string[] arguments, string folder)
    {
        var start = new ProcessStartInfo(file, arguments) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        Run(start, $"{file} {string.Join(' ', arguments)}");
    }

    /// <summary>Runs <paramref name="start"/> (both streams redirected) to its end; a non-zero exit code throws with what it printed.</summary>
    static (string Output, string Error) Run(ProcessStartInfo start, string command)
    {
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{command} failed with exit code {process.ExitCode}: {output.Result}{error.Trim()}");
        return (output.Result, error);
    }

    static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "makemore.slnx"))) return folder.FullName;
        throw new InvalidOperationException("Run this from inside the repository (no makemore.slnx above the current folder).");
    }

    static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    [GeneratedRegex(@"^  (?:train|dev|test) +(\S+)", RegexOptions.Multiline)]
    private static partial Regex LossLine();
}
