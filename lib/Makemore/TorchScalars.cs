namespace Makemore;

/// <summary>
/// Scalars held for as long as libtorch uses them. A number passed where TorchSharp 0.107 takes a Scalar
/// (<c>t + 0.5</c>, <c>alpha: -lr</c>, <c>pow(2)</c>) becomes a Scalar nobody references once its native handle is
/// taken, so a garbage collection on another thread can finalize it, and free its native memory, while the operation
/// still reads it: the operation then fails with "Unknown scalar type" or a bad value (seen in the tests, which
/// collect garbage on many threads; reproduced by a loop of <c>t + 0.5</c> beside a thread that collects). The loops
/// the library runs thousands of times (training steps, sweeps) hold theirs with <c>using var s = TorchScalars.Of(x)</c>.
/// </summary>
internal static class TorchScalars
{
    public static Scalar Of(double value) => value.ToScalar();

    public static Scalar Of(int value) => value.ToScalar();
}
