namespace Makemore.Cli;

/// <summary>
/// A problem with what the user gave us (options, files): reported as one line on stderr with exit code 2, never
/// as a stack trace.
/// </summary>
sealed class CliError(string message) : Exception(message);
