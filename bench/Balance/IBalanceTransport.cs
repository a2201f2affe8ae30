namespace OpenIdds.Bench.Balance;

/// <summary>
/// The byte link to a balance: a serial port in use, a scripted fake in tests. Framing is line-based
/// (CR LF). The link is opened explicitly, not by a constructor, so that a balance unplugged at the start
/// can be retried like one unplugged mid-run.
/// </summary>
public interface IBalanceTransport : IDisposable
{
    /// <summary>Opens the link, dropping anything left from an earlier connection. Throws IOException or UnauthorizedAccessException when the balance is not there.</summary>
    void Open();

    /// <summary>Closes the link; safe to call when it is already closed.</summary>
    void Close();

    /// <summary>Sends one command line (CR LF appended). Throws IOException when the link is gone.</summary>
    void Send(string command);

    /// <summary>The next reply line, or null if none came within <paramref name="timeout"/>. Throws IOException when the link is gone.</summary>
    string? ReceiveLine(TimeSpan timeout);

    /// <summary>Drops lines (and a partial line) received but not yet read, so that a late reply is never taken as the answer to the next request; returns the whole lines dropped.</summary>
    IReadOnlyList<string> DiscardPending();
}
