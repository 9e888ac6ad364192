using System.Globalization;
using System.Runtime.InteropServices;

namespace Makemore.Benchmarks;

/// <summary>
/// glibc's own account of the native heap (mallinfo2): the bytes allocated and not yet freed (libtorch's tensors among
/// them) and the bytes freed but kept by the allocator for reuse. RSS counts both; only the first can be a leak.
/// </summary>
static class NativeHeap
{
    [StructLayout(LayoutKind.Sequential)]
    struct MallInfo2
    {
        public nuint Arena, Ordblks, Smblks, Hblks, Hblkhd, Usmblks, Fsmblks, Uordblks, Fordblks, Keepcost;
    }

    [DllImport("libc", EntryPoint = "mallinfo2")]
    static extern MallInfo2 Info();

    [DllImport("libc", EntryPoint = "malloc_trim")]
    static extern int Trim(nuint pad);

    public static bool Available { get; } = OperatingSystem.IsLinux() && Probe();

    /// <summary>Bytes in use: small and large blocks handed out and not freed, in MB.</summary>
    public static double InUseMb => Available ? Mb(Read().Uordblks + Read().Hblkhd) : double.NaN;

    /// <summary>Bytes freed and kept by the allocator, in MB.</summary>
    public static double FreeKeptMb => Available ? Mb(Read().Fordblks) : double.NaN;

    /// <summary>Gives freed memory back to the system (malloc_trim(0)).</summary>
    public static void ReturnFreeMemory()
    {
        if (Available) _ = Trim(0); // 1 if memory was given back, 0 if there was none to give: either is fine
    }

    public static string Describe() => !Available ? "native heap n/a" :
        string.Create(CultureInfo.InvariantCulture, $"native in use {InUseMb,6:F1} MB, freed but kept {FreeKeptMb,6:F1} MB");

    static MallInfo2 Read() => Info();

    static double Mb(nuint bytes) => bytes / 1048576.0;

    static bool Probe()
    {
        try
        {
            Info();
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }
}
