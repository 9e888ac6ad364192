using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace Makemore.NotebookRunner;

/// <summary>
/// The kernel a notebook runs in: a composite kernel with one C# subkernel, set up the way the dotnet-interactive tool
/// (VS Code's Polyglot Notebooks) sets up its C# kernel, as far as C#-only notebooks can tell.
/// </summary>
static class NotebookKernel
{
    public const string CSharp = "csharp";

    public static CompositeKernel Create()
    {
        var extensions = new PackageExtensionLoader();
        var csharp = new CSharpKernel()
            // The engine does not register #r "nuget:" itself; hosts opt in, and load the packages' kernel extensions.
            .UseNugetDirective(async (kernel, packages) =>
            {
                kernel.AddAssemblyReferences(packages.SelectMany(p => p.AssemblyPaths));
                await extensions.LoadAsync(kernel.RootKernel, packages);
            })
            .UseKernelHelpers()
            .UseWho()
            .UseValueSharing();
        var root = new CompositeKernel { DefaultKernelName = CSharp };
        root.Add(csharp, ["c#", "C#"]);
        return root;
    }
}
