namespace Makemore;

/// <summary>Locates the repository's data/ folder from any folder inside the repository (notebooks/, build outputs).</summary>
internal static class RepositoryData
{
    /// <summary>The marker that tells the repository's data folder apart from any other folder named data.</summary>
    public const string Marker = "README.md";

    public static string? FindDataFolder(string start)
    {
        for (var folder = new DirectoryInfo(Path.GetFullPath(start)); folder is not null; folder = folder.Parent)
        {
            var data = Path.Combine(folder.FullName, "data");
            if (File.Exists(Path.Combine(folder.FullName, "global.json")) && File.Exists(Path.Combine(data, Marker)))
                return data;
        }
        return null;
    }
}
