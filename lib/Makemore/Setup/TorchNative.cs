using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Makemore;

/// <summary>
/// Makes TorchSharp's native libraries load. On Linux it loads the libtorch that TorchSharp's package ships by full path
/// (so a system-wide libtorch, such as Debian's python3-torch, is never picked up), and where the system libstdc++ lacks
/// GLIBCXX_3.4.32 it loads a copy of libLibTorchSharp.so whose requirement of that version is marked weak: the only
/// symbol at that version is a link-time marker nothing calls. TorchSharp's own by-name loads then resolve to these.
/// </summary>
internal static class TorchNative
{
    /// <summary>The libstdc++ symbol version TorchSharp's native library requires but never uses at run time.</summary>
    public const string MarkerVersion = "GLIBCXX_3.4.32";

    const string TorchSharpLibrary = "libLibTorchSharp.so";

    // Dependencies first, each by full path: a dependency found by name is looked up on LD_LIBRARY_PATH before
    // libtorch's own $ORIGIN runpath, so another libtorch there would otherwise be mixed in.
    static readonly string[] LibTorchInLoadOrder = ["libc10.so", "libgomp-*.so.1", "libtorch_cpu.so", "libtorch.so"];
    static readonly Lock Gate = new();
    static string? status;

    public static string TorchSharpVersion => Metadata("TorchSharpVersion");
    public static string LibTorchVersion => Metadata("LibTorchVersion");

    /// <summary>Loads the native libraries once per process; later calls return at once. Returns a one-line status.</summary>
    public static string EnsureLoaded()
    {
        lock (Gate)
        {
            return status ??= Load();
        }
    }

    static string Load()
    {
        var how = "TorchSharp loads its own native libraries on this system";
        if (OperatingSystem.IsLinux())
        {
            if (RuntimeInformation.ProcessArchitecture != Architecture.X64)
                throw new PlatformNotSupportedException(
                    $"TorchSharp-cpu {TorchSharpVersion} ships libtorch for linux-x64 only, and this machine is linux-{RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant()}. " +
                    "Run the notebooks on an x64 Linux, Windows x64 or macOS arm64 machine.");
            how = IsLoaded(TorchSharpLibrary) ? "native libraries were already loaded" : LoadOnLinux();
        }
        CheckTorchWorks();
        return $"TorchSharp {TorchSharpVersion}, libtorch {LibTorchVersion}: {how}; {ConfigureThreads()} thread(s)";
    }

    static string LoadOnLinux()
    {
        var libtorch = FindFolder("libtorch_cpu.so", LibTorchFolders())
            ?? throw Missing($"libtorch {LibTorchVersion} (libtorch_cpu.so)", LibTorchFolders());
        var torchSharp = FindFolder(TorchSharpLibrary, TorchSharpFolders())
            ?? throw Missing($"TorchSharp {TorchSharpVersion}'s {TorchSharpLibrary}", TorchSharpFolders());

        foreach (var pattern in LibTorchInLoadOrder)
            foreach (var library in Directory.GetFiles(libtorch, pattern))
                NativeLibrary.Load(library);
        var original = Path.Combine(torchSharp, TorchSharpLibrary);
        try
        {
            NativeLibrary.Load(original);
            return $"loaded from {Describe(libtorch)}";
        }
        // .NET 10's message carries the loader's reason ("version `GLIBCXX_3.4.32' not found"); .NET 11's leaves it out,
        // so the libstdc++ libtorch has just loaded is asked instead.
        catch (DllNotFoundException e) when (e.Message.Contains(MarkerVersion, StringComparison.Ordinal) || LoadedLibStdCxxLacks(MarkerVersion))
        {
            NativeLibrary.Load(PatchedCopy(original));
            return $"loaded from {Describe(libtorch)}, with {TorchSharpLibrary} patched for this system's older libstdc++";
        }
    }

