namespace OpenIdds.Bench.Balance;

/// <summary>
/// Why a balance gave no weight at the start of a recording, from what it sent (or did not): the
/// sentence `bench record` prints before it stops, so that a wrong protocol, baud rate or cable is
/// found in the first minute and not after a 48-hour run of gaps.
/// </summary>
public static class NoWeightDiagnosis
{
    public static string Suggest(BalanceProtocol protocol, IReadOnlyList<string> received)
    {
        string name = protocol == BalanceProtocol.MtSics ? "mt-sics" : "sbi", other = protocol == BalanceProtocol.MtSics ? "sbi" : "mt-sics";
        if (received.Count == 0)
            return $"nothing came back: check the cable (TX and RX crossed as the balance's manual says, a null-modem adapter if it asks for one, RTS/CTS wired for --handshake rts-cts), that the balance's interface is on and set to {name}, and --baud";
        if (received.Any(line => line.Any(c => (c < ' ' && c != '\t') || c > '~')))
            return "garbled characters came back: the serial settings differ from the balance's; check --baud, --data-bits, --parity and --stop-bits against its interface menu";
        if (received.Any(line => LooksLike(other == "sbi" ? BalanceProtocol.Sbi : BalanceProtocol.MtSics, line)))
            return $"the balance answers in {other}: give --protocol {other}";
        var kinds = received.Select(line => (protocol == BalanceProtocol.MtSics ? MtSicsParser.Parse(line) : SbiParser.Parse(line)).Kind).ToList();
        if (kinds.All(k => k is ReplyKind.Overload or ReplyKind.Underload))
            return "the balance reports overload or underload: check what is on the pan, and tare it with the vessel on it";
        if (kinds.All(k => k == ReplyKind.NotExecutable))
            return "the balance cannot weigh now (adjusting, taring or not yet warmed up): wait for it, then start again";
        if (protocol == BalanceProtocol.MtSics && kinds.Any(k => k is ReplyKind.SyntaxError or ReplyKind.LogicalError))
            return "the balance does not accept 'SI': set its interface to MT-SICS (host or dialog mode, not print), or give --protocol sbi for a Sartorius";
        return $"replies came but none was a weight in {name}: check --protocol and the balance's interface settings (output format, print without stability for SBI)";
    }

    private static bool LooksLike(BalanceProtocol protocol, string line) => protocol == BalanceProtocol.MtSics
        ? MtSicsParser.Parse(line).Kind is ReplyKind.Stable or ReplyKind.Dynamic or ReplyKind.SyntaxError
        : SbiParser.Parse(line).Kind is ReplyKind.Stable or ReplyKind.Dynamic;
}
