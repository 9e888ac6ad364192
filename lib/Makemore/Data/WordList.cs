using System.Text;

namespace Makemore;

/// <summary>Loads a word list: one word per line, UTF-8, trimmed, blank lines skipped, order kept.</summary>
public static class WordList
{
    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The lesson's names.txt, found or obtained as <see cref="NamesFile"/> describes.</summary>
    public static IReadOnlyList<string> LoadNames(string? explicitPath = null) => Load(NamesFile.Locate(explicitPath));

    public static IReadOnlyList<string> Load(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"Word list not found: {path}", path);
        string text;
        try
        {
            text = File.ReadAllText(path, StrictUtf8);
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidDataException($"{path} is not UTF-8 text: {e.Message}", e);
        }
        return Parse(text, path);
    }

    /// <summary>Parses the lines of <paramref name="text"/>; <paramref name="source"/> names it in error messages.</summary>
    public static IReadOnlyList<string> Parse(string text, string source = "the word list")
    {
        var words = new List<string>();
        var lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            var word = line.Trim().Normalize(NormalizationForm.FormC);
            if (word.Length == 0) continue;
            Check(word, lineNumber, source);
            words.Add(word);
        }
        if (words.Count == 0)
            throw new InvalidDataException($"{source} contains no words: every line is empty.");
        return words;
    }

    static void Check(string word, int lineNumber, string source)
    {
        foreach (var c in word)
        {
            string? problem = c switch
            {
                Vocabulary.Boundary => $"'{Vocabulary.Boundary}', which marks the start and end of every word",
                _ when char.IsWhiteSpace(c) => "white space inside the word (one word per line)",
                _ when char.IsControl(c) => $"the control character U+{(int)c:X4}",
                _ when char.IsSurrogate(c) => "a character outside the Basic Multilingual Plane (such as an emoji)",
                _ => null,
            };
            if (problem is not null)
                throw new InvalidDataException($"{source}, line {lineNumber}: \"{word}\" contains {problem}.");
        }
    }
}
