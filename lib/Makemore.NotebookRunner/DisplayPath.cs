namespace Makemore.NotebookRunner;

/// <summary>Paths as the user typed them: relative to the current directory, for messages and progress lines.</summary>
static class DisplayPath
{
    public static string Of(string path) => Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
}
