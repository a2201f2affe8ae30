using System.Net.Sockets;

namespace OpenIdds.Programmer.Link;

/// <summary>A pump behind a TCP port: the simulator's virtual device (`simulator serve --tcp PORT`).</summary>
public sealed class TcpLinkTransport : ILinkTransport
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;

    public TcpLinkTransport(string host, int port)
    {
        Name = $"tcp://{host}:{port}";
        _client = new TcpClient { NoDelay = true };
        try
        {
            _client.Connect(host, port);
        }
        catch (SocketException e)
        {
            throw new LinkException($"cannot connect to {Name}: {e.Message}. Is the virtual device running (simulator serve --tcp {port})?");
        }
        _stream = _client.GetStream();
    }

    public string Name { get; }

    public void Write(byte[] data, int offset, int count) => _stream.Write(data, offset, count);

    public int Read(byte[] buffer, int offset, int count, TimeSpan timeout)
    {
        _client.ReceiveTimeout = Math.Max(1, (int)timeout.TotalMilliseconds);
        try { return _stream.Read(buffer, offset, count); }
        catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.TimedOut }) { return 0; }
    }

    public void Dispose()
    {
        _stream.Dispose();
        _client.Dispose();
    }
}
