[assembly: AssemblyFixture(typeof(Makemore.Tests.TorchFixture))]

namespace Makemore.Tests;

/// <summary>
/// Loads torch's natives once, before the first test of this assembly, so no test has to remember to. Only
/// <see cref="TorchSetup.Load"/>: the notebook display is registered by the tests that check it, with .NET Interactive's
/// formatter, and <see cref="Notebook.Setup"/> itself is called by the tests about it.
/// </summary>
public sealed class TorchFixture
{
    public TorchFixture() => Status = TorchSetup.Load();

    /// <summary>The one-line status of the load: versions, and how the natives were found.</summary>
    public string Status { get; }
}
