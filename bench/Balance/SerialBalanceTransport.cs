using System.IO.Ports;

namespace OpenIdds.Bench.Balance;

/// <summary>A balance on a serial port (System.IO.Ports), with every port setting configurable (<see cref="SerialSettings"/>).</summary>
public sealed class SerialBalanceTransport(SerialSettings settings) : IBalanceTransport
{
    private SerialPort? _port;
    private readonly LineFraming _framing = new();
    private readonly Queue<string> _lines = new();
    private readonly byte[] _buffer = new byte[256];

    public SerialSettings Settings => settings;

    public void Open()
    {
        Close();
        // Whatever was queued belongs to the old connection: its partial line will never be finished.
        _lines.Clear();
        _framing.Reset();
        var port = new SerialPort(settings.Port, settings.Baud, settings.Parity, settings.DataBits, settings.StopBits)
        {
            Handshake = settings.Handshake,
            ReadTimeout = 10,
            WriteTimeout = 1000,
        };
        try { port.Open(); }
        catch (UnauthorizedAccessException e) when (e.InnerException is IOException inner)
        {
            // System.IO.Ports reports a missing device as "access denied"; the inner error says what it is.
            port.Dispose();
            throw new IOException($"cannot open {settings.Port}: {inner.Message}", e);
        }
        catch
        {
            port.Dispose();
            throw;
        }
        port.DiscardInBuffer();
        _port = port;
    }

    public void Close()
    {
        var port = _port;
        _port = null;
        if (port == null) return;
        try { port.Dispose(); } catch (IOException) { }
    }

    public void Send(string command)
    {
        var port = Connected();
        // After a hang-up System.IO.Ports closes the stream itself and reports it as a disposed object.
        try { port.Write(command + "\r\n"); }
        catch (Exception e) when (e is ObjectDisposedException or InvalidOperationException) { throw Lost(e); }
    }

    public string? ReceiveLine(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (_lines.Count == 0)
        {
            var port = Connected();
            if (DateTime.UtcNow >= deadline) return null;
            int n;
            try { n = port.Read(_buffer, 0, _buffer.Length); }
            catch (TimeoutException) { continue; }
            catch (Exception e) when (e is ObjectDisposedException or InvalidOperationException) { throw Lost(e); }
            foreach (string line in _framing.Push(_buffer, n)) _lines.Enqueue(line);
        }
        return _lines.Dequeue();
    }

    public IReadOnlyList<string> DiscardPending()
    {
        // What has arrived is read first, so that the caller learns what it was (a late reply's text).
        if (_port is { IsOpen: true } port)
        {
            try
            {
                while (port.BytesToRead > 0)
                {
                    int n = port.Read(_buffer, 0, Math.Min(_buffer.Length, port.BytesToRead));
                    foreach (string line in _framing.Push(_buffer, n)) _lines.Enqueue(line);
                }
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or TimeoutException or ObjectDisposedException) { }
        }
        var dropped = _lines.ToList();
        _lines.Clear();
        _framing.Reset();
        return dropped;
    }

    public void Dispose() => Close();

    private SerialPort Connected() =>
        _port is { IsOpen: true } port ? port : throw new IOException($"the link to the balance on {settings.Port} is gone (cable pulled or balance switched off)");

    private IOException Lost(Exception e) => new($"the link to the balance on {settings.Port} is gone (cable pulled or balance switched off)", e);
}
