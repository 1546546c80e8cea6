using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Pimcc.Driver;

/// <summary>What a path names once symbolic links are followed.</summary>
public enum FileType { Missing, Regular, Directory, CharacterDevice, BlockDevice, Fifo, Socket }

/// <summary>
/// The type, size and identity (device + inode) of the file a path names, following symbolic links. .NET cannot
/// tell a regular file from a device or a FIFO (both report <c>FileAttributes.Normal</c> and length 0), so on Linux
/// this asks the kernel with statx(2), whose result layout is the same on every architecture. Elsewhere it falls back
/// to what .NET reports: regular file, folder or missing, with no identity.
/// </summary>
public readonly record struct FileStatus(FileType Type, long Size, ulong Device, ulong Inode)
{
    /// <summary>True when both name the same existing file (same device and inode).</summary>
    public bool SameFileAs(FileStatus other) =>
        Type != FileType.Missing && other.Type != FileType.Missing && Inode != 0 && Device == other.Device && Inode == other.Inode;

    public static FileStatus Of(string path) => OperatingSystem.IsLinux() ? Statx(path) : FromFileInfo(path);

    private static FileStatus FromFileInfo(string path)
    {
        if (Directory.Exists(path)) return new(FileType.Directory, 0, 0, 0);
        var info = new FileInfo(path);
        return info.Exists ? new(FileType.Regular, info.Length, 0, 0) : new(FileType.Missing, 0, 0, 0);
    }

    // statx(2): struct statx is 256 bytes; stx_mode (u16) at 28, stx_ino (u64) at 32, stx_size (u64) at 40,
    // stx_dev_major/minor (u32) at 136/140 (linux/include/uapi/linux/stat.h).
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1, StatxMode = 0x2, StatxIno = 0x100, StatxSize = 0x200;

    [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi)]
    private static extern int statx(int dirfd, string pathname, int flags, uint mask, [Out] byte[] statxbuf);

    private static FileStatus Statx(string path)
    {
        var buf = new byte[256];
        int rc;
        try { rc = statx(AtFdCwd, path, 0, StatxType | StatxMode | StatxIno | StatxSize, buf); }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { return FromFileInfo(path); }
        if (rc != 0) return FromFileInfo(path); // missing, dangling link, no permission on a folder on the way
        var mode = BinaryPrimitives.ReadUInt16LittleEndian(buf.AsSpan(28));
        var type = (mode & 0xF000) switch
        {
            0x8000 => FileType.Regular,
            0x4000 => FileType.Directory,
            0x2000 => FileType.CharacterDevice,
            0x6000 => FileType.BlockDevice,
            0x1000 => FileType.Fifo,
            0xC000 => FileType.Socket,
            _ => FileType.Missing,
        };
        var size = (long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(buf.AsSpan(40)), long.MaxValue);
        var device = ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(buf.AsSpan(136)) << 32) | BinaryPrimitives.ReadUInt32LittleEndian(buf.AsSpan(140));
        return new(type, size, device, BinaryPrimitives.ReadUInt64LittleEndian(buf.AsSpan(32)));
    }

    public static string Describe(FileType t) => t switch
    {
        FileType.CharacterDevice => "a character device",
        FileType.BlockDevice => "a block device",
        FileType.Fifo => "a FIFO (named pipe)",
        FileType.Socket => "a socket",
        FileType.Directory => "a folder",
        FileType.Missing => "missing",
        _ => "a regular file",
    };
}
