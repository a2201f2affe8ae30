using System.Globalization;

namespace OpenIdds.Bench.Balance;

/// <summary>
/// Mettler Toledo MT-SICS replies, parsed by whitespace, never by column: <c>S S 12.34567 g</c>
/// (stable), <c>S D ...</c> (dynamic), <c>S I</c> (cannot execute now), <c>S +</c> / <c>S -</c>
/// (overload / underload), and the whole-line errors <c>ES</c>, <c>ET</c>, <c>EL</c>.
/// </summary>
public static class MtSicsParser
{
    public static BalanceReply Parse(string line)
    {
        string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 1)
        {
            return parts[0] switch
            {
                "ES" => new BalanceReply(ReplyKind.SyntaxError, Raw: line),
                "ET" => new BalanceReply(ReplyKind.TransmissionError, Raw: line),
                "EL" => new BalanceReply(ReplyKind.LogicalError, Raw: line),
                _ => new BalanceReply(ReplyKind.Unreadable, Raw: line),
            };
        }
        if (parts.Length < 2 || (parts[0] != "S" && parts[0] != "SI")) return new BalanceReply(ReplyKind.Unreadable, Raw: line);
        switch (parts[1])
        {
            case "I": return new BalanceReply(ReplyKind.NotExecutable, Raw: line);
            case "+": return new BalanceReply(ReplyKind.Overload, Raw: line);
            case "-": return new BalanceReply(ReplyKind.Underload, Raw: line);
            case "S":
            case "D":
                if (parts.Length >= 4
                    && double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
                    && UnitConversion.TryToMilligrams(value, parts[3], out double mg))
                {
                    return new BalanceReply(parts[1] == "S" ? ReplyKind.Stable : ReplyKind.Dynamic, mg, line, parts[3]);
                }
                return new BalanceReply(ReplyKind.Unreadable, Raw: line);
            default:
                return new BalanceReply(ReplyKind.Unreadable, Raw: line);
        }
    }
}
