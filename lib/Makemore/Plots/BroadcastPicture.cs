using System.Xml.Linq;

namespace Makemore;

/// <summary>
/// Broadcasting drawn: two shapes lined up from the right, the 1 put in front of the shorter one, each size-1
/// dimension stretched to the other's size, and, for a 2-D result, which value of each operand entry (i, j) uses. The
/// picture ends with the rule in words, including the keepdim trap when one value per row lines up with the columns.
/// </summary>
/// <remarks>
/// A self-contained SVG like <see cref="ComputationGraph"/>'s: no scripts, no fonts or styles to fetch. Each operand's
/// row of dimension boxes is a group of class "shape" named by data-name; each sentence is a text of class "statement".
/// </remarks>
public static class BroadcastPicture
{
    const double Margin = 16, TitleHeight = 30, NameWidth = 150, Box = 58, BoxHeight = 34, RowGap = 18, LineHeight = 21;
    const double Width = 780, MatrixSide = 180;
    const long MaxCells = 30;
    const string Stretched = "#FF7F0E", Added = "#999999", Mismatch = "#d62728";

    /// <summary>
    /// The broadcast of <paramref name="left"/> <paramref name="operation"/> <paramref name="right"/>, as an SVG document
    /// (show it in a notebook with <c>svg.DisplayAs("image/svg+xml")</c>).
    /// </summary>
    /// <param name="left">The left operand's shape, for instance <c>P.shape</c> ([27, 27]).</param>
    /// <param name="right">The right operand's shape, for instance <c>P.sum(1, keepdim: true).shape</c> ([27, 1]).</param>
    /// <param name="leftName">The left operand's name in the code.</param>
    /// <param name="rightName">The right operand's name in the code.</param>
    /// <param name="operation">The element-wise operation between them, as written in the code ("/", "*", "+", …).</param>
    /// <param name="title">A title for the picture; none if null.</param>
    public static string ToSvg(IReadOnlyList<long> left, IReadOnlyList<long> right, string leftName = "a", string rightName = "b",
        string operation = "/", string? title = null)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        ArgumentException.ThrowIfNullOrWhiteSpace(leftName);
        ArgumentException.ThrowIfNullOrWhiteSpace(rightName);
        ArgumentException.ThrowIfNullOrWhiteSpace(operation);
        if (left.Concat(right).Any(d => d < 0)) throw new ArgumentException("A shape's sizes are 0 or more.");
        var broadcast = new Broadcast(left, right);

        var content = new List<object>();
        var y = Margin;
        if (title is not null)
        {
            content.Add(Svg.Text(Margin, y + 16, title, 16, "bold"));
            y += TitleHeight;
        }

        // 1. The shapes lined up from the right, one box per dimension.
        var columns = broadcast.Rank;
        double ColumnX(int d) => Margin + NameWidth + d * (Box + 10);
        content.Add(Svg.Text(Margin, y + 12, "lined up from the right:", 13, colour: "#444"));
        for (var d = 0; d < columns; d++)
            content.Add(Svg.Text(ColumnX(d) + Box / 2, y + 12, $"dim {d}", 12, anchor: "middle", colour: "#444"));
        y += 22;
        foreach (var operand in new[] { broadcast.Left, broadcast.Right })
        {
            var row = Svg.Group("shape", new XAttribute("data-name", operand == broadcast.Left ? leftName : rightName),
                Svg.Text(Margin, y + 22, operand == broadcast.Left ? leftName : rightName, 15, "bold", monospace: true),
                Svg.Text(Margin, y + BoxHeight + 8, ShapeText(operand.Original), 11, colour: "#444"));
            for (var d = 0; d < columns; d++)
            {
                var (size, added) = (operand.Padded[d], d < columns - operand.Original.Count);
                var stretched = broadcast.Compatible && size == 1 && broadcast.Result[d] != 1;
                var clash = !broadcast.Compatible && d == broadcast.Clash;
                var stroke = clash ? Mismatch : stretched ? Stretched : added ? Added : "#4a6fa5";
                var colour = clash ? Mismatch : stretched ? "#b35900" : added ? Added : "#111";
                var text = stretched ? $"1 → {broadcast.Result[d]}" : Size(size);
                row.Add(Svg.Group("dim" + (added ? " added" : "") + (stretched ? " stretched" : ""),
                    Svg.Rect(ColumnX(d), y, Box, BoxHeight, stretched ? "#fff1e0" : added ? "#f7f7f7" : "#e6eefa", stroke, 1.6, 5, added ? "4 3" : null),
                    Svg.Text(ColumnX(d) + Box / 2, y + 22, text, 14, "bold", "middle", colour)));
            }
            var notes = Notes(broadcast, operand);
            if (notes.Length > 0)
                row.Add(Svg.Text(ColumnX(columns) + 6, y + 22, notes, 12, colour: "#444"));
            content.Add(row);
            y += BoxHeight + RowGap;
        }
        if (broadcast.Compatible)
        {
            var result = Svg.Group("shape", new XAttribute("data-name", "result"),
                Svg.Text(Margin, y + 22, "result", 15, "bold"),
                Svg.Text(Margin, y + BoxHeight + 8, ShapeText(broadcast.Result), 11, colour: "#444"));
            for (var d = 0; d < columns; d++)
            {
                result.Add(Svg.Group("dim",
                    Svg.Rect(ColumnX(d), y, Box, BoxHeight, "#eaf6ea", "#3c8d3c", 1.6, 5),
                    Svg.Text(ColumnX(d) + Box / 2, y + 22, Size(broadcast.Result[d]), 14, "bold", "middle")));
            }
            content.Add(result);
            y += BoxHeight + RowGap;
        }

