using System.IO.Ports;

namespace OpenIdds.Programmer.Link;

/// <summary>A pump on a serial port (System.IO.Ports): a board's USB-serial adapter, or the simulator's pseudo-terminal. 8-N-1.</summary>
public sealed class SerialLinkTransport : ILinkTransport
{
    private readonly SerialPort _port;

    public SerialLinkTransport(string port, int baud)
    {
        Name = port;
        _port = new SerialPort(port, baud, Parity.None, 8, StopBits.One) { ReadTimeout = 100, WriteTimeout = 2000 };
        try
        {
            _port.Open();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new LinkException($"cannot open serial port {port}: {e.Message}. Check the port name (ls /dev/ttyUSB* /dev/ttyACM*), that no other program holds it, and that you may open it (the dialout group).");
        }
    }

    public string Name { get; }

    public void Write(byte[] data, int offset, int count) => _port.Write(data, offset, count);

    public int Read(byte[] buffer, int offset, int count, TimeSpan timeout)
    {
        _port.ReadTimeout = Math.Max(1, (int)timeout.TotalMilliseconds);
        try { return _port.Read(buffer, offset, count); }
        catch (TimeoutException) { return 0; }
    }

    public void Dispose() => _port.Dispose();
}
