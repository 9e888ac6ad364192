[assembly: AssemblyFixture(typeof(Makemore.Tests.TorchFixture))]
// One test at a time. TorchSharp 0.107 turns a number passed as a Scalar (t + 0.5, an alpha, pow(2), even the
// default alpha of t + u) into a Scalar it no longer references once the native call starts; a garbage collection
// triggered by another thread can then finalize it mid-call ("Unknown scalar type"). Tests running side by side
// allocate enough to make that happen now and then; one at a time, nothing else allocates during a call.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

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
