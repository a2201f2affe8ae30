using System.Text;
using OpenIdds.Bench.Balance;

namespace OpenIdds.Tests.Host.Bench;

/// <summary>
/// A transport that plays a transcript of what a balance sent on the wire, through the real
/// <see cref="LineFraming"/>, on a fake clock. Each entry answers one request, in order: a reply as sent
/// (with its CR LF), arriving <see cref="ReplyMilliseconds"/> after the request; <see cref="Late"/> for a
/// reply that arrives later; null for a request never answered; or <see cref="Pulled"/> for a cable
/// pulled (the link fails, and stays down for <see cref="OpensFailingAfterPull"/> attempts to open it).
/// A reply still on its way when the link is reopened arrives all the same, as it does on a serial line.
/// </summary>
public sealed class ScriptedTransport(FakeBenchClock clock, params string?[] replies) : IBalanceTransport
{
    public const string Pulled = "<pulled>";

    /// <summary>What one reply takes on the wire at 9600 baud, charged to the clock: it shows in measured_ms.</summary>
    public const long ReplyMilliseconds = 20;

    /// <summary>A reply that arrives <paramref name="milliseconds"/> after its request.</summary>
    public static string Late(string reply, long milliseconds) => $"<late {milliseconds}>{reply}";

    private readonly LineFraming _framing = new();
    private readonly List<(long At, string Text)> _onTheWay = new();
    private readonly Queue<string> _lines = new();
    private int _next;
    private bool _open;

    public List<string> Sent { get; } = new();
    public int Opens { get; private set; }
    public int OpensFailing { get; set; }
    /// <summary>How many failed opens follow a pulled cable.</summary>
    public int OpensFailingAfterPull { get; init; }
    public string IdleReply { get; init; } = "S S    0.00000 g\r\n";
    /// <summary>What opening the port takes, charged to the clock (a USB adapter being enumerated).</summary>
    public long OpenMilliseconds { get; set; }

    public void Open()
    {
        if (OpensFailing > 0)
        {
            OpensFailing--;
            throw new IOException("cannot open /dev/ttyUSB0: No such file or directory");
        }
        clock.ElapsedMilliseconds += OpenMilliseconds;
        _open = true;
        Opens++;
        Arrive();
        _lines.Clear();
        _framing.Reset();
    }

    public void Close() => _open = false;

    public void Send(string command)
    {
        if (!_open) throw new IOException("the link to the balance is gone");
        Sent.Add(command);
        string? reply = _next < replies.Length ? replies[_next++] : IdleReply;
        if (reply == null) return;
        if (reply == Pulled)
        {
            _open = false;
            OpensFailing = OpensFailingAfterPull;
            throw new IOException("the cable was pulled");
        }
        long delay = ReplyMilliseconds;
        if (reply.StartsWith("<late ", StringComparison.Ordinal))
        {
            int end = reply.IndexOf('>');
            delay = long.Parse(reply[6..end]);
            reply = reply[(end + 1)..];
        }
        _onTheWay.Add((clock.ElapsedMilliseconds + delay, reply));
    }

    public string? ReceiveLine(TimeSpan timeout)
    {
        if (!_open) throw new IOException("the link to the balance is gone");
        long deadline = clock.ElapsedMilliseconds + (long)timeout.TotalMilliseconds;
        while (true)
        {
            Arrive();
            if (_lines.Count > 0) return _lines.Dequeue();
            long next = _onTheWay.Count == 0 ? long.MaxValue : _onTheWay.Min(w => w.At);
            if (next > deadline)
            {
                clock.ElapsedMilliseconds = Math.Max(clock.ElapsedMilliseconds, deadline);
                return null;
            }
            clock.ElapsedMilliseconds = Math.Max(clock.ElapsedMilliseconds, next);
        }
    }

    public IReadOnlyList<string> DiscardPending()
    {
        Arrive();
        var dropped = _lines.ToList();
        _lines.Clear();
        _framing.Reset();
        return dropped;
    }

    public void Dispose() => _open = false;

    /// <summary>Frames what has arrived by now (only while the link is open; a reply that came while it was closed is lost).</summary>
    private void Arrive()
    {
        foreach (var w in _onTheWay.Where(w => w.At <= clock.ElapsedMilliseconds).OrderBy(w => w.At).ToList())
        {
            _onTheWay.Remove(w);
            if (!_open) continue;
            byte[] bytes = Encoding.Latin1.GetBytes(w.Text);
            foreach (string line in _framing.Push(bytes, bytes.Length)) _lines.Enqueue(line);
        }
    }
}
