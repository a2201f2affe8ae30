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

    // SBI leaves the unit blank on an unstable reading; it is the unit of the last stable one.
    private string _sbiUnit = "g";

    public BalanceProtocol Protocol => protocol;

    public BalanceReply ReadWeight()
    {
        // A reply that came after the previous request timed out would otherwise answer this one, and
        // every reading after it would be one interval old.
        transport.DiscardPending();
        transport.Send(protocol == BalanceProtocol.MtSics ? "SI" : "\u001bP");
        string? line = transport.ReceiveLine(ReplyTimeout);
        if (line == null) throw new TimeoutException($"no reply from the balance within {ReplyTimeout.TotalSeconds} s");
        if (protocol == BalanceProtocol.MtSics) return MtSicsParser.Parse(line);
        var reply = SbiParser.Parse(line, _sbiUnit);
        if (reply.Kind == ReplyKind.Stable) _sbiUnit = reply.Unit;
        return reply;
    }
}
