using System.Diagnostics;

namespace Makemore.Cli;

/// <summary>
/// One line on stderr, redrawn in place (carriage return) at most ten times a second, and cleared when disposed, so
/// the lines that follow start on a clean line. Drawn only when <c>visible</c>: redirected output never sees it.
/// </summary>
sealed class StatusLine(bool visible) : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    readonly Stopwatch sinceDrawn = Stopwatch.StartNew();
    int drawnLength;

    /// <summary>Draws <paramref name="text"/>'s line, unless one was drawn less than <see cref="Interval"/> ago and this is not the <paramref name="last"/>.</summary>
    public void Draw(Func<string> text, bool last)
    {
        if (!visible || (drawnLength > 0 && !last && sinceDrawn.Elapsed < Interval)) return;
        var line = text();
        Console.Error.Write($"\r{line}");
        drawnLength = line.Length;
        sinceDrawn.Restart();
    }

    /// <summary>Clears the line. Safe to call again.</summary>
    public void Dispose()
    {
        if (drawnLength == 0) return;
        Console.Error.Write($"\r{new string(' ', drawnLength)}\r");
        drawnLength = 0;
    }
}
