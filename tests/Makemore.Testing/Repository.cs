namespace Makemore.Testing;

/// <summary>
/// This repository as the tests see it: its root and the build output of its programs. Every project builds into
/// artifacts/bin/&lt;Project&gt;/&lt;pivot&gt;/ (Directory.Build.props), where the pivot is the configuration, or
/// configuration_rid for a project with a RuntimeIdentifier; the tests run from such a folder too.
/// </summary>
public static class Repository
{
    static readonly DirectoryInfo TestOutput = new(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));

    /// <summary>The folder that holds makemore.slnx.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The repository's notebooks folder.</summary>
    public static string Notebooks => Path.Combine(Root, "notebooks");

    /// <summary>artifacts/, where builds go and where tests leave what is worth looking at after a failure.</summary>
    public static string Artifacts => Path.Combine(Root, "artifacts");

    /// <summary>
    /// The built dll of <paramref name="project"/> (e.g. "Makemore.Cli"), in the same configuration as the running tests:
    /// the folder with the tests' own pivot first, then the plain configuration, then configuration_rid.
    /// </summary>
    public static string BuiltDll(string project)
    {
        var configuration = TestOutput.Name.Split('_')[0];
        var folders = new[] { TestOutput.Name, configuration }
            .Concat(Directory.Exists(Path.Combine(Artifacts, "bin", project))
                ? Directory.GetDirectories(Path.Combine(Artifacts, "bin", project), configuration + "_*").Select(Path.GetFileName).Order(StringComparer.Ordinal)!
                : [])
            .Distinct()
            .Select(pivot => Path.Combine(Artifacts, "bin", project, pivot!, project + ".dll"))
            .ToList();
        return folders.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"{project} is not built: no {string.Join(", no ", folders)}. Build the solution first.");
    }

    static string FindRoot()
    {
        for (var folder = TestOutput; folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "makemore.slnx"))) return folder.FullName;
        throw new DirectoryNotFoundException($"No repository (makemore.slnx) above {AppContext.BaseDirectory}.");
    }
}
