using System.Runtime.InteropServices;

namespace OpenIdds.Boards.LinuxSbc;

/// <summary>
/// FACTORY-SECRET-REQUIRED on the Linux board: the factory secret is a root-only file (owner root, mode
/// 0600, a regular file, not a link), default <see cref="DefaultPath"/>, written once at manufacture
/// (<c>iddsctl factory secret</c>). A file anyone else may read or replace is refused like a missing
/// one: its secret is no longer the device's alone. The content rules are the MCU boards'
/// (<see cref="FactorySecret"/>).
/// </summary>
public static partial class FactorySecretFile
{
    public const string DefaultPath = "/etc/openidds/factory-secret";

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, byte[] buffer);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUserId();

    private const int AtCurrentDirectory = -100, AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1, StatxMode = 0x2, StatxUid = 0x8;
    private const int UidOffset = 20, ModeOffset = 28;

    /// <summary>The user this process runs as: a test's owner for its own files.</summary>
    public static uint CurrentUser => GetEffectiveUserId();

    /// <summary>Reads the secret, refusing a file that is not <paramref name="owner"/>'s alone (root's, on a board).</summary>
    public static FactorySecret Read(string path, uint owner = 0)
    {
        if (!File.Exists(path)) return FactorySecret.Missing($"{path} is missing");
        var stat = new byte[256];
        if (Statx(AtCurrentDirectory, path, AtSymlinkNoFollow, StatxType | StatxMode | StatxUid, stat) != 0)
            return FactorySecret.Missing($"{path} cannot be examined (errno {Marshal.GetLastPInvokeError()})");
        uint uid = BitConverter.ToUInt32(stat, UidOffset);
        int mode = BitConverter.ToUInt16(stat, ModeOffset);
        const int typeMask = 0xF000, regular = 0x8000;
        if ((mode & typeMask) != regular) return FactorySecret.Missing($"{path} is not a regular file (a link or a device): the secret must be a plain file");
        if ((mode & 0x1FF) != 0x180) return FactorySecret.Missing($"{path} has mode {Convert.ToString(mode & 0x1FF, 8).PadLeft(4, '0')}, not 0600: others may read or change it (chmod 600 {path})");
        if (uid != owner) return FactorySecret.Missing($"{path} is owned by uid {uid}, not {(owner == 0 ? "root" : "uid " + owner)} (chown root {path})");
        return FactorySecret.Read(path);
    }
}
