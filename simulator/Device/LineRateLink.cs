using OpenIdds.Hal;
using OpenIdds.Simulator.Virtual;

namespace OpenIdds.Simulator.Device;

/// <summary>
/// A board's UART at a baud rate, 8N1 (10 bits a byte), as the firmware feels it: what it writes takes
/// line time, during which its loop is held (a blocking write, no transmit buffer: the harshest case);
/// what arrives waits in the driver's receive buffer, and bytes that find it full are lost.
/// </summary>
public sealed class LineRateLink : ISerialLink
{
    private readonly VirtualClock _clock;
    private readonly byte[] _rx;
    private int _head, _count;
    private long _writeMicros;

    public LineRateLink(VirtualClock clock, long baud, int receiveBufferBytes = 4096)
    {
        _clock = clock;
        Baud = baud;
        _rx = new byte[receiveBufferBytes];
    }

    public long Baud { get; }
    public long BytesSent { get; private set; }
    public long BytesLost { get; private set; }
    public int Pending => _count;

    /// <summary>Bytes that reached the board's pin; those that do not fit the receive buffer are lost.</summary>
    public void Arrive(byte b)
    {
        if (_count == _rx.Length) { BytesLost++; return; }
        _rx[(_head + _count) % _rx.Length] = b;
        _count++;
    }

    public int Read(byte[] buffer, int offset, int count)
    {
        int n = 0;
        while (n < count && _count > 0)
        {
            buffer[offset + n++] = _rx[_head];
            _head = (_head + 1) % _rx.Length;
            _count--;
        }
        return n;
    }

    public void Write(byte[] buffer, int offset, int count)
    {
        BytesSent += count;
        _writeMicros += count * 10L * 1_000_000 / Baud;
        long whole = _writeMicros / 1000;
        _writeMicros %= 1000;
        _clock.AdvanceTo(_clock.ElapsedMilliseconds + whole);
    }
}
