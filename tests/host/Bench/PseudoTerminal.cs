using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace OpenIdds.Tests.Host.Bench;

/// <summary>
/// A real pseudo-terminal pair from libc's openpty: the code under test opens the slave path (e.g.
/// /dev/pts/3) with System.IO.Ports exactly as it would a USB-serial balance, and the test plays the
/// balance on the master side. Disposing it is pulling the cable: the slave side hangs up and its device
/// node goes away.
/// </summary>
public sealed partial class PseudoTerminal : IDisposable
{
    [LibraryImport("libc", SetLastError = true)]
    private static partial int openpty(out int master, out int slave, IntPtr name, IntPtr termios, IntPtr winsize);

    [LibraryImport("libc")]
    private static partial IntPtr ttyname(int fd);

    [LibraryImport("libc")]
    private static partial int close(int fd);

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int poll(ref PollFd fds, nuint count, int timeoutMilliseconds);

    private const short PollIn = 1;

    private readonly int _master, _slave;

    public PseudoTerminal()
    {
        if (openpty(out _master, out _slave, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero) != 0)
            throw new IOException($"openpty failed: errno {Marshal.GetLastPInvokeError()}");
        SlavePath = Marshal.PtrToStringAnsi(ttyname(_slave)) ?? throw new IOException("ttyname failed");
        Master = new FileStream(new SafeFileHandle(_master, ownsHandle: true), FileAccess.ReadWrite, 1);
    }

    /// <summary>The device node the code under test opens, e.g. /dev/pts/3.</summary>
    public string SlavePath { get; }

    /// <summary>The other end: what the code under test writes comes out here, and what is written here goes to it.</summary>
    public FileStream Master { get; }

    /// <summary>
    /// Whether the master has bytes to read within <paramref name="milliseconds"/>. A balance loop polls
    /// instead of blocking in Read, because a blocked Read would keep the descriptor open through a
    /// Dispose and the cable could never be pulled.
    /// </summary>
    public bool WaitReadable(int milliseconds)
    {
        var fd = new PollFd { Fd = _master, Events = PollIn };
        return poll(ref fd, 1, milliseconds) > 0 && (fd.Revents & PollIn) != 0;
    }

    public void Dispose()
    {
        Master.Dispose();
        close(_slave);
    }
}
