using System.Net;
using System.Reflection;

namespace Makemore;

/// <summary>
/// Makes a tensor returned from a notebook cell show its values, as PyTorch's repr does in the lesson, instead of
/// .NET Interactive's default table of the tensor's properties; and a chart's plain text one line (<see cref="ChartText"/>).
/// </summary>
/// <remarks>
/// The formatter is registered by reflection over the Microsoft.DotNet.Interactive.Formatting assembly the kernel has
/// already loaded, not through a package reference. A reference would tie the library to one build of .NET Interactive
/// and could load a second copy of the assembly beside the kernel's, whose formatter registry the kernel never reads.
/// The members used, Formatter.Register(Type, Action&lt;object, TextWriter&gt;, string) and
/// Formatter.SetPreferredMimeTypesFor(Type, string[]), take only framework types and are the same in the runner's
/// host (Microsoft.DotNet.Interactive 1.0.0-beta.26120.1) and the stock dotnet-interactive tool (1.0.712001).
/// Outside .NET Interactive that assembly is not loaded, and nothing happens.
/// </remarks>
internal static class NotebookDisplay
{
    public const string FormattingAssembly = "Microsoft.DotNet.Interactive.Formatting";
    const string FormatterType = "Microsoft.DotNet.Interactive.Formatting.Formatter";

    /// <summary>Rows and columns shown before eliding with "...": a whole 27×27 count matrix fits, as in the lesson.</summary>
    public const int MaxRowsAndColumns = 30;

    static readonly string[] PlainText = ["text/plain"];
    static int installed;

    /// <summary>
    /// Registers the tensor and chart formatters when running inside .NET Interactive; returns whether it did (false outside a
    /// kernel). Safe to call again.
    /// </summary>
    public static bool Install() => Install(AppDomain.CurrentDomain.GetAssemblies()
        .FirstOrDefault(a => a.GetName().Name == FormattingAssembly));

    internal static bool Install(Assembly? formatting)
    {
        if (formatting is null) return false;
        var formatter = formatting.GetType(FormatterType);
        var register = formatter?.GetMethod("Register", [typeof(Type), typeof(Action<object, TextWriter>), typeof(string)]);
        var prefer = formatter?.GetMethod("SetPreferredMimeTypesFor", [typeof(Type), typeof(string[])]);
        if (register is null || prefer is null)
        {
            // A display nicety must never stop the notebook from working: say so and carry on.
            Console.WriteLine($"makemore.NET: {formatting.GetName()} lacks the formatter API this library uses; " +
                "tensors will show .NET Interactive's default display.");
            return false;
        }
        if (Interlocked.Exchange(ref installed, 1) == 1) return true;

        // TorchSharp elides per dimension (its default keeps 6 rows and columns); PyTorch shows up to 1000 elements.
        torch.set_printoptions(4, maxRows: MaxRowsAndColumns, maxColumns: MaxRowsAndColumns);
        Action<object, TextWriter> plain = (value, writer) => writer.Write(ToText((Tensor)value));
        Action<object, TextWriter> html = (value, writer) =>
            writer.Write($"<pre>{WebUtility.HtmlEncode(ToText((Tensor)value))}</pre>");
        register.Invoke(null, [typeof(Tensor), plain, "text/plain"]);
        // Used when a tensor sits inside something shown as HTML (a tuple, a list), instead of its property table.
        register.Invoke(null, [typeof(Tensor), html, "text/html"]);
        prefer.Invoke(null, [typeof(Tensor), PlainText]);
        TextTable.RegisterDisplay(register, prefer);
        RegisterChartText(register, prefer);
        return true;
    }

    // Plotly.NET.Interactive gives charts only their HTML, so the stock kernel sends no text/plain and the runner would
    // add .NET Interactive's default: the chart's whole object tree. Preferring both makes both kernels send this line.
    static void RegisterChartText(MethodInfo register, MethodInfo prefer)
    {
        Action<object, TextWriter> plain = (value, writer) => writer.Write(ChartText.Of((Plotly.NET.GenericChart)value));
        register.Invoke(null, [typeof(Plotly.NET.GenericChart), plain, "text/plain"]);
        prefer.Invoke(null, [typeof(Plotly.NET.GenericChart), ChartText.MimeTypes]);
    }

    /// <summary>
    /// TorchSharp's Julia-style text of a tensor: a header with shape and dtype, then the values in aligned columns.
    /// Floating-point values get PyTorch's four decimals, switching to scientific notation where PyTorch would (values
    /// spanning more than a factor of 1000, or below 1e-4, or above 1e8), so numbers read as in the lesson.
    /// </summary>
    public static string ToText(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        return tensor.ToString(TorchSharp.TensorStringStyle.Julia, FloatFormat(tensor), width: 10_000).TrimEnd();
    }

    internal static string FloatFormat(Tensor tensor)
    {
        const string Fixed = "0.0000", Scientific = "0.0000e+00";
        if (!tensor.is_floating_point() || tensor.numel() == 0) return Fixed;
        using var scope = NewDisposeScope();
        var magnitudes = tensor.detach().abs().to(float64);
        var shown = magnitudes[magnitudes.isfinite() & magnitudes.ne(0)];
        if (shown.numel() == 0) return Fixed;
        var smallest = shown.min().item<double>();
        var largest = shown.max().item<double>();
        return largest / smallest > 1000 || largest > 1e8 || smallest < 1e-4 ? Scientific : Fixed;
    }
}
