using System.Diagnostics;
using System.Globalization;

namespace Makemore.Cli;

/// <summary>
/// A one-line progress bar on stderr, redrawn in place (carriage return) with the step and the current loss, at most
/// ten times a second. Only drawn when stderr is a terminal: redirected output (files, pipes, tests) never sees it.
/// </summary>
sealed class ProgressBar(int total) : IProgress<TrainingStep>, IDisposable
{
    const int Width = 30;
    static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    readonly bool visible = !Console.IsErrorRedirected;
    readonly Stopwatch sinceDrawn = Stopwatch.StartNew();
    int drawnLength;

    public void Report(TrainingStep value)
    {
        var done = value.Step + 1;
        if (!visible || (drawnLength > 0 && done < total && sinceDrawn.Elapsed < Interval)) return;
        var filled = (int)((long)Width * done / total);
        var line = $"step {done.ToString(CultureInfo.InvariantCulture).PadLeft(total.ToString(CultureInfo.InvariantCulture).Length)}/{total} [{new string('#', filled)}{new string('.', Width - filled)}] loss {value.Loss:F4}";
        Console.Error.Write($"\r{line}");
        drawnLength = line.Length;
        sinceDrawn.Restart();
    }

    /// <summary>Clears the bar, so the lines that follow start on a clean line. Safe to call again.</summary>
    public void Dispose()
    {
        if (drawnLength == 0) return;
        Console.Error.Write($"\r{new string(' ', drawnLength)}\r");
        drawnLength = 0;
    }
}
