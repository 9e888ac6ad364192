using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Makemore.Tests.Data;

public class NamesFileTests
{
    const string Content = "emma\nolivia\nava";
    static readonly string ContentSha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Content)));

    /// <summary>A repository-shaped folder (global.json, data/README.md) with a nested notebooks/ folder.</summary>
    static TempFolder Repository()
    {
        var repo = new TempFolder();
        repo.Write("global.json", "{}");
        repo.Write("data/README.md", "data");
        Directory.CreateDirectory(Path.Combine(repo.Path, "notebooks", "deeper"));
        return repo;
    }

    static NamesFile Finder(TempFolder repo, string url = "http://127.0.0.1:9/names.txt", string? env = null) => new()
    {
        Url = url,
        ExpectedSha256 = ContentSha,
        StartFolder = Path.Combine(repo.Path, "notebooks", "deeper"),
        GetEnvironmentVariable = name => name == NamesFile.EnvironmentVariable ? env : null,
        DownloadTimeout = TimeSpan.FromSeconds(10),
    };

    [Fact]
    public void FindsTheRepositoryCopyFromANestedFolder()
    {
        using var repo = Repository();
        var copy = repo.Write("data/names.txt", Content);
        Assert.Equal(copy, Finder(repo).Find());
    }

    [Fact]
    public void ExplicitPathAndEnvironmentVariableComeFirst()
    {
        using var repo = Repository();
        repo.Write("data/names.txt", Content);
        var elsewhere = repo.Write("elsewhere/names.txt", Content);
        var fromEnv = repo.Write("env/names.txt", Content);
        Assert.Equal(elsewhere, Finder(repo, env: fromEnv).Find(elsewhere));
        Assert.Equal(fromEnv, Finder(repo, env: fromEnv).Find());
    }

    [Fact]
    public void RefusesACorruptCopy()
    {
        using var repo = Repository();
        var copy = repo.Write("data/names.txt", Content + "\nextra");
        var e = Assert.Throws<InvalidDataException>(() => Finder(repo).Find());
        Assert.Contains("SHA-256", e.Message);
        Assert.Contains("Delete it", e.Message);
        Assert.Equal(Content + "\nextra", File.ReadAllText(copy));
    }

    [Fact]
    public void MissingEnvironmentPathIsAClearError()
    {
        using var repo = Repository();
        var e = Assert.Throws<FileNotFoundException>(() => Finder(repo, env: "/no/such/names.txt").Find());
        Assert.Contains(NamesFile.EnvironmentVariable, e.Message);
    }

    [Fact]
    public void DownloadsVerifiesAndSavesIntoData()
    {
        using var repo = Repository();
        using var server = new OneFileServer(Content);
        var path = Finder(repo, server.Url).Find();
        Assert.Equal(Path.Combine(repo.Path, "data", "names.txt"), path);
        Assert.Equal(Content, File.ReadAllText(path));
        Assert.Empty(Directory.GetFiles(Path.Combine(repo.Path, "data"), "*.tmp"));
    }

    [Fact]
    public void RefusesADownloadWithTheWrongChecksumAndSavesNothing()
    {
        using var repo = Repository();
        using var server = new OneFileServer("tampered\n");
        var e = Assert.Throws<InvalidDataException>(() => Finder(repo, server.Url).Find());
        Assert.Contains("was not saved", e.Message);
        Assert.Equal(["README.md"], Directory.GetFiles(Path.Combine(repo.Path, "data")).Select(Path.GetFileName));
    }

    [Fact]
    public void OfflineWithoutACopyNamesBothFixes()
    {
        using var repo = Repository();
        var e = Assert.Throws<FileNotFoundException>(() => Finder(repo).Find());
        Assert.Contains(Path.Combine(repo.Path, "data", "names.txt"), e.Message);
        Assert.Contains(NamesFile.EnvironmentVariable, e.Message);
    }

    [Fact]
    public void TheRealFileHasTheLessonsShape()
    {
        var words = NamesData.WordsOrSkip();
        var stats = WordStats.Of(words);
        Assert.Equal(32_033, stats.Count);
        Assert.Equal(2, stats.MinLength);
        Assert.Equal(15, stats.MaxLength);
        Assert.Equal("abcdefghijklmnopqrstuvwxyz", stats.Alphabet);
        Assert.Equal(["emma", "olivia", "ava"], words.Take(3));
    }

    /// <summary>Serves one file over HTTP on the loopback interface.</summary>
    sealed class OneFileServer : IDisposable
    {
        readonly HttpListener listener = new();

        public OneFileServer(string content)
        {
            var port = FreePort();
            Url = $"http://127.0.0.1:{port}/names.txt";
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            listener.Start();
            var bytes = Encoding.UTF8.GetBytes(content);
            _ = Task.Run(async () =>
            {
                while (listener.IsListening)
                {
                    HttpListenerContext context;
                    try { context = await listener.GetContextAsync(); }
                    catch (HttpListenerException) { return; }
                    catch (ObjectDisposedException) { return; }
                    await context.Response.OutputStream.WriteAsync(bytes);
                    context.Response.Close();
                }
            });
        }

        public string Url { get; }

        static int FreePort()
        {
            using var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            socket.Start();
            return ((IPEndPoint)socket.LocalEndpoint).Port;
        }

        public void Dispose() => listener.Close();
    }
}
