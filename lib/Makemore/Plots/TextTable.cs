using System.Collections;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;

namespace Makemore;

/// <summary>
/// A small table of text and numbers that a notebook cell shows by ending with it, instead of printing lines with
/// Console.WriteLine: a table with a header row (<c>new TextTable("k", "loss").AddRow(0.1, 2.4541)</c>), labelled values
/// one per line (<see cref="Values"/>), or one row of values under their symbols (<see cref="Row(IEnumerable{char}, Tensor, string)"/>).
/// </summary>
/// <remarks>
/// Numbers are right-aligned, text left-aligned. Floating-point numbers get four decimals unless
/// <see cref="Format(string, string)"/> gives their column another .NET format; integers print in full; a tensor cell shows its value (a
/// scalar) or its entries in brackets, a shape (long[]) as [27, 1]. A table wider than <see cref="MaxWidth"/> characters
/// continues in blocks of columns underneath. The text is the same everywhere: <see cref="ToString"/> outside a
/// notebook, and as the cell's plain-text output in .NET Interactive, where <see cref="Notebook.Setup"/> registers it.
/// </remarks>
public sealed class TextTable
{
    /// <summary>Widest line before the columns continue in a block underneath.</summary>
    public const int MaxWidth = 110;

    const string Gap = "  ";
    static readonly string[] PlainText = ["text/plain"];
    readonly string[] headers;
    readonly bool showHeaders;
    readonly string?[] formats;
    readonly List<object?[]> rows = [];

    /// <summary>A table with these column headers, shown as its first line.</summary>
    public TextTable(params string[] headers) : this(headers, showHeaders: true)
    {
    }

