using Microsoft.DotNet.Interactive.Formatting;
using static TorchSharp.torch;

namespace Makemore.Tests.Plots;

public class TextTableTests
{
    [Fact]
    public void NumbersAlignRightTextLeftUnderAHeader()
    {
        var table = new TextTable("k", "all names", "andrejq").Format("k", "0.##");
        foreach (var k in new[] { 0, 0.01, 100_000 }) table.AddRow(k, 2.45404, k == 0 ? double.PositiveInfinity : 4.0519);
        Assert.Equal(
            """
                 k  all names   andrejq
                 0     2.4540  Infinity
              0.01     2.4540    4.0519
            100000     2.4540    4.0519
            """.ReplaceLineEndings("\n"), table.ToString());
        table.AddRow("uniform", Math.Log(27), Math.Log(27));
        Assert.Equal("uniform     3.2958    3.2958", table.ToString().Split('\n')[^1]);
        Assert.Equal("k        all names   andrejq", table.ToString().Split('\n')[0]);
    }

    [Fact]
    public void CellsShowTensorsShapesAndFlagsAsTheNotebooksPrintThem()
    {
        using var totals = ones(27, 1);
        var table = TextTable.Values(
            ("P.sum(1, keepdim: true)", totals.shape),
            ("row 0 sums to", tensor(1f)),
            ("xs", tensor(new long[] { 0, 5, 13 })),
            ("probabilities", tensor(new[] { 0.5f, 0.25f })),
            ("same as the library", true),
            ("nothing", null));
        Assert.Equal(
            """
            P.sum(1, keepdim: true)  [27, 1]
            row 0 sums to            1.0000
            xs                       [0, 5, 13]
            probabilities            [0.5000, 0.2500]
            same as the library      True
            nothing
            """.ReplaceLineEndings("\n"), table.ToString());
    }

    [Fact]
    public void ARowOfValuesUnderItsSymbolsContinuesInBlocksWhenWide()
    {
        var short3 = TextTable.Row(".ab", tensor(new[] { 1.5674f, -0.2373f, 0.01f }), "0.00");
        Assert.Equal(
            """
               .      a     b
            1.57  -0.24  0.01
            """.ReplaceLineEndings("\n"), short3.ToString());

        var text = TextTable.Row(NamesData.Alphabet.Itos, Enumerable.Range(0, 27).Select(i => -i / 10.0)).ToString();
        var lines = text.Split('\n');
        Assert.All(lines, line => Assert.True(line.Length <= TextTable.MaxWidth, $"{line.Length} characters: {line}"));
        // 12 columns (the first 6 characters wide, the others 7, two spaces apart) fit in 110: three blocks of a header and a row, blank lines between them.
        Assert.Equal(8, lines.Length);
        Assert.Equal(["", ""], [lines[2], lines[5]]);
        Assert.StartsWith("     .        a        b", lines[0]);
        Assert.StartsWith("0.0000  -0.1000  -0.2000", lines[1]);
        Assert.EndsWith("        k", lines[0]);
        Assert.StartsWith("      l", lines[3]);
        Assert.Equal("      x        y        z", lines[6]);
        Assert.Equal("-2.4000  -2.5000  -2.6000", lines[7]);
    }

    [Fact]
    public void IntegerTensorsKeepWholeNumbers()
    {
        Assert.Equal("a  b\n1  2", TextTable.Row("ab", tensor(new[] { 1, 2 })).ToString());
    }

    [Fact]
    public void ANotebookShowsTheTableAsItsPlainText()
    {
        Assert.True(NotebookDisplay.Install(typeof(Formatter).Assembly));
        var table = new TextTable("x", "y").AddRow('.', 5).AddRow('e', 13);
        Assert.Equal(["text/plain"], Formatter.GetPreferredMimeTypesFor(typeof(TextTable)));
        Assert.Equal("x   y\n.   5\ne  13", table.ToDisplayString("text/plain").ReplaceLineEndings("\n"));
        Assert.Equal(table.ToString(), table.ToDisplayString("text/plain"));
        Assert.Equal("<pre>x   y\n.   5\ne  13</pre>", table.ToDisplayString("text/html").ReplaceLineEndings("\n"));
    }

    [Fact]
    public void RejectsRowsOfTheWrongLengthUnknownColumnsAndBadFormats()
    {
        var table = new TextTable("a", "b");
        Assert.Contains("2 columns but the row has 3 cells", Assert.Throws<ArgumentException>(() => table.AddRow(1, 2, 3)).Message);
        Assert.Contains("no column \"c\"", Assert.Throws<ArgumentException>(() => table.Format("c", "F2")).Message);
        Assert.Throws<ArgumentException>(() => new TextTable());
        Assert.Contains("3 values but 2 symbols", Assert.Throws<ArgumentException>(() => TextTable.Row("ab", tensor(new[] { 1f, 2, 3 }))).Message);
        Assert.Contains("1-D", Assert.Throws<ArgumentException>(() => TextTable.Row("ab", zeros(2, 2))).Message);
    }
}
