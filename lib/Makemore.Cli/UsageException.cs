namespace Makemore.Cli;

/// <summary>
/// A problem with what the user gave us (options, files): reported as one line on stderr starting "error: ", with exit
/// code 2 (<see cref="ExitCodes.Usage"/>), never as a stack trace. The notebook runner's usage errors are the same.
/// </summary>
sealed class UsageException(string message) : Exception(message);
