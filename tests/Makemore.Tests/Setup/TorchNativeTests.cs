using TorchSharp;
using static TorchSharp.torch;

namespace Makemore.Tests.Setup;

public class TorchNativeTests
{
    [Fact]
    public void SeededRandMatchesPyTorch()
    {
        var g = new Generator(2147483647);
        var p = rand(3, generator: g);
        // PyTorch 1.13's torch.rand(3) from the same seed, to the last bit (0.7081, 0.3542, 0.1054).
        Assert.Equal(LessonReference.Get("rand(3)").Numbers.Select(x => (float)x), p.data<float>().ToArray());
    }

    [Fact]
    public void SetupIsIdempotentAndReportsVersions()
    {
        var first = Notebook.Setup();
        var second = Notebook.Setup();
        Assert.Equal(first, second);
        Assert.Contains(TorchNative.TorchSharpVersion, first);
        Assert.Contains(TorchNative.LibTorchVersion, first);
    }

    [Fact]
    public void TellsWhetherTheLoadedLibStdCxxDefinesASymbolVersion()
    {
        if (!OperatingSystem.IsLinux()) Assert.Skip("Checks /proc/self/maps, which only Linux has.");
        TorchSetup.Load(); // libtorch brings libstdc++ in
        Assert.False(TorchNative.LoadedLibStdCxxLacks("GLIBCXX_3.4")); // the first version, in every libstdc++
        Assert.True(TorchNative.LoadedLibStdCxxLacks("GLIBCXX_99.0"));
    }

    [Fact]
    public void LoadsThePackagedLibtorchNotASystemOne()
    {
        if (!OperatingSystem.IsLinux()) Assert.Skip("Checks /proc/self/maps, which only Linux has.");
        var libtorch = File.ReadLines("/proc/self/maps")
            .Where(l => l.EndsWith("/libtorch_cpu.so", StringComparison.Ordinal))
            .Select(l => l[l.IndexOf('/')..]).Distinct().ToList();
        var only = Assert.Single(libtorch);
        Assert.Contains(TorchNative.LibTorchVersion, TorchSharp.torch.__version__);
        Assert.DoesNotContain("/usr/lib", only);
    }
}
