namespace Makemore.Benchmarks;

/// <summary>What the results tables say about the machine they were measured on.</summary>
static class Machine
{
    public static string Cpu => ProcFirst("/proc/cpuinfo", "model name") ?? "unknown CPU";

    /// <summary>The 1-minute load average (Linux): how busy the shared machine was.</summary>
    public static string LoadAverage => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    static string? ProcFirst(string file, string key) => !File.Exists(file) ? null :
        File.ReadLines(file).Where(l => l.StartsWith(key, StringComparison.Ordinal)).Select(l => l[(l.IndexOf(':') + 1)..].Trim()).FirstOrDefault();
}
