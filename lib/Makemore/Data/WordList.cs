using System.Text;

namespace Makemore;

/// <summary>
/// Loads a word list: one word per line, UTF-8, trimmed, blank lines skipped, order kept. A file in UTF-16 or UTF-32 is
/// refused by name, so it is saved again as UTF-8 rather than read as something it is not.
/// </summary>
public static class WordList
{
    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The lesson's names.txt, found or obtained as <see cref="NamesFile"/> describes.</summary>
    public static IReadOnlyList<string> LoadNames(string? explicitPath = null) => Load(NamesFile.Locate(explicitPath));

    public static IReadOnlyList<string> Load(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"Word list not found: {path}", path);
        if (WideEncoding(path) is { } encoding)
            throw new InvalidDataException($"{path} is {encoding} text; save it as UTF-8.");
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

    /// <summary>
    /// "UTF-16 (little-endian)" and the like for a file in one of the wide encodings Windows editors offer as "Unicode",
    /// else null. Known by the byte-order mark, or for UTF-16 without one by its zero bytes: in the first 64 bytes, every
    /// other byte is zero and no other is (text that is mostly ASCII, as a word list of any Latin alphabet is).
    /// </summary>
    static string? WideEncoding(string path)
    {
        Span<byte> start = stackalloc byte[64];
        int length;
        using (var file = File.OpenRead(path)) length = file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        var bytes = start[..length];
        // UTF-32's little-endian mark begins with UTF-16's: look for it first.
        if (bytes.StartsWith((byte[])[0xFF, 0xFE, 0, 0])) return "UTF-32 (little-endian)";
        if (bytes.StartsWith((byte[])[0, 0, 0xFE, 0xFF])) return "UTF-32 (big-endian)";
        if (bytes.StartsWith((byte[])[0xFF, 0xFE])) return "UTF-16 (little-endian)";
        if (bytes.StartsWith((byte[])[0xFE, 0xFF])) return "UTF-16 (big-endian)";
        if (length < 4 || length % 2 == 1) return null;
        if (Alternating(bytes, zerosAt: 1)) return "UTF-16 (little-endian)";
        if (Alternating(bytes, zerosAt: 0)) return "UTF-16 (big-endian)";
        return null;

        // Whether the bytes at zerosAt, zerosAt + 2, ... are all zero and the others none.
        static bool Alternating(ReadOnlySpan<byte> bytes, int zerosAt)
        {
            for (var i = 0; i < bytes.Length; i++)
                if ((bytes[i] == 0) != (i % 2 == zerosAt)) return false;
            return true;
        }
    }

    /// <summary>Parses the lines of <paramref name="text"/>; <paramref name="source"/> names it in error messages.</summary>
    internal static IReadOnlyList<string> Parse(string text, string source = "the word list")
    {
        var words = new List<string>();
        var lineNumber = 0;
        // One string per word, made from a slice of the text: a dictionary of 1.5 million words read with Split and
        // Trim spent most of its time allocating (and collecting) the strings in between.
        for (var rest = text.AsSpan(); ;)
        {
            lineNumber++;
            var end = rest.IndexOf('\n');
            var line = (end < 0 ? rest : rest[..end]).Trim();
            if (line.Length > 0)
            {
                var word = AlreadyComposed(line) ? new string(line) : new string(line).Normalize(NormalizationForm.FormC);
                Check(word, lineNumber, source);
                words.Add(word);
            }
            if (end < 0) break;
            rest = rest[(end + 1)..];
        }
        if (words.Count == 0)
            throw new InvalidDataException($"{source} contains no words: every line is empty.");
        return words;
    }

    // Characters no Unicode normalisation changes, whatever stands next to them: Latin below the combining marks
    // (U+0300), the Cyrillic letters (not the combining U+0483..U+0489) and the dashes and quotes of U+2010..U+2027.
    // A word of these alone is in form C already; any other word goes through Normalize, which asks ICU on Linux and
    // cost most of the reading time of a large word list.
    static bool AlreadyComposed(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
            if (!(c < '\u0300' || (c >= '\u0400' && c < '\u0483') || (c >= '\u048A' && c < '\u0500') || (c >= '\u2010' && c <= '\u2027')))
                return false;
        return true;
    }

    static void Check(string word, int lineNumber, string source)
    {
        foreach (var c in word)
        {
            string? problem = c switch
            {
                _ when Vocabulary.ReservedProblem(c) is { } reserved => reserved,
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
