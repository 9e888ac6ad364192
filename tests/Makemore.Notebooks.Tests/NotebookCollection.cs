namespace Makemore.Notebooks.Tests;

/// <summary>
/// Every test that executes a notebook belongs to this collection, so notebooks run one at a time: each run is CPU-heavy,
/// and NuGet restores of different runs share ~/.packagemanagement.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NotebookCollection
{
    public const string Name = "Notebooks";
}
