namespace Makemore.Tests;

public class VocabularyTests
{
    [Fact]
    public void DotIsZeroAndSortedCharactersFollow()
    {
        var vocab = Vocabulary.FromWords(["emma", "olivia", "ava"]);
        Assert.Equal(".aeilmov", vocab.ToString());
        Assert.Equal(0, vocab.Stoi['.']);
        Assert.Equal(1, vocab.Stoi['a']);
        Assert.Equal('m', vocab.Itos[5]);
        Assert.Equal(8, vocab.Size);
    }

    [Fact]
    public void EncodeAndDecodeRoundTrip()
    {
        var vocab = Vocabulary.FromWords(["emma", "olivia", "ava"]);
        var encoded = vocab.Encode("emma");
        Assert.Equal([2, 5, 5, 1], encoded);
        Assert.Equal("emma", vocab.Decode(encoded));
    }

    [Fact]
    public void WorksForAnyAlphabet()
    {
        var vocab = Vocabulary.FromWords(["Zoé", "R2D2", "Ōda"]);
        Assert.Equal(".2DRZadoéŌ", vocab.ToString());
        Assert.Equal("Zoé", vocab.Decode(vocab.Encode("Zoé")));
    }

    [Fact]
    public void UnknownCharacterIsAClearError()
    {
        var vocab = Vocabulary.FromWords(["emma"]);
        var e = Assert.Throws<ArgumentException>(() => vocab.Encode("emmaq"));
        Assert.Contains("'q'", e.Message);
        Assert.Contains("not in the vocabulary", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => vocab.Decode(vocab.Size));
    }

    [Fact]
    public void RejectsTheBoundaryCharacterInWords()
    {
        var e = Assert.Throws<ArgumentException>(() => Vocabulary.FromWords(["a.b"]));
        Assert.Contains("'.', which marks the start and end of every word", e.Message);
        Assert.Throws<ArgumentException>(() => Vocabulary.FromWords([""]));
    }

    [Fact]
    public void TheWalkOverWordsReportsTheReservedDotInTheVocabularysWords()
    {
        // A vocabulary made elsewhere (a saved model's) meets words that contain '.': the same rule, in the same words.
        var vocab = Vocabulary.FromWords(["ab"]);
        var e = Assert.Throws<ArgumentException>(() => CountingModel.CountTable(["a.b"], vocab, order: 2));
        Assert.Contains("\"a.b\" contains '.', which marks the start and end of every word", e.Message);
        var other = Assert.Throws<ArgumentException>(() => CountingModel.CountTable(["ac"], vocab, order: 2));
        Assert.Contains("'c' (U+0063), which is not a character of the vocabulary", other.Message);
    }

    [Fact]
    public void RebuildsFromItos()
    {
        var vocab = Vocabulary.FromWords(["emma", "ava"]);
        Assert.Equal(vocab.ToString(), Vocabulary.FromItos(vocab.Itos).ToString());
        Assert.Throws<ArgumentException>(() => Vocabulary.FromItos("ab"));
        Assert.Throws<ArgumentException>(() => Vocabulary.FromItos(".aa"));
    }

    [Fact]
    public void NamesGiveTheLessonsVocabulary()
    {
        var words = NamesData.WordsOrSkip();
        var vocab = Vocabulary.FromWords(words);
        Assert.Equal(27, vocab.Size);
        Assert.Equal(".abcdefghijklmnopqrstuvwxyz", vocab.ToString());
        Assert.Equal(26, vocab.Stoi['z']);
    }

    [Fact]
    public void TheAlphabetIsTheDistinctCharactersInOrder()
    {
        string[] words = ["zoë", "anna", "й", "bob"];
        Assert.Equal(new string(words.SelectMany(w => w).Distinct().Order().ToArray()), Vocabulary.AlphabetOf(words));
        Assert.Equal(Vocabulary.FromWords(words).Itos, Vocabulary.FromWords([Vocabulary.AlphabetOf(words)]).Itos);
    }
}
