using System.Net;
using System.Net.Sockets;
using OpenIdds.Hal;

namespace OpenIdds.Simulator.Device;

/// <summary>
/// The virtual device's UART as a TCP port on the loopback interface (for machines without
/// pseudo-terminals, or a programmer on another process): one programmer at a time. A new
/// connection is turned away while the current one is open (TCP-ONE-PROGRAMMER); writes never block
/// the device (TCP-WRITE-NEVER-BLOCKS): a programmer that does not read what the device sends is
/// disconnected when the socket's send buffer is full, as a UART's bytes are lost when nobody listens.
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
        Socket next = _listener.AcceptSocket();
        if (_client != null && Open(_client))
        {
            next.Dispose();
            return;
        }
        _client?.Dispose();
        _client = next;
        _client.NoDelay = true;
        _client.Blocking = false;
    }

    /// <summary>False once the peer closed: readable with nothing to read.</summary>
    private static bool Open(Socket socket)
    {
        try { return !(socket.Poll(0, SelectMode.SelectRead) && socket.Available == 0); }
        catch (SocketException) { return false; }
        catch (ObjectDisposedException) { return false; }
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
        try
        {
            int sent = _client.Send(buffer, offset, count, SocketFlags.None);
            if (sent < count) Drop();
        }
        catch (SocketException) { Drop(); }
    }

    private void Drop()
    {
        _client?.Dispose();
        _client = null;
    }

    public void Dispose()
    {
        _client?.Dispose();
        _listener.Stop();
    }
}
