using System.Text;

namespace Makemore.Tests.Data;

public class WordListTests
{
    [Fact]
    public void TrimsSkipsBlankLinesAndKeepsOrder()
    {
        Assert.Equal(["emma", "olivia", "ava"], WordList.Parse("emma\r\n\n  olivia \n\t\nava"));
    }

    [Fact]
    public void NormalizesToComposedCharacters()
    {
        var word = Assert.Single(WordList.Parse("Zoe\u0301"));
        Assert.Equal("Zoé", word);
        Assert.Equal(3, word.Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n \n\t\n")]
    public void RejectsAListWithoutWords(string text)
    {
        var e = Assert.Throws<InvalidDataException>(() => WordList.Parse(text, "empty.txt"));
        Assert.Contains("empty.txt contains no words", e.Message);
    }

    [Theory]
    [InlineData("ann\nmary jane", "line 2", "white space")]
    [InlineData("ann\nst.john", "line 2", "'.'")]
    [InlineData("a\u0001b", "line 1", "U+0001")]
    [InlineData("ok\ncat\U0001F431", "line 2", "Basic Multilingual Plane")]
    public void RejectsMalformedWordsWithTheirLine(string text, string line, string problem)
    {
        var e = Assert.Throws<InvalidDataException>(() => WordList.Parse(text, "words.txt"));
        Assert.Contains($"words.txt, {line}", e.Message);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void LoadReadsUtf8AndReportsMissingOrBinaryFiles()
    {
        using var dir = new TempFolder();
        var good = dir.Write("good.txt", "Ångström\nzoë\n");
        Assert.Equal(["Ångström", "zoë"], WordList.Load(good));

        Assert.Throws<FileNotFoundException>(() => WordList.Load(Path.Combine(dir.Path, "nope.txt")));

        var latin1 = Path.Combine(dir.Path, "latin1.txt");
        File.WriteAllBytes(latin1, [0x7a, 0x6f, 0xeb, 0x0a]);
        var e = Assert.Throws<InvalidDataException>(() => WordList.Load(latin1));
        Assert.Contains("not UTF-8", e.Message);
    }

    // Windows editors offer these as "Unicode"; decoded as UTF-8 they would be one garbled word, or words with U+0000 in them.
    public static TheoryData<string, byte[]> WideEncodings()
    {
        const string Words = "emma\r\nolivia\r\nava\r\n";
        var data = new TheoryData<string, byte[]>();
        foreach (var (name, encoding) in new (string, Encoding)[]
        {
            ("UTF-16 (little-endian)", new UnicodeEncoding(bigEndian: false, byteOrderMark: true)),
            ("UTF-16 (big-endian)", new UnicodeEncoding(bigEndian: true, byteOrderMark: true)),
            ("UTF-32 (little-endian)", new UTF32Encoding(bigEndian: false, byteOrderMark: true)),
            ("UTF-32 (big-endian)", new UTF32Encoding(bigEndian: true, byteOrderMark: true)),
        })
        {
            data.Add(name, [.. encoding.GetPreamble(), .. encoding.GetBytes(Words)]);
            // Without its mark, UTF-16 still shows by the zero byte beside each ASCII letter.
            if (name.StartsWith("UTF-16", StringComparison.Ordinal)) data.Add(name, encoding.GetBytes(Words));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(WideEncodings))]
    public void LoadNamesAWideEncodingAndAsksForUtf8(string encoding, byte[] bytes)
    {
        using var dir = new TempFolder();
        var path = Path.Combine(dir.Path, "wide.txt");
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<InvalidDataException>(() => WordList.Load(path));
        Assert.Equal($"{path} is {encoding} text; save it as UTF-8.", e.Message);
    }

    [Fact]
    public void Utf8WithAByteOrderMarkAndShortFilesAreStillRead()
    {
        using var dir = new TempFolder();
        var marked = Path.Combine(dir.Path, "marked.txt");
        File.WriteAllBytes(marked, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("emma\nava\n")]);
        Assert.Equal(["emma", "ava"], WordList.Load(marked));
        Assert.Equal(["ab"], WordList.Load(dir.Write("short.txt", "ab")));
        Assert.Equal(["a", "b"], WordList.Load(dir.Write("pairs.txt", "a\nb\n")));
    }

    [Fact]
    public void StatsDescribeTheList()
    {
        var stats = WordStats.Of(["emma", "bo", "isabella", "ava"]);
        Assert.Equal(4, stats.Count);
        Assert.Equal(2, stats.MinLength);
        Assert.Equal(8, stats.MaxLength);
        Assert.Equal("bo", stats.Shortest);
        Assert.Equal("isabella", stats.Longest);
        Assert.Equal("abeilmosv", stats.Alphabet);
    }

    [Fact]
    public void ParsesLikeTrimmingAndComposingEveryLine()
    {
        // Words that skip normalisation (Latin, Cyrillic, quotes) and words that need it (combining marks, Hangul
        // jamo, a Cyrillic letter with a combining breve), with CR LF endings and padding.
        string[] lines = ["  Zoë\r", "Zoe\u0301", "й", "и\u0306", "п’ять", "l'eau", "\u1100\u1161", "", "ǅemal  ", "Ａ", "x\u0483"];
        var text = string.Join('\n', lines);
        var expected = lines.Select(l => l.Trim().Normalize(NormalizationForm.FormC)).Where(w => w.Length > 0);
        Assert.Equal(expected, WordList.Parse(text));
        Assert.Equal("\u0439", WordList.Parse("и\u0306").Single());
    }
}