    /// <summary>
    /// Whether the libstdc++ loaded in this process (libtorch links it) does not define the symbol version
    /// <paramref name="version"/>, which a library defining it names in its string table, ending in a zero byte.
    /// </summary>
    internal static bool LoadedLibStdCxxLacks(string version)
    {
        var library = File.ReadLines("/proc/self/maps")
            .Where(line => line.Contains("/libstdc++.so", StringComparison.Ordinal))
            .Select(line => line[line.IndexOf('/', StringComparison.Ordinal)..])
            .FirstOrDefault();
        return library is not null && File.ReadAllBytes(library).AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(version + "\0")) < 0;
    }

    /// <summary>
    /// A copy of <paramref name="original"/> with the marker version marked weak, kept in a cache folder of our own
    /// (never the NuGet cache), keyed by the original's hash so a new TorchSharp gets a new copy.
    /// </summary>
    internal static string PatchedCopy(string original, string? cacheRoot = null)
    {
        var bytes = File.ReadAllBytes(original);
        var key = Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];
        var folder = Path.Combine(cacheRoot ?? UserCache.Folder, "native", key);
        var patched = Path.Combine(folder, Path.GetFileName(original));
        if (File.Exists(patched)) return patched;

        if (ElfVersionNeeds.MarkWeak(bytes, MarkerVersion) == 0)
            throw new InvalidOperationException($"{original} does not require {MarkerVersion}; there is nothing to patch.");
        Directory.CreateDirectory(folder);
        AtomicFile.WriteAllBytes(patched, bytes);
        return patched;
    }

    // A build output (console app, tests) has the natives beside it; a notebook kernel leaves them in the NuGet cache.
    static IEnumerable<string> LibTorchFolders() =>
        BuildOutputFolders().Concat(PackageRoots().Select(root =>
            Path.Combine(root, "libtorch-cpu-linux-x64", LibTorchVersion, "runtimes", "linux-x64", "native")));

    static IEnumerable<string> TorchSharpFolders() =>
        BuildOutputFolders().Concat(PackageRoots().Select(root =>
            Path.Combine(root, "torchsharp", TorchSharpVersion, "runtimes", "linux-x64", "native")));

    static IEnumerable<string> BuildOutputFolders()
    {
        var probing = (AppContext.GetData("NATIVE_DLL_SEARCH_DIRECTORIES") as string ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return probing.Prepend(Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native"));
    }

    // The status line lands in committed notebook outputs: name the package or the build output, never this machine's path.
    internal static string Describe(string folder)
    {
        foreach (var root in PackageRoots())
        {
            var relative = Path.GetRelativePath(root, folder);
            if (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative))
                return $"the NuGet package folder ({relative.Replace(Path.DirectorySeparatorChar, '/')})";
        }
        return BuildOutputFolders().Contains(folder) ? "the build output" : Path.GetFileName(folder.TrimEnd(Path.DirectorySeparatorChar));
    }

    static IEnumerable<string> PackageRoots()
    {
        // TorchSharp.dll sits at <root>/torchsharp/<version>/lib/<tfm>/TorchSharp.dll when it comes from a package.
        var assembly = typeof(torch).Assembly.Location;
        if (assembly.Length > 0)
            yield return Path.GetFullPath(Path.Combine(Path.GetDirectoryName(assembly)!, "..", "..", "..", ".."));
        var configured = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (!string.IsNullOrEmpty(configured)) yield return configured;
        yield return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
    }

    static string? FindFolder(string file, IEnumerable<string> folders) =>
        folders.FirstOrDefault(folder => File.Exists(Path.Combine(folder, file)));

    static FileNotFoundException Missing(string what, IEnumerable<string> looked) =>
        new($"Could not find {what} for linux-x64. Looked in: {string.Join(", ", looked.Distinct())}. " +
            $"Reference the package TorchSharp-cpu {TorchSharpVersion} (in a notebook: #r \"nuget: TorchSharp-cpu, {TorchSharpVersion}\"; " +
            "in a project: a PackageReference) and restore it before calling the setup.");

    static bool IsLoaded(string library)
    {
        try
        {
            return File.ReadLines("/proc/self/maps").Any(line => line.EndsWith("/" + library, StringComparison.Ordinal));
        }
        catch (IOException)
        {
            return false;
        }
    }

    static void CheckTorchWorks()
    {
        try
        {
            InitializeCpu();
        }
        catch (TypeInitializationException e)
        {
            throw new InvalidOperationException(
                "TorchSharp was used before the makemore setup ran in this process, and it failed to load its native " +
                "libraries then; that failure sticks for the life of the process. Restart the kernel (or the program) and " +
                "call Makemore.Notebook.Setup() before any torch call. First error: " + (e.InnerException ?? e).Message, e);
        }
    }

    // Kept out of line so that merely calling EnsureLoaded never runs torch's static constructor early.
    [MethodImpl(MethodImplOptions.NoInlining)]
    static void InitializeCpu() => torch.InitializeDeviceType(DeviceType.CPU);

    /// <summary>
    /// One intra-op thread unless OMP_NUM_THREADS asks otherwise. The lesson's tensors are small, so one thread is about
    /// as fast; several kernels or test processes sharing a machine never oversubscribe its cores (with two threads
    /// each, training ran 10-20 times slower then); and sums such as W[xs]'s backward add in a fixed order, so results
    /// repeat exactly.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    static int ConfigureThreads()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OMP_NUM_THREADS"))) torch.set_num_threads(1);
        return torch.get_num_threads();
    }

    static string Metadata(string key) =>
        typeof(TorchNative).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
