using System.Globalization;

namespace OpenIdds.Bench.Balance;

/// <summary>
/// Sartorius SBI print lines, by their fixed columns. A line is 16 characters with its CR LF (14 before
/// it), or 22 when a 6-character identifier (<c>N</c> net, <c>G#</c> gross, <c>Stat</c> status, ...)
/// leads it. Of the 14: column 1 the sign (or a space), columns 2-11 the value with its decimal point and
/// leading spaces (brackets may mark non-verified digits), columns 12-14 the unit. A blank unit is how
/// SBI says the reading is not stable. Instead of a value the line may carry a special code (<c>H</c>,
/// <c>HH</c> overload, <c>L</c>, <c>LL</c> underload, <c>C</c> adjusting; some models print High and Low)
/// or an error (<c>Err ##</c> / <c>Err ###</c>). Any other length is refused: a wrong baud rate or data
/// format garbles lines, and a garbled line must not become a weight.
/// </summary>
public static class SbiParser
{
    public const int Width = 14, WidthWithIdentifier = 20;

    /// <param name="line">the line without its CR LF</param>
    /// <param name="unitWhenBlank">the unit to read an unstable value in: SBI leaves it blank, so the caller passes the unit of the last stable reading</param>
    public static BalanceReply Parse(string line, string unitWhenBlank = "g")
    {
        string identifier, body;
        if (line.Length == Width) (identifier, body) = ("", line);
        else if (line.Length == WidthWithIdentifier) (identifier, body) = (line[..6].Trim(), line[6..]);
        else return new BalanceReply(ReplyKind.Unreadable, Raw: line);

        string text = body.Trim();
        if (text.StartsWith("Err", StringComparison.OrdinalIgnoreCase)) return new BalanceReply(ReplyKind.BalanceError, Raw: line);
        switch (text)
        {
            case "H" or "HH" or "High": return new BalanceReply(ReplyKind.Overload, Raw: line);
            case "L" or "LL" or "Low": return new BalanceReply(ReplyKind.Underload, Raw: line);
            case "C": return new BalanceReply(ReplyKind.NotExecutable, Raw: line);
        }
        if (identifier.Equals("Stat", StringComparison.OrdinalIgnoreCase)) return new BalanceReply(ReplyKind.Unreadable, Raw: line);

        char sign = body[0];
        string digits = body[1..11].Replace("[", "").Replace("]", "").Trim();
        string unit = body[11..].Trim();
        if (sign is not ('+' or '-' or ' ') || digits.Length == 0
            || !double.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value))
            return new BalanceReply(ReplyKind.Unreadable, Raw: line);
        if (sign == '-') value = -value;
        bool stable = unit.Length > 0;
        if (!UnitConversion.TryToMilligrams(value, stable ? unit : unitWhenBlank, out double mg)) return new BalanceReply(ReplyKind.Unreadable, Raw: line);
        return new BalanceReply(stable ? ReplyKind.Stable : ReplyKind.Dynamic, mg, line, stable ? unit : unitWhenBlank);
    }
}
