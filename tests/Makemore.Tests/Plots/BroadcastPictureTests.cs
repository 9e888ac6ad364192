using System.Xml.Linq;

namespace Makemore.Tests.Plots;

public class BroadcastPictureTests
{
    static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    static XDocument Picture(long[] left, long[] right, string leftName = "P", string rightName = "rowTotals") =>
        XDocument.Parse(BroadcastPicture.ToSvg(left, right, leftName, rightName, "/", "a title"));

    /// <summary>Each operand's dimension boxes, by data-name: the text in each box, left to right.</summary>
    static Dictionary<string, string[]> Shapes(XDocument svg) =>
        svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "shape").ToDictionary(
            g => (string)g.Attribute("data-name")!,
            g => g.Elements(Svg + "g").Select(d => d.Element(Svg + "text")!.Value).ToArray());

    static string[] Statements(XDocument svg) =>
        [.. svg.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "statement").Select(t => t.Value)];

    static string Example(XDocument svg) =>
        string.Join(" ", svg.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "example").Select(t => t.Value));

    [Fact]
    public void AColumnOfRowTotalsIsStretchedAcrossTheColumns()
    {
        var svg = Picture([27, 27], [27, 1]);
        var shapes = Shapes(svg);
        Assert.Equal(["27", "27"], shapes["P"]);
        Assert.Equal(["27", "1 → 27"], shapes["rowTotals"]);
        Assert.Equal(["27", "27"], shapes["result"]);
        Assert.Equal([
            "Lined up from the right, each pair of sizes is equal or has a 1; the result is [27, 27].",
            "rowTotals's dim 1 has size 1 and is stretched to 27: its one column is repeated in every column.",
            "So entry (i, j) is P[i, j] / rowTotals[i, 0]: every entry of row i uses the same value of rowTotals, row i's own.",
        ], Statements(svg));
        Assert.Equal("entry (2, 6) = P[2, 6] / rowTotals[2, 0]", Example(svg));
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "a title");
    }

    [Fact]
    public void WithoutKeepdimTheTotalsBecomeARowAndThePictureSaysItIsTheTrap()
    {
        var svg = Picture([27, 27], [27], rightName: "P.sum(1)");
        var shapes = Shapes(svg);
        Assert.Equal(["1 → 27", "27"], shapes["P.sum(1)"]);
        var row = svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "shape" && (string?)g.Attribute("data-name") == "P.sum(1)");
        Assert.Equal(["dim added stretched", "dim"], row.Elements(Svg + "g").Select(d => (string?)d.Attribute("class")));
        var statements = Statements(svg);
        Assert.Contains("P.sum(1) [27] has fewer dimensions: a 1 is added at the front, so it counts as [1, 27].", statements);
        Assert.Contains("P.sum(1)'s dim 0 has size 1 and is stretched to 27: its one row is repeated in every row.", statements);
        Assert.Contains("So entry (i, j) is P[i, j] / P.sum(1)[j]: every entry of column j uses the same value of P.sum(1), the j-th, whatever the row.", statements);
        Assert.StartsWith("The keepdim trap: if P.sum(1) holds one value per row", statements[^2]);
        Assert.EndsWith("each column is divided by one row's total. keepdim: true keeps [27, 1].", statements[^1]);
        Assert.Equal("entry (2, 6) = P[2, 6] / P.sum(1)[6]", Example(svg));
    }

    [Fact]
    public void AnyShapesNotJust27()
    {
        // Five examples by 27 symbols with one value per symbol: a row broadcast that is no trap (5 rows, 27 values).
        var svg = Picture([5, 27], [27], rightName: "bias");
        Assert.Equal(["5", "27"], Shapes(svg)["result"]);
        Assert.Equal(["1 → 5", "27"], Shapes(svg)["bias"]);
        Assert.DoesNotContain(Statements(svg), s => s.Contains("keepdim", StringComparison.Ordinal));
        var three = Picture([2, 3, 4], [3, 1]);
        Assert.Equal(["2", "3", "4"], Shapes(three)["result"]);
        Assert.Equal(["1 → 2", "3", "1 → 4"], Shapes(three)["rowTotals"]);
        Assert.Empty(Example(three));
    }

    [Fact]
    public void ShapesThatDoNotBroadcastAreShownAsAnError()
    {
        var svg = Picture([27, 27], [26], rightName: "v");
        Assert.DoesNotContain("result", Shapes(svg).Keys);
        Assert.Equal(["In dim 1 the sizes are 27 and 26: they differ and neither is 1, so these shapes do not broadcast (torch raises an error)."],
            Statements(svg));
    }

    [Fact]
    public void ThePictureIsSelfContainedAndEscapesNames()
    {
        var text = BroadcastPicture.ToSvg([3, 3], [3, 1], "a<b", "c&d");
        Assert.DoesNotContain("<script", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", text, StringComparison.Ordinal);
        Assert.Contains("a<b", XDocument.Parse(text).Descendants(Svg + "text").Select(t => t.Value));
    }

    [Fact]
    public void RejectsMissingNamesAndNegativeSizes()
    {
        Assert.Throws<ArgumentException>(() => BroadcastPicture.ToSvg([3], [-1]));
        Assert.Throws<ArgumentException>(() => BroadcastPicture.ToSvg([3], [3], leftName: " "));
    }
}
