using System.Reflection;
using System.Runtime.Loader;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Events;

namespace Makemore.NotebookRunner;

/// <summary>
/// Loads kernel extensions shipped in NuGet packages (assemblies under interactive-extensions/dotnet), as the
/// dotnet-interactive tool does after a #r "nuget:" restore: Plotly.NET.Interactive registers its chart formatter this way.
/// </summary>
sealed class PackageExtensionLoader
{
    readonly HashSet<string> loaded = new(StringComparer.Ordinal);

    public async Task LoadAsync(Kernel kernel, IReadOnlyList<ResolvedPackageReference> packages)
    {
        foreach (var package in packages)
        {
            var folder = Path.Combine(package.PackageRoot, "interactive-extensions", "dotnet");
            if (!Directory.Exists(folder)) continue;
            foreach (var file in Directory.GetFiles(folder, "*.dll").Order(StringComparer.Ordinal))
            {
                if (!loaded.Add(Path.GetFileName(file))) continue;
                foreach (var extension in ExtensionsIn(Load(file)))
                {
                    await extension.OnLoadAsync(kernel);
                    KernelInvocationContext.Current?.Publish(new KernelExtensionLoaded(extension, KernelInvocationContext.Current.Command));
                }
            }
        }
    }

    // The package's lib/ folder holds the same assembly; if the script already loaded it, use that copy.
    static Assembly Load(string file)
    {
        var name = AssemblyName.GetAssemblyName(file);
        return AssemblyLoadContext.Default.Assemblies.FirstOrDefault(a => AssemblyName.ReferenceMatchesDefinition(name, a.GetName()))
            ?? AssemblyLoadContext.Default.LoadFromAssemblyPath(file);
    }

    static IEnumerable<IKernelExtension> ExtensionsIn(Assembly assembly) =>
        assembly.GetExportedTypes()
            .Where(t => typeof(IKernelExtension).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Select(t => (IKernelExtension)Activator.CreateInstance(t)!);
}
