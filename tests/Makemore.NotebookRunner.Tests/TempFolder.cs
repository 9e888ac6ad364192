namespace Makemore.NotebookRunner.Tests;

/// <summary>A fresh folder for one test's fixture notebooks and executed copies, deleted afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("notebook-runner-tests-").FullName;

    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
