namespace Makemore.Tests.Setup;

public class ElfVersionNeedsTests
{
    static string TorchSharpNative()
    {
        // A RID-specific build puts the natives beside the tests; a portable one under runtimes/.
        string[] candidates =
        [
            Path.Combine(AppContext.BaseDirectory, "libLibTorchSharp.so"),
            Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so"),
        ];
        var path = candidates.FirstOrDefault(File.Exists);
        if (path is null) Assert.Skip($"TorchSharp's linux-x64 native library is not in the build output ({AppContext.BaseDirectory}).");
        return path;
    }

    [Fact]
    public void TorchSharpNeedsTheMarkerVersionStrongly()
    {
        var needs = ElfVersionNeeds.Read(File.ReadAllBytes(TorchSharpNative()));
        var marker = Assert.Single(needs, n => n.Version == TorchNative.MarkerVersion);
        Assert.Equal("libstdc++.so.6", marker.File);
        Assert.False(marker.IsWeak);
    }

    [Fact]
    public void MarkWeakChangesOnlyTheMarkerFlags()
    {
        var original = File.ReadAllBytes(TorchSharpNative());
        var patched = (byte[])original.Clone();

        Assert.Equal(1, ElfVersionNeeds.MarkWeak(patched, TorchNative.MarkerVersion));

        var before = ElfVersionNeeds.Read(original);
        var after = ElfVersionNeeds.Read(patched);
        Assert.Equal(before.Count, after.Count);
        foreach (var (b, a) in before.Zip(after))
            Assert.Equal(b.Version == TorchNative.MarkerVersion ? b.Flags | ElfVersionNeed.WeakFlag : b.Flags, a.Flags);
        var differing = Enumerable.Range(0, original.Length).Where(i => original[i] != patched[i]).ToList();
        Assert.InRange(differing.Count, 1, 2);
        Assert.Equal(0, ElfVersionNeeds.MarkWeak(patched, TorchNative.MarkerVersion));
    }

    [Fact]
    public void PatchedCopyGoesToTheGivenCacheAndIsReused()
    {
        using var cache = new TempFolder("makemore-native-");
        var original = TorchSharpNative();
        var originalBytes = File.ReadAllBytes(original);
        var copy = TorchNative.PatchedCopy(original, cache.Path);
        Assert.StartsWith(cache.Path, copy);
        Assert.True(ElfVersionNeeds.Read(File.ReadAllBytes(copy)).Single(n => n.Version == TorchNative.MarkerVersion).IsWeak);
        Assert.Equal(originalBytes, File.ReadAllBytes(original));
        Assert.Equal(copy, TorchNative.PatchedCopy(original, cache.Path));
    }

    [Fact]
    public void RejectsFilesThatAreNotElf()
    {
        var e = Assert.Throws<InvalidDataException>(() => ElfVersionNeeds.Read("not an ELF file at all, just text padding it out to sixty-four bytes"u8.ToArray()));
        Assert.Contains("Not an ELF file", e.Message);
    }
}