    TextTable(string[] headers, bool showHeaders)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (headers.Length == 0) throw new ArgumentException("A table has at least one column.", nameof(headers));
        this.headers = headers;
        this.showHeaders = showHeaders;
        formats = new string?[headers.Length];
    }

    /// <summary>How many cells each row has.</summary>
    public int Columns => headers.Length;

    /// <summary>Adds a row, one cell per column (numbers, text, tensors, arrays, or null for an empty cell).</summary>
    public TextTable AddRow(params object?[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != Columns)
            throw new ArgumentException($"The table has {Columns} columns but the row has {cells.Length} cells.", nameof(cells));
        rows.Add(cells);
        return this;
    }

    /// <summary>
    /// Sets the .NET format of the floating-point numbers in the column <paramref name="header"/> (for example "F2", or
    /// "0.##" for 0.01 and 1000 without trailing zeros).
    /// </summary>
    public TextTable Format(string header, string format)
    {
        ArgumentException.ThrowIfNullOrEmpty(format);
        var column = Array.IndexOf(headers, header);
        if (column < 0) throw new ArgumentException($"The table has no column \"{header}\".", nameof(header));
        return FormatColumn(column, format);
    }

    TextTable FormatColumn(int column, string format)
    {
        formats[column] = format;
        return this;
    }

    /// <summary>Labelled values, one "label  value" per line: <c>TextTable.Values(("P.sum(1)", P.sum(1).shape), ("row 0 sums to", P[0].sum()))</c>.</summary>
    public static TextTable Values(params (string Label, object? Value)[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var table = new TextTable(["label", "value"], showHeaders: false);
        foreach (var (label, value) in values) table.AddRow(label, value);
        return table;
    }

    /// <summary>One row of values under their symbols (a row of logits or probabilities under the vocabulary).</summary>
    /// <param name="symbols">One label per value.</param>
    /// <param name="values">A 1-D tensor.</param>
    /// <param name="format">The .NET format of floating-point values.</param>
    public static TextTable Row(IEnumerable<char> symbols, Tensor values, string format = "0.0000")
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.dim() != 1)
            throw new ArgumentException($"Expected a 1-D tensor, got shape [{string.Join(", ", values.shape)}].", nameof(values));
        using var scope = NewDisposeScope();
        object[] cells = values.is_floating_point()
            ? [.. values.detach().cpu().to(ScalarType.Float64).data<double>().ToArray().Cast<object>()]
            : [.. values.detach().cpu().to(ScalarType.Int64).data<long>().ToArray().Cast<object>()];
        return Row(symbols, cells, format);
    }

    /// <summary>One row of values under their symbols.</summary>
    public static TextTable Row(IEnumerable<char> symbols, IEnumerable<double> values, string format = "0.0000")
    {
        ArgumentNullException.ThrowIfNull(values);
        return Row(symbols, [.. values.Cast<object>()], format);
    }

    static TextTable Row(IEnumerable<char> symbols, object[] cells, string format)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        string[] labels = [.. symbols.Select(c => c.ToString())];
        if (labels.Length != cells.Length)
            throw new ArgumentException($"There are {cells.Length} values but {labels.Length} symbols.", nameof(symbols));
        if (labels.Length == 0) throw new ArgumentException("There are no values to show.", nameof(symbols));
        var table = new TextTable(labels);
        for (var c = 0; c < labels.Length; c++) table.FormatColumn(c, format);
        return table.AddRow(cells);
    }

    /// <summary>The table as text: columns padded to their widest cell, two spaces apart, no trailing spaces.</summary>
    public override string ToString()
    {
        var width = Columns;
        var texts = rows.Select(r => r.Select((cell, c) => Text(cell, formats[c])).ToArray()).ToList();
        var numeric = Enumerable.Range(0, width)
            .Select(c => rows.Count > 0 && rows.All(r => r[c] is null || IsNumber(r[c]))).ToArray();
        var widths = Enumerable.Range(0, width)
            .Select(c => texts.Select(t => t[c].Length).Append(showHeaders ? headers[c].Length : 0).Max()).ToArray();

        // Columns in blocks that fit MaxWidth; each block is printed with its header line, one under the other.
        var blocks = new List<List<int>> { new() };
        var used = 0;
        for (var c = 0; c < width; c++)
        {
            if (blocks[^1].Count > 0 && used + Gap.Length + widths[c] > MaxWidth)
            {
                blocks.Add([]);
                used = 0;
            }
            used += (blocks[^1].Count > 0 ? Gap.Length : 0) + widths[c];
            blocks[^1].Add(c);
        }

        var text = new StringBuilder();
        foreach (var block in blocks)
        {
            if (text.Length > 0) text.Append('\n');
            string Line(Func<int, string> cell) => string.Join(Gap, block.Select(c => numeric[c] ? cell(c).PadLeft(widths[c]) : cell(c).PadRight(widths[c]))).TrimEnd();
            if (showHeaders) text.Append(Line(c => headers[c])).Append('\n');
            foreach (var row in texts) text.Append(Line(c => row[c])).Append('\n');
        }
        return text.ToString().TrimEnd('\n');
    }

    static bool IsNumber(object? value) => value is sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal
        || (value is Tensor t && t.numel() == 1 && !t.is_complex() && t.dtype != ScalarType.Bool);

    static string Text(object? value, string? format) => value switch
    {
        null => "",
        string s => s,
        char c => c.ToString(),
        bool b => b ? "True" : "False",
        float f => Decimal(f, format),
        double d => Decimal(d, format),
        decimal m => m.ToString(format ?? "0.0000", CultureInfo.InvariantCulture),
        IFormattable whole when IsNumber(whole) => whole.ToString(null, CultureInfo.InvariantCulture),
        Tensor t => TensorText(t, format),
        IEnumerable items => $"[{string.Join(", ", items.Cast<object?>().Select(item => Text(item, format)))}]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    static string Decimal(double value, string? format) => value.ToString(format ?? "0.0000", CultureInfo.InvariantCulture);

    static string TensorText(Tensor tensor, string? format)
    {
        using var scope = NewDisposeScope();
        var flat = tensor.detach().cpu().flatten();
        if (tensor.is_complex()) return tensor.ToString(TorchSharp.TensorStringStyle.Julia);
        IEnumerable<string> items = tensor.dtype == ScalarType.Bool
            ? flat.data<bool>().ToArray().Select(b => b ? "True" : "False")
            : tensor.is_floating_point()
                ? flat.to(ScalarType.Float64).data<double>().ToArray().Select(v => Decimal(v, format))
                : flat.to(ScalarType.Int64).data<long>().ToArray().Select(v => v.ToString(CultureInfo.InvariantCulture));
        var texts = items.ToList();
        return tensor.dim() == 0 ? texts[0] : $"[{string.Join(", ", texts)}]";
    }

    /// <summary>
    /// Registers the table's text as its preferred display in .NET Interactive, through the kernel's own
    /// Formatter.Register and Formatter.SetPreferredMimeTypesFor (found by reflection, as in NotebookDisplay): a cell
    /// that ends with a table shows this text, in our runner and in the stock kernel alike, and a table inside
    /// something shown as HTML is preformatted text.
    /// </summary>
    internal static void RegisterDisplay(MethodInfo register, MethodInfo prefer)
    {
        Action<object, TextWriter> plain = (value, writer) => writer.Write(value.ToString());
        Action<object, TextWriter> html = (value, writer) => writer.Write($"<pre>{WebUtility.HtmlEncode(value.ToString())}</pre>");
        register.Invoke(null, [typeof(TextTable), plain, "text/plain"]);
        register.Invoke(null, [typeof(TextTable), html, "text/html"]);
        prefer.Invoke(null, [typeof(TextTable), PlainText]);
    }
}
