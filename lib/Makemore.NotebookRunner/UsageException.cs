namespace Makemore.NotebookRunner;

/// <summary>
/// A mistake in what the user asked for; reported as one line starting "error: ", without a stack trace, with exit code
/// 2 (<see cref="ExitCodes.Usage"/>). The makemore command's usage errors are the same.
/// </summary>
sealed class UsageException(string message) : Exception(message);
