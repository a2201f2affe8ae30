using System.IO.Ports;

namespace OpenIdds.Bench.Balance;

/// <summary>A balance on a serial port (System.IO.Ports): port, baud, parity, data and stop bits are all settings, because models differ.</summary>
public sealed class SerialBalanceTransport : IBalanceTransport
{
    private readonly Func<SerialPort> _open;
    private SerialPort _port;
    private readonly LineFraming _framing = new();
    private readonly Queue<string> _lines = new();
    private readonly byte[] _buffer = new byte[256];

    public SerialBalanceTransport(string port, int baud, Parity parity, int dataBits, StopBits stopBits)
    {
        _open = () =>
        {
            var p = new SerialPort(port, baud, parity, dataBits, stopBits) { ReadTimeout = 50, WriteTimeout = 1000, NewLine = "\r\n" };
            p.Open();
            return p;
        };
        _port = _open();
    }

    public void Send(string command) => _port.Write(command + "\r\n");

    public string? ReceiveLine(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (_lines.Count == 0)
        {
            if (DateTime.UtcNow >= deadline) return null;
            int n;
            try { n = _port.Read(_buffer, 0, _buffer.Length); }
            catch (TimeoutException) { continue; }
            foreach (string line in _framing.Push(_buffer, n)) _lines.Enqueue(line);
        }
        return _lines.Dequeue();
    }

    public void Reconnect()
    {
        try { _port.Dispose(); } catch (IOException) { }
        _port = _open();
    }

    public void Dispose() => _port.Dispose();
}
