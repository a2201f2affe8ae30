namespace OpenIdds.Bench.Balance;

/// <summary>Which command set the balance speaks.</summary>
public enum BalanceProtocol { MtSics, Sbi }

/// <summary>
/// The balance as a device: ask for the current weight, get a parsed reply. MT-SICS asks "SI" (the
/// immediate weight, stable or not: the gravimetric method reads at fixed times, it cannot wait for
/// stability); SBI sends ESC P.
/// </summary>
public sealed class BalanceDevice(IBalanceTransport transport, BalanceProtocol protocol)
{
    public static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(2);

    /// <summary>How long one wait on the link lasts while a reply is awaited on a bench clock: short, so that the deadline is kept on that clock.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);

    // SBI leaves the unit blank on an unstable reading; it is the unit of the last stable one.
    private string _sbiUnit = "g";

    public BalanceProtocol Protocol => protocol;

    /// <summary>Lines that arrived unasked before the last request and were dropped (late answers to earlier requests).</summary>
    public IReadOnlyList<string> Dropped { get; private set; } = Array.Empty<string>();

    public BalanceReply ReadWeight()
    {
        Request();
        string? line = transport.ReceiveLine(ReplyTimeout);
        if (line == null) throw new TimeoutException($"no reply from the balance within {ReplyTimeout.TotalSeconds} s");
        return Parse(line);
    }

    /// <summary>
    /// Asks for the weight and waits for the reply until <paramref name="timeoutMilliseconds"/> have passed
    /// on <paramref name="clock"/> (the recorder's clock, so that the wait ends before the next tick).
    /// </summary>
    /// <exception cref="TimeoutException">no reply came in time.</exception>
    public BalanceReply ReadWeight(IBenchClock clock, long timeoutMilliseconds)
    {
        Request();
        long deadline = clock.ElapsedMilliseconds + timeoutMilliseconds;
        while (true)
        {
            if (clock.ElapsedMilliseconds >= deadline)
                throw new TimeoutException($"no reply from the balance within {timeoutMilliseconds} ms");
            string? line = transport.ReceiveLine(PollInterval);
            if (line != null) return Parse(line);
        }
    }

    private void Request()
    {
        // A reply that came after the previous request timed out would otherwise answer this one, and
        // every reading after it would be one interval old.
        Dropped = transport.DiscardPending();
        transport.Send(protocol == BalanceProtocol.MtSics ? "SI" : "\u001bP");
    }

    private BalanceReply Parse(string line)
    {
        if (protocol == BalanceProtocol.MtSics) return MtSicsParser.Parse(line);
        var reply = SbiParser.Parse(line, _sbiUnit);
        if (reply.Kind == ReplyKind.Stable) _sbiUnit = reply.Unit;
        return reply;
    }
}
