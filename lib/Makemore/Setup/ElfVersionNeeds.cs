using System.Buffers.Binary;
using System.Text;

namespace Makemore;

/// <summary>One entry of an ELF file's version-needs table (.gnu.version_r): a symbol version required from a library.</summary>
internal sealed record ElfVersionNeed(string File, string Version, ushort Flags, int FlagsOffset)
{
    /// <summary>VER_FLG_WEAK: the dynamic loader tolerates this version being absent.</summary>
    public const ushort WeakFlag = 0x2;

    public bool IsWeak => (Flags & WeakFlag) != 0;
}

/// <summary>
/// Reads and edits the version-needs table of a 64-bit little-endian ELF shared object.
/// Used to mark a link-time-only libstdc++ version requirement weak so that the library loads on older systems.
/// </summary>
internal static class ElfVersionNeeds
{
    const uint ShtGnuVerneed = 0x6ffffffe;

    public static IReadOnlyList<ElfVersionNeed> Read(ReadOnlySpan<byte> elf)
    {
        var (offset, count, strtab) = FindTable(elf);
        var needs = new List<ElfVersionNeed>();
        for (var i = 0; i < count; i++)
        {
            // Elf64_Verneed: vn_version u16, vn_cnt u16, vn_file u32, vn_aux u32, vn_next u32
            var auxCount = U16(elf, offset + 2);
            var file = CString(elf, strtab + (int)U32(elf, offset + 4));
            var aux = offset + (int)U32(elf, offset + 8);
            for (var j = 0; j < auxCount; j++)
            {
                // Elf64_Vernaux: vna_hash u32, vna_flags u16, vna_other u16, vna_name u32, vna_next u32
                var name = CString(elf, strtab + (int)U32(elf, aux + 8));
                needs.Add(new ElfVersionNeed(file, name, U16(elf, aux + 4), aux + 4));
                aux += (int)U32(elf, aux + 12);
            }
            offset += (int)U32(elf, offset + 12);
        }
        return needs;
    }

    /// <summary>Sets VER_FLG_WEAK on every requirement of <paramref name="version"/>; returns how many were changed.</summary>
    public static int MarkWeak(Span<byte> elf, string version)
    {
        var changed = 0;
        foreach (var need in Read(elf))
        {
            if (need.Version != version || need.IsWeak) continue;
            BinaryPrimitives.WriteUInt16LittleEndian(elf[need.FlagsOffset..], (ushort)(need.Flags | ElfVersionNeed.WeakFlag));
            changed++;
        }
        return changed;
    }

    static (int Offset, int Count, int StringTable) FindTable(ReadOnlySpan<byte> elf)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new InvalidDataException("Not an ELF file.");
        if (elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException("Only 64-bit little-endian ELF files are supported.");
        var sectionHeaders = checked((int)U64(elf, 0x28));
        var entrySize = U16(elf, 0x3A);
        var sectionCount = U16(elf, 0x3C);
        for (var i = 0; i < sectionCount; i++)
        {
            var header = sectionHeaders + i * entrySize;
            if (U32(elf, header + 4) != ShtGnuVerneed) continue;
            var link = (int)U32(elf, header + 40);
            var count = (int)U32(elf, header + 44); // sh_info: number of Verneed entries
            var strtab = checked((int)U64(elf, sectionHeaders + link * entrySize + 24));
            return (checked((int)U64(elf, header + 24)), count, strtab);
        }
        throw new InvalidDataException("The ELF file has no version-needs section (.gnu.version_r).");
    }

    static ushort U16(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt16LittleEndian(b[at..]);
    static uint U32(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt32LittleEndian(b[at..]);
    static ulong U64(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt64LittleEndian(b[at..]);

    static string CString(ReadOnlySpan<byte> b, int at)
    {
        var length = b[at..].IndexOf((byte)0);
        if (length < 0) throw new InvalidDataException("Unterminated string in the ELF string table.");
        return Encoding.ASCII.GetString(b.Slice(at, length));
    }
}
