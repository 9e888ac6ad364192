namespace Makemore.Tests;

/// <summary>Runs the native setup once before any test touches torch.</summary>
public static class Torch
{
    public static void Ready() => Notebook.Setup();
}
