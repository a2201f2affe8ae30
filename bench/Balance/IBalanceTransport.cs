namespace OpenIdds.Bench.Balance;

/// <summary>The byte link to a balance: a serial port in use, a scripted fake in tests. Framing is line-based (CR LF).</summary>
public interface IBalanceTransport : IDisposable
{
    /// <summary>Sends one command line (CR LF appended).</summary>
    void Send(string command);

    /// <summary>The next reply line, or null if none came within <paramref name="timeout"/>. Throws IOException when the link is gone.</summary>
    string? ReceiveLine(TimeSpan timeout);

    /// <summary>Closes and opens the link again after a disconnection.</summary>
    void Reconnect();
}
