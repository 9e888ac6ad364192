namespace Makemore.Notebooks.Tests;

/// <summary>The one parser the tests read printed numbers with, on every form the notebooks and the command print.</summary>
public sealed class OutputNumbersTests
{
    [Theory]
    [InlineData("228,146", 228146)]
    [InlineData(" 2.4544 ", 2.4544)]
    [InlineData("-3.0410", -3.041)]
    [InlineData("1.2e-07", 1.2e-7)]
    [InlineData("4.45E-16", 4.45e-16)]
    [InlineData("Infinity", double.PositiveInfinity)]
    [InlineData("-Infinity", double.NegativeInfinity)]
    public void ReadsWhatIsPrinted(string text, double expected) => Assert.Equal(expected, OutputNumbers.Parse(text));

    [Fact]
    public void ReadsNaNAndCapturedGroups()
    {
        Assert.True(double.IsNaN(OutputNumbers.Parse("NaN")));
        var match = Regex.Match("examples: 228,146 loss 2.4544", @"examples: (\S+) loss (\S+)");
        Assert.Equal((228146, 2.4544), (match.Number(1), match.Number(2)));
        Assert.Equal(228146, OutputNumbers.FirstGroupNumber(match, "examples"));
        Assert.Throws<ArgumentException>(() => OutputNumbers.FirstGroupNumber(Regex.Match("x", "x"), "x"));
    }
}
