namespace Makemore.NotebookRunner;

/// <summary>The runner's exit codes, the same for the runner and for each notebook's worker process.</summary>
static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A cell failed (exception or compile error) or ran past the timeout.</summary>
    public const int CellFailed = 1;

    /// <summary>Bad usage: a missing file, a file that is not a notebook, malformed JSON, an unknown option.</summary>
    public const int Usage = 2;
}
