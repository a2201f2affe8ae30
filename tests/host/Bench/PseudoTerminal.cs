using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace OpenIdds.Tests.Host.Bench;

/// <summary>
/// A real pseudo-terminal pair from libc's openpty: the code under test opens the slave path (e.g.
/// /dev/pts/3) with System.IO.Ports exactly as it would a USB-serial balance, and the test plays the
/// balance on the master side.
/// </summary>
public sealed partial class PseudoTerminal : IDisposable
{
    [LibraryImport("libc", SetLastError = true)]
    private static partial int openpty(out int master, out int slave, IntPtr name, IntPtr termios, IntPtr winsize);

    [LibraryImport("libc")]
    private static partial IntPtr ttyname(int fd);

    [LibraryImport("libc")]
    private static partial int close(int fd);

    private readonly int _slave;

    public PseudoTerminal()
    {
        if (openpty(out int master, out _slave, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero) != 0)
            throw new IOException($"openpty failed: errno {Marshal.GetLastPInvokeError()}");
        SlavePath = Marshal.PtrToStringAnsi(ttyname(_slave)) ?? throw new IOException("ttyname failed");
        Master = new FileStream(new SafeFileHandle(master, ownsHandle: true), FileAccess.ReadWrite, 1);
    }

    /// <summary>The device node the code under test opens, e.g. /dev/pts/3.</summary>
    public string SlavePath { get; }

    /// <summary>The other end: what the code under test writes comes out here, and what is written here goes to it.</summary>
    public FileStream Master { get; }

    public void Dispose()
    {
        Master.Dispose();
        close(_slave);
    }
}
