using System.Text;

namespace Makemore;

/// <summary>
/// Writes a file whole or not at all: into a temporary file beside it, then renamed over it, so that a reader never
/// sees half a file and an interrupted or failed write leaves the old file (or none) and no temporary behind.
/// Written once, used by every program of the repository that saves a file: compiled into the library (names.txt,
/// the patched native library) and linked as source into the makemore command (model files) and the notebook runner
/// (executed notebooks), which does not load Makemore.dll itself because the notebooks' kernel loads theirs.
/// </summary>
internal static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> with what <paramref name="write"/> puts into the stream; the folder must exist.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var stream = File.Create(temporary))
                write(stream);
            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            if (File.Exists(temporary)) File.Delete(temporary);
            throw;
        }
    }

    public static void WriteAllBytes(string path, byte[] bytes) => Write(path, stream => stream.Write(bytes));

    /// <summary>The text as UTF-8 without a byte order mark, as <see cref="File.WriteAllText(string, string?)"/> writes it.</summary>
    public static void WriteAllText(string path, string text) => WriteAllBytes(path, Utf8.GetBytes(text));

    static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
}
