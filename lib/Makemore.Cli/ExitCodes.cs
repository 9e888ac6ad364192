namespace Makemore.Cli;

static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>Bad options or input files (the usual exit code of a usage error).</summary>
    public const int BadInput = 2;
    /// <summary>Training was stopped with Ctrl+C (128 + SIGINT, what shells report for an interrupted command).</summary>
    public const int Interrupted = 130;
}
