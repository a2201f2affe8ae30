namespace OpenIdds.Programmer.Link;

/// <summary>The byte pipe to a pump: a serial port (a board, or the simulator's pseudo-terminal) or a TCP socket (the virtual device).</summary>
public interface ILinkTransport : IDisposable
{
    /// <summary>Where it is connected, as the user named it (for messages).</summary>
    string Name { get; }

    void Write(byte[] data, int offset, int count);

    /// <summary>Reads what has arrived, waiting at most <paramref name="timeout"/>; 0 when nothing came.</summary>
    int Read(byte[] buffer, int offset, int count, TimeSpan timeout);
}
