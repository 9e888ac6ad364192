namespace Makemore.Exercises;

/// <summary>
/// A number computed the first time it is asked for and kept: for a mistake's value that takes training a model to
/// make (<see cref="Mistake.Near"/> asks for it on every wrong answer it compares).
/// </summary>
internal static class Once
{
    public static Func<double> Of(Func<double> compute)
    {
        var value = new Lazy<double>(compute);
        return () => value.Value;
    }
}
