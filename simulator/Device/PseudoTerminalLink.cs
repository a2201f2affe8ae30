using System.Runtime.InteropServices;
using OpenIdds.Hal;

namespace OpenIdds.Simulator.Device;

/// <summary>
/// The virtual device's UART as a real serial device node: a pseudo-terminal from libc's openpty. A
/// programmer opens <see cref="SlavePath"/> (e.g. /dev/pts/4) exactly as it would a board's
/// USB-serial adapter; the firmware reads and writes the master side. The line is raw - no echo, no
/// CR/LF translation, no ^C or XON/XOFF - because COBS frames carry every byte value. The simulator
/// keeps its own slave descriptor open so a programmer can close and reopen the port (no hang-up).
/// </summary>
public sealed partial class PseudoTerminalLink : ISerialLink, IDisposable
{
    [LibraryImport("libc", SetLastError = true)]
    private static partial int openpty(out int master, out int slave, IntPtr name, IntPtr termios, IntPtr winsize);

    [LibraryImport("libc")]
    private static partial IntPtr ttyname(int fd);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int tcgetattr(int fd, IntPtr termios);

    [LibraryImport("libc")]
    private static partial void cfmakeraw(IntPtr termios);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int tcsetattr(int fd, int when, IntPtr termios);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int poll(ref PollFd fds, ulong count, int timeout);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint read(int fd, ref byte buffer, nuint count);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint write(int fd, ref byte buffer, nuint count);

    [LibraryImport("libc")]
    private static partial int close(int fd);

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    private const short PollIn = 1;
    private readonly int _master;
    private readonly int _slave;
    private bool _disposed;

    public PseudoTerminalLink()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) throw new PlatformNotSupportedException("pseudo-terminals need Linux or macOS; use --tcp");
        if (openpty(out _master, out _slave, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero) != 0)
            throw new IOException($"openpty failed: errno {Marshal.GetLastPInvokeError()}");
        SlavePath = Marshal.PtrToStringAnsi(ttyname(_slave)) ?? throw new IOException("ttyname failed");
        // struct termios is 60 bytes on Linux and 72 on macOS; 256 is room for either.
        IntPtr termios = Marshal.AllocHGlobal(256);
        try
        {
            if (tcgetattr(_slave, termios) != 0) throw new IOException($"tcgetattr failed: errno {Marshal.GetLastPInvokeError()}");
            cfmakeraw(termios);
            if (tcsetattr(_slave, 0, termios) != 0) throw new IOException($"tcsetattr failed: errno {Marshal.GetLastPInvokeError()}");
        }
        finally
        {
            Marshal.FreeHGlobal(termios);
        }
    }

    /// <summary>The device node a programmer opens.</summary>
    public string SlavePath { get; }

    /// <summary>True when the programmer has sent bytes the firmware has not read (the UART's receive interrupt).</summary>
    public bool HasInput
    {
        get
        {
            var p = new PollFd { Fd = _master, Events = PollIn };
            return poll(ref p, 1, 0) > 0 && (p.Revents & PollIn) != 0;
        }
    }

    public int Read(byte[] buffer, int offset, int count)
    {
        if (count == 0 || !HasInput) return 0;
        nint n = read(_master, ref buffer[offset], (nuint)count);
        return n > 0 ? (int)n : 0;
    }

    public void Write(byte[] buffer, int offset, int count)
    {
        int done = 0;
        while (done < count)
        {
            nint n = write(_master, ref buffer[offset + done], (nuint)(count - done));
            if (n <= 0) return;   // nobody reading and the buffer is full: a UART drops bytes too
            done += (int)n;
        }
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        close(_master);
        close(_slave);
    }
}
