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

    public BalanceReply ReadWeight()
    {
        transport.Send(protocol == BalanceProtocol.MtSics ? "SI" : "\u001bP");
        string? line = transport.ReceiveLine(ReplyTimeout);
        if (line == null) throw new TimeoutException($"no reply from the balance within {ReplyTimeout.TotalSeconds} s");
        return protocol == BalanceProtocol.MtSics ? MtSicsParser.Parse(line) : SbiParser.Parse(line);
    }
}
