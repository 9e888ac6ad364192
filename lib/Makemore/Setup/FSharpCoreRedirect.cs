using System.Runtime.Loader;

namespace Makemore;

/// <summary>
/// Plotly.NET 6 asks for FSharp.Core 10.1, while the stock .NET Interactive kernel has already loaded FSharp.Core 10.0.
/// Answering those requests with the loaded copy lets the charts work (they use no API new in 10.1). In hosts that ship
/// FSharp.Core 10.1 the request never fails, so the handler never runs.
/// </summary>
internal static class FSharpCoreRedirect
{
    static int installed;

    public static void Install()
    {
        if (Interlocked.Exchange(ref installed, 1) == 1) return;
        AssemblyLoadContext.Default.Resolving += (_, name) => name.Name == "FSharp.Core"
            ? AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == "FSharp.Core")
            : null;
    }
}
