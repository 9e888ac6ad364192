using static TorchSharp.torch;

namespace Makemore.Benchmarks;

/// <summary>
/// names.txt and its lesson data, loaded once per process. Every benchmark's global setup calls <see cref="Ready"/>:
/// it also loads TorchSharp's native libraries, which must happen before any torch use in each process.
/// </summary>
static class Names
{
    static readonly Lazy<(IReadOnlyList<string> Words, Vocabulary Vocabulary)> Loaded = new(() =>
    {
        var words = WordList.LoadNames();
        return (words, Vocabulary.FromWords(words));
    });

    public static IReadOnlyList<string> Words => Loaded.Value.Words;
    public static Vocabulary Vocabulary => Loaded.Value.Vocabulary;

    /// <summary>The lesson's seed, for W and for sampling.</summary>
    public const long Seed = 2147483647;

    public static void Ready()
    {
        Notebook.Setup();
        set_num_threads(Threads);
        _ = Loaded.Value;
    }

    /// <summary>
    /// The intra-op threads torch uses here and in the PyTorch comparison: 1 unless MAKEMORE_BENCH_THREADS says
    /// otherwise. On the shared 2-core machine a second thread made training steps 2 to 25 times slower, and erratic
    /// (its OpenMP worker waits for a core other processes hold); 1 is also Debian's PyTorch default.
    /// </summary>
    public static int Threads =>
        int.TryParse(Environment.GetEnvironmentVariable("MAKEMORE_BENCH_THREADS"), out var threads) && threads > 0 ? threads : 1;
}
