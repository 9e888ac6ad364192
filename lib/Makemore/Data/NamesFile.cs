using System.Security.Cryptography;

namespace Makemore;

/// <summary>
/// Finds or obtains the lesson's data set, names.txt: an explicit path, then the MAKEMORE_NAMES environment variable,
/// then data/names.txt of the repository (found from any folder inside it), else a download from upstream to that
/// place, verified by its SHA-256 and written atomically. The settings of an instance are for the tests (a local
/// server, a temporary repository, no environment); programs and notebooks call <see cref="Locate"/>.
/// </summary>
public sealed class NamesFile
{
    internal NamesFile()
    {
    }

    public const string EnvironmentVariable = "MAKEMORE_NAMES";
    public const string FileName = "names.txt";
    public const string DefaultUrl = "https://raw.githubusercontent.com/karpathy/makemore/master/names.txt";
    public const string Sha256 = "0a30b5557f192f32ab962680889aac5f6fda0f4cecf40a6d0b5694f58ea8cc4d";

    /// <summary>Where to download from; tests point this at a local server.</summary>
    internal string Url { get; init; } = DefaultUrl;
    internal string ExpectedSha256 { get; init; } = Sha256;
    /// <summary>The folder the search for the repository's data/ folder starts from.</summary>
    internal string StartFolder { get; init; } = Directory.GetCurrentDirectory();
    internal TimeSpan DownloadTimeout { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>Reads the environment variable; tests replace it to stay independent of the machine.</summary>
    internal Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>The path of a verified names.txt with the default settings.</summary>
    public static string Locate(string? explicitPath = null) => new NamesFile().Find(explicitPath);

    internal string Find(string? explicitPath = null)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
            return Verified(explicitPath, $"the path given ({explicitPath})");

        var fromEnvironment = GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
            return Verified(fromEnvironment, $"the {EnvironmentVariable} environment variable ({fromEnvironment})");

        var dataFolder = RepositoryData.FindDataFolder(StartFolder);
        var target = Path.Combine(dataFolder ?? UserCache.Folder, FileName);
        if (File.Exists(target))
            return Verified(target, target);
        Download(target);
        return target;
    }

    string Verified(string path, string origin)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"names.txt not found at {origin}.", path);
        var actual = HashOf(File.ReadAllBytes(path));
        if (actual != ExpectedSha256)
            throw new InvalidDataException(
                $"{path} is not the lesson's names.txt: its SHA-256 is {actual}, expected {ExpectedSha256}. " +
                $"Delete it to download a fresh copy, or replace it with a good copy.");
        return path;
    }

    void Download(string target)
    {
        byte[] bytes;
        try
        {
            using var http = new HttpClient { Timeout = DownloadTimeout };
            bytes = http.GetByteArrayAsync(Url).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            throw new FileNotFoundException(
                $"names.txt is not here and could not be downloaded from {Url} ({e.Message}). Either put a copy at " +
                $"{target}, or set the environment variable {EnvironmentVariable} to the path of a copy.", target, e);
        }

        var actual = HashOf(bytes);
        if (actual != ExpectedSha256)
            throw new InvalidDataException(
                $"The download from {Url} has SHA-256 {actual}, expected {ExpectedSha256}; it was not saved. " +
                $"Put a good copy at {target} or set {EnvironmentVariable} to one.");

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        AtomicFile.WriteAllBytes(target, bytes);
    }

    static string HashOf(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
