namespace Makemore.NotebookRunner;

/// <summary>A mistake in what the user asked for; reported as one line, without a stack trace, with exit code 2.</summary>
sealed class UsageException(string message) : Exception(message);
