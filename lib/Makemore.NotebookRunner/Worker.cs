using System.Globalization;

namespace Makemore.NotebookRunner;

/// <summary>
/// The hidden "worker" command: executes one notebook in this process and reports progress as event lines on standard
/// output. The runner starts one worker per notebook, so every notebook gets a fresh kernel and its own current directory.
/// </summary>
static class Worker
{
    public const string CommandName = "worker";

    /// <summary>The command line that makes a new process of this program a worker for <paramref name="notebook"/>.</summary>
    public static IEnumerable<string> Arguments(string notebook, string output, RunOptions options)
    {
        string[] arguments = [CommandName, notebook, output, "--timeout", ((int)options.Timeout.TotalSeconds).ToString(CultureInfo.InvariantCulture)];
        return options.AllowErrors ? [.. arguments, "--allow-errors"] : arguments;
    }

    public static async Task<int> RunAsync(string notebook, string output, TimeSpan timeout, bool allowErrors)
    {
        // Opened before the kernel exists: the kernel redirects Console.Out to capture what cells print.
        var events = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };
        int exitCode;
        try
        {
            exitCode = await new NotebookExecutor(notebook, output, timeout, allowErrors, e => events.WriteLine(e.ToLine())).RunAsync();
        }
        catch (UsageException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            exitCode = ExitCodes.Usage;
        }
        // Exit at once: a timed-out cell may still be running on another thread, and would keep the process alive.
        Environment.Exit(exitCode);
        return exitCode;
    }
}
