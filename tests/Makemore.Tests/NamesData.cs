namespace Makemore.Tests;

/// <summary>The lesson's names.txt for the tests that check the lesson's numbers; they skip when it is not available.</summary>
public static class NamesData
{
    static readonly Lazy<(IReadOnlyList<string>? Words, string? Problem)> Loaded = new(() =>
    {
        try
        {
            return (WordList.Load(NamesFile.Locate()), null);
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException or IOException)
        {
            return (null, e.Message);
        }
    });

    public static IReadOnlyList<string> WordsOrSkip()
    {
        var (words, problem) = Loaded.Value;
        if (words is null) Assert.Skip($"names.txt not available: {problem}");
        return words;
    }

    /// <summary>The words of names.txt and their vocabulary (skipping the test when names.txt is not available).</summary>
    public static (IReadOnlyList<string> Words, Vocabulary Vocabulary) WordsAndVocabularyOrSkip()
    {
        var words = WordsOrSkip();
        return (words, Vocabulary.FromWords(words));
    }

    /// <summary>The lesson's vocabulary ('.', a … z) without needing names.txt.</summary>
    public static Vocabulary Alphabet { get; } = Vocabulary.FromWords(["abcdefghijklmnopqrstuvwxyz"]);
}
