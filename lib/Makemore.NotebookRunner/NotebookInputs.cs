namespace Makemore.NotebookRunner;

/// <summary>Turns the command line's files and folders into the list of notebooks to run.</summary>
static class NotebookInputs
{
    /// <summary>Full paths: each file as given, each folder's *.ipynb files in name order.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> inputs)
    {
        var notebooks = new List<string>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                var found = Directory.GetFiles(input, "*" + NotebookFile.Extension).Order(StringComparer.Ordinal).ToList();
                if (found.Count == 0) throw new UsageException($"{input}: the folder has no {NotebookFile.Extension} notebooks.");
                notebooks.AddRange(found.Select(Path.GetFullPath));
            }
            else if (File.Exists(input))
                notebooks.Add(Path.GetFullPath(input));
            else
                throw new UsageException($"{input}: no such file or folder.");
        }
        return notebooks.Distinct().ToList();
    }
}