        // 2. For a matrix result: which value of each operand one entry (i, j) uses.
        if (broadcast.Compatible && columns == 2 && broadcast.Result.All(d => d > 0))
        {
            y += 8;
            content.AddRange(Entries(broadcast, leftName, rightName, operation, y));
            y += MatrixSide + 56;
        }

        // 3. The rule in words.
        foreach (var statement in Statements(broadcast, leftName, rightName, operation))
        {
            var element = Svg.Text(Margin, y + 14, statement.Text, 13, statement.Emphasis ? "bold" : "normal",
                colour: statement.Emphasis ? "#b35900" : "#111");
            element.Add(new XAttribute("class", "statement"));
            content.Add(element);
            y += LineHeight;
        }
        return new XDocument(Svg.Root(Width, y + Margin, content)).ToString();
    }

    static string Size(long size) => size.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A shape as the notebooks print it: [27, 1].</summary>
    internal static string ShapeText(IReadOnlyList<long> shape) => $"[{string.Join(", ", shape.Select(Size))}]";

    static string Notes(Broadcast broadcast, Operand operand)
    {
        var missing = broadcast.Rank - operand.Original.Count;
        return missing switch
        {
            0 => "",
            1 => "a 1 is added at the front",
            _ => $"{missing} ones are added at the front",
        };
    }

    /// <summary>The index of an operand that entry (i, j) of a 2-D result reads: a stretched dimension always reads 0.</summary>
    static string IndexOf(Broadcast broadcast, Operand operand)
    {
        string[] names = ["i", "j"];
        var indices = Enumerable.Range(0, 2).Select(d => operand.Padded[d] == 1 && broadcast.Result[d] != 1 ? "0" : names[d])
            .Skip(2 - operand.Original.Count);
        return operand.Original.Count == 0 ? "" : $"[{string.Join(", ", indices)}]";
    }

    // The left operand as a matrix with entry (i, j) marked, then the right one stretched to the result's shape, with the
    // cell it really holds and the copy entry (i, j) uses.
    static List<XElement> Entries(Broadcast broadcast, string leftName, string rightName, string operation, double top)
    {
        var (rows, columns) = (broadcast.Result[0], broadcast.Result[1]);
        var (i, j) = (Math.Min(2, rows - 1), Math.Min(6, columns - 1));
        var x = Margin + 20;
        var elements = new List<XElement>();
        foreach (var (operand, name, index) in new[] { (broadcast.Left, leftName, 0), (broadcast.Right, rightName, 1) })
        {
            elements.Add(Grid(broadcast, operand, name, x, top, i, j));
            x += MatrixSide + 40;
            if (index == 0) elements.Add(Svg.Text(x - 22, top + MatrixSide / 2 + 8, operation, 24, "bold", "middle"));
        }
        string Read(Operand operand, string name) => name + IndexOf(broadcast, operand).Replace("i", $"{i}").Replace("j", $"{j}");
        elements.Add(Svg.Text(x + 4, top + MatrixSide / 2 - 30, "for example", 12, colour: "#444"));
        var example = Svg.Text(x + 4, top + MatrixSide / 2 - 6, $"entry ({i}, {j}) =", 14, "bold", monospace: true);
        example.Add(new XAttribute("class", "example"));
        elements.Add(example);
        var value = Svg.Text(x + 4, top + MatrixSide / 2 + 16, $"{Read(broadcast.Left, leftName)} {operation} {Read(broadcast.Right, rightName)}", 14, "bold", monospace: true);
        value.Add(new XAttribute("class", "example"));
        elements.Add(value);
        return elements;
    }

    // One operand over the result's rows × columns: its own cells solid, the copies broadcasting makes pale and dashed;
    // the cell entry (i, j) reads from it in orange.
    static XElement Grid(Broadcast broadcast, Operand operand, string name, double x, double top, long i, long j)
    {
        // A long side is drawn with at most MaxCells cells: the picture is about which cell is read, not about the count.
        var (rows, columns) = (Math.Min(broadcast.Result[0], MaxCells), Math.Min(broadcast.Result[1], MaxCells));
        var cell = MatrixSide / Math.Max(rows, columns);
        var (ownRows, ownColumns) = (Math.Min(operand.Padded[0], MaxCells), Math.Min(operand.Padded[1], MaxCells));
        var group = Svg.Group("matrix", new XAttribute("data-name", name),
            Svg.Text(x, top + MatrixSide + 20, $"{name} {ShapeText(operand.Original)}", 13, "bold", monospace: true));
        if (ownRows != rows || ownColumns != columns)
            group.Add(Svg.Text(x, top + MatrixSide + 38, "pale: copies broadcasting makes", 11, colour: "#666"));
        group.Add(Svg.Rect(x, top, cell * columns, cell * rows, "#fbfbfb", "#bbbbbb", 1, dash: "3 2"));
        group.Add(Svg.Rect(x, top, cell * ownColumns, cell * ownRows, "#dce6f7", "#4a6fa5", 1.4));
        for (var r = 1; r < ownRows; r++) group.Add(Svg.Line(x, top + r * cell, x + cell * ownColumns, top + r * cell, "#ffffff", 0.6));
        for (var c = 1; c < ownColumns; c++) group.Add(Svg.Line(x + c * cell, top, x + c * cell, top + cell * ownRows, "#ffffff", 0.6));
        // The cells that read the same value as entry (i, j), pale orange: for an operand stretched along a dimension,
        // the whole line of copies along it; then entry (i, j) itself, and the cell its value really comes from.
        var (sourceRow, sourceColumn) = (ownRows == 1 ? 0 : i, ownColumns == 1 ? 0 : j);
        var (alongRow, alongColumn) = (ownColumns == 1 && columns > 1, ownRows == 1 && rows > 1);
        if (alongRow) group.Add(Svg.Rect(x, top + i * cell, cell * columns, cell, "#ffe3c4", "none", 0));
        if (alongColumn) group.Add(Svg.Rect(x + j * cell, top, cell, cell * rows, "#ffe3c4", "none", 0));
        if (!alongRow && !alongColumn) group.Add(Svg.Rect(x, top + i * cell, cell * columns, cell, "#ffe3c4", "none", 0));
        var copy = sourceRow != i || sourceColumn != j;
        if (copy) group.Add(Svg.Rect(x + j * cell, top + i * cell, cell, cell, "#ffc58a", Stretched, 1));
        group.Add(Svg.Rect(x + sourceColumn * cell, top + sourceRow * cell, cell, cell, Stretched, "#8a4500", 1));
        if (copy)
        {
            group.Add(Svg.Line(x + (sourceColumn + 0.5) * cell, top + (sourceRow + 0.5) * cell,
                x + (j + 0.5) * cell, top + (i + 0.5) * cell, "#8a4500", 1.4, "arrow"));
        }
        return group;
    }

    static List<(string Text, bool Emphasis)> Statements(Broadcast broadcast, string leftName, string rightName, string operation)
    {
        var lines = new List<(string, bool)>();
        if (!broadcast.Compatible)
        {
            var d = broadcast.Clash;
            lines.Add(($"In dim {d} the sizes are {broadcast.Left.Padded[d]} and {broadcast.Right.Padded[d]}: they differ and neither is 1, " +
                "so these shapes do not broadcast (torch raises an error).", true));
            return lines;
        }
        lines.Add(($"Lined up from the right, each pair of sizes is equal or has a 1; the result is {ShapeText(broadcast.Result)}.", false));
        foreach (var (operand, name) in new[] { (broadcast.Left, leftName), (broadcast.Right, rightName) })
        {
            var missing = broadcast.Rank - operand.Original.Count;
            if (missing > 0)
                lines.Add(($"{name} {ShapeText(operand.Original)} has fewer dimensions: {(missing == 1 ? "a 1 is" : "1s are")} added at the front, so it counts as {ShapeText(operand.Padded)}.", false));
            for (var d = 0; d < broadcast.Rank; d++)
            {
                if (operand.Padded[d] != 1 || broadcast.Result[d] == 1) continue;
                var what = broadcast.Rank == 2 ? (d == 1 ? "its one column is repeated in every column" : "its one row is repeated in every row")
                    : "its one slice is repeated";
                lines.Add(($"{name}'s dim {d} has size 1 and is stretched to {broadcast.Result[d]}: {what}.", false));
            }
        }
        if (broadcast.Rank != 2) return lines;

        var (leftIndex, rightIndex) = (IndexOf(broadcast, broadcast.Left), IndexOf(broadcast, broadcast.Right));
        lines.Add(($"So entry (i, j) is {leftName}{leftIndex} {operation} {rightName}{rightIndex}{Meaning(rightName, rightIndex)}.", false));
        // The keepdim trap: a 1-D operand as long as the matrix has rows lines up with the columns instead.
        foreach (var (operand, name, other) in new[] { (broadcast.Right, rightName, broadcast.Left), (broadcast.Left, leftName, broadcast.Right) })
        {
            if (operand.Original.Count == 1 && other.Original.Count == 2 && operand.Original[0] == other.Original[0] && operand.Original[0] > 1)
            {
                lines.Add(($"The keepdim trap: if {name} holds one value per row (a sum over dim 1 without keepdim), row i is paired with", true));
                lines.Add(($"value j instead of value i: each column is {(operation == "/" ? "divided by" : "combined with")} one row's total. keepdim: true keeps [{operand.Original[0]}, 1].", true));
            }
        }
        return lines;
    }

    static string Meaning(string name, string index) => index switch
    {
        "[i, 0]" or "[i]" => $": every entry of row i uses the same value of {name}, row i's own",
        "[0, j]" or "[j]" => $": every entry of column j uses the same value of {name}, the j-th, whatever the row",
        _ => "",
    };

    sealed record Operand(IReadOnlyList<long> Original, long[] Padded);

    /// <summary>Broadcasting's rule applied to two shapes: pad the shorter with leading 1s, then match sizes dimension by dimension.</summary>
    sealed class Broadcast
    {
        public Broadcast(IReadOnlyList<long> left, IReadOnlyList<long> right)
        {
            Rank = Math.Max(left.Count, right.Count);
            Left = new Operand(left, Pad(left, Rank));
            Right = new Operand(right, Pad(right, Rank));
            Result = new long[Rank];
            Clash = -1;
            for (var d = 0; d < Rank; d++)
            {
                var (a, b) = (Left.Padded[d], Right.Padded[d]);
                if (a != b && a != 1 && b != 1)
                {
                    if (Clash < 0) Clash = d;
                    continue;
                }
                Result[d] = a == 1 ? b : a;
            }
        }

        public int Rank { get; }
        public Operand Left { get; }
        public Operand Right { get; }
        public long[] Result { get; }

        /// <summary>The first dimension whose sizes cannot be matched, or -1.</summary>
        public int Clash { get; }

        public bool Compatible => Clash < 0;

        static long[] Pad(IReadOnlyList<long> shape, int rank) => [.. Enumerable.Repeat(1L, rank - shape.Count), .. shape];
    }
}
