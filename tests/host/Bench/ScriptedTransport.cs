using System.Text;
using OpenIdds.Bench.Balance;

namespace OpenIdds.Tests.Host.Bench;

/// <summary>
/// A transport that plays a transcript of what a balance sent on the wire, through the real
/// <see cref="LineFraming"/>. Each entry answers one request: a reply as sent (with its CR LF), null for
/// silence (the clock is charged the reply timeout), or <see cref="Pulled"/> for a cable pulled (the
/// link fails, and stays down for <see cref="OpensFailing"/> more attempts to open it).
/// </summary>
public sealed class ScriptedTransport(FakeClock clock, params string?[] replies) : IBalanceTransport
{
    public const string Pulled = "<pulled>";

    /// <summary>What one reply takes on the wire at 9600 baud, charged to the clock: it shows in measured_ms.</summary>
    public const long ReplyMilliseconds = 20;

    private readonly LineFraming _framing = new();
    private readonly Queue<string> _lines = new();
    private int _next;
    private bool _open;

    public List<string> Sent { get; } = new();
    public int Opens { get; private set; }
    public int OpensFailing { get; set; }
    /// <summary>How many failed opens follow a pulled cable.</summary>
    public int OpensFailingAfterPull { get; init; }
    public string IdleReply { get; init; } = "S S    0.00000 g\r\n";

    public void Open()
    {
        if (OpensFailing > 0)
        {
            OpensFailing--;
            throw new IOException("cannot open /dev/ttyUSB0: No such file or directory");
        }
        _open = true;
        Opens++;
        _lines.Clear();
        _framing.Reset();
    }

    public void Close() => _open = false;

    public void Send(string command)
    {
        if (!_open) throw new IOException("the link to the balance is gone");
        Sent.Add(command);
    }

    public string? ReceiveLine(TimeSpan timeout)
    {
        if (!_open) throw new IOException("the link to the balance is gone");
        string? reply = _next < replies.Length ? replies[_next++] : IdleReply;
        if (reply == null)
        {
            clock.ElapsedMilliseconds += (long)timeout.TotalMilliseconds;
            return null;
        }
        if (reply == Pulled)
        {
            _open = false;
            OpensFailing = OpensFailingAfterPull;
            throw new IOException("the cable was pulled");
        }
        clock.ElapsedMilliseconds += ReplyMilliseconds;
        byte[] bytes = Encoding.ASCII.GetBytes(reply);
        foreach (string line in _framing.Push(bytes, bytes.Length)) _lines.Enqueue(line);
        return _lines.Count > 0 ? _lines.Dequeue() : null;
    }

    public void DiscardPending()
    {
        _lines.Clear();
        _framing.Reset();
    }

    public void Dispose() => _open = false;
}
