namespace Makemore.Cli;

/// <summary>The command's exit codes; 0 and 2 mean what they mean for the notebook runner.</summary>
static class ExitCodes
{
    public const int Success = 0;
    /// <summary>Bad usage: bad options or input files (the usual exit code of a usage error).</summary>
    public const int Usage = 2;
    /// <summary>Training was stopped with Ctrl+C (128 + SIGINT, what shells report for an interrupted command).</summary>
    public const int Interrupted = 130;
}
