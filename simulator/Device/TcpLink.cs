using System.Net;
using System.Net.Sockets;
using OpenIdds.Hal;

namespace OpenIdds.Simulator.Device;

/// <summary>
/// The virtual device's UART as a TCP port on the loopback interface (for machines without
/// pseudo-terminals, or a programmer on another process): one programmer at a time; a new
/// connection replaces the old one, as a new cable would.
/// </summary>
public sealed class TcpLink : ISerialLink, IDisposable
{
    private readonly TcpListener _listener;
    private Socket? _client;

    public TcpLink(int port)
    {
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
    }

    /// <summary>The port it listens on (the one asked for, or the one the system chose for 0).</summary>
    public int Port { get; }

    public bool HasInput
    {
        get
        {
            Accept();
            return _client is { Available: > 0 };
        }
    }

    private void Accept()
    {
        if (!_listener.Pending()) return;
        _client?.Dispose();
        _client = _listener.AcceptSocket();
        _client.NoDelay = true;
    }

    public int Read(byte[] buffer, int offset, int count)
    {
        Accept();
        if (_client == null || _client.Available == 0) return 0;
        try { return _client.Receive(buffer, offset, Math.Min(count, _client.Available), SocketFlags.None); }
        catch (SocketException) { _client.Dispose(); _client = null; return 0; }
    }

    public void Write(byte[] buffer, int offset, int count)
    {
        if (_client == null) return;
        try { _client.Send(buffer, offset, count, SocketFlags.None); }
        catch (SocketException) { _client.Dispose(); _client = null; }
    }

    public void Dispose()
    {
        _client?.Dispose();
        _listener.Stop();
    }
}
