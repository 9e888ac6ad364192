using System.Globalization;

namespace Makemore.Cli;

/// <summary>
/// A one-line progress bar on stderr with the step and the current loss. Only drawn when stderr is a terminal.
/// </summary>
sealed class ProgressBar(int total) : IProgress<TrainingStep>, IDisposable
{
    const int Width = 30;

    readonly StatusLine line = new(visible: !Console.IsErrorRedirected);

    public void Report(TrainingStep value)
    {
        var done = value.Step + 1;
        line.Draw(() =>
        {
            var filled = (int)((long)Width * done / total);
            var step = done.ToString(CultureInfo.InvariantCulture).PadLeft(total.ToString(CultureInfo.InvariantCulture).Length);
            return $"step {step}/{total} [{new string('#', filled)}{new string('.', Width - filled)}] loss {value.Loss:F4}";
        }, last: done == total);
    }

    public void Dispose() => line.Dispose();
}
