namespace Makemore.Tests;

/// <summary>The lesson's names.txt for tests that need the real data set; such a test is skipped, saying why, without it.</summary>
public static class RealNames
{
    static readonly Lazy<(IReadOnlyList<string>? Words, string? Why)> Cached = new(() =>
    {
        try
        {
            return (WordList.LoadNames(), null);
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException)
        {
            return (null, e.Message);
        }
    });

    public static IReadOnlyList<string> LoadOrSkip()
    {
        var (words, why) = Cached.Value;
        if (words is null) Assert.Skip($"names.txt is not available, so this test of the real data set is skipped: {why}");
        return words;
    }
}
