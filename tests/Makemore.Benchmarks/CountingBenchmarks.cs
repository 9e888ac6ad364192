using BenchmarkDotNet.Attributes;

namespace Makemore.Benchmarks;

/// <summary>
/// Benchmark 1: counting names.txt's 228,146 bigrams into the 27×27 table (and its trigrams into the 729×27 one). The
/// reference is the lesson's first way of counting, a dictionary of character pairs, on the same words.
/// </summary>
[BenchmarkCategory("Counting")]
public class CountingBenchmarks
{
    IReadOnlyList<string> words = [];
    Vocabulary vocabulary = null!;

    [GlobalSetup]
    public void Setup()
    {
        Names.Ready();
        (words, vocabulary) = (Names.Words, Names.Vocabulary);
    }

    [Benchmark(Baseline = true, Description = "lesson: dictionary of bigrams")]
    public int LessonDictionary()
    {
        var b = new Dictionary<(char, char), int>();
        foreach (var w in words)
        {
            var chs = "." + w + ".";
            for (var i = 0; i + 1 < chs.Length; i++)
            {
                var bigram = (chs[i], chs[i + 1]);
                b[bigram] = b.GetValueOrDefault(bigram) + 1;
            }
        }
        return b.Count;
    }

    [Benchmark(Description = "CountTable, bigrams (27×27)")]
    public void BigramTable() => CountingModel.CountTable(words, vocabulary, 2).Dispose();

    [Benchmark(Description = "CountTable, trigrams (729×27)")]
    public void TrigramTable() => CountingModel.CountTable(words, vocabulary, 3).Dispose();

    [Benchmark(Description = "NGramCounts, bigrams")]
    public int BigramCounts() => NGramCounts.Of(words, vocabulary, 2).Distinct;

    [Benchmark(Description = "NGramCounts, trigrams")]
    public int TrigramCounts() => NGramCounts.Of(words, vocabulary, 3).Distinct;
}
