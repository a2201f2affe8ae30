using System.Globalization;

namespace OpenIdds.Bench.Balance;

/// <summary>
/// Sartorius SBI print lines: 16 or 22 characters, an optional identifier, a sign, the value and a unit
/// field; a blank unit means the reading is not stable; special lines <c>High</c>, <c>Low</c> and
/// <c>Err ###</c>. Parsed by fields, not fixed columns, because models differ in their padding.
/// </summary>
public static class SbiParser
{
    public static BalanceReply Parse(string line)
    {
        string text = line.Trim();
        if (text.Contains("High", StringComparison.OrdinalIgnoreCase)) return new BalanceReply(ReplyKind.Overload, Raw: line);
        if (text.Contains("Low", StringComparison.OrdinalIgnoreCase)) return new BalanceReply(ReplyKind.Underload, Raw: line);
        if (text.StartsWith("Err", StringComparison.OrdinalIgnoreCase)) return new BalanceReply(ReplyKind.LogicalError, Raw: line);
        string[] parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // Drop a leading identifier such as "N" or "G" (net / gross).
        int i = parts.Length > 0 && parts[0].Length <= 2 && char.IsLetter(parts[0][0]) && parts[0] != "+" && parts[0] != "-" ? 1 : 0;
        string number = "";
        for (; i < parts.Length && (parts[i] == "+" || parts[i] == "-" || double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out _)); i++)
            number += parts[i];
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)) return new BalanceReply(ReplyKind.Unreadable, Raw: line);
        if (i >= parts.Length) return new BalanceReply(ReplyKind.Dynamic, value * 1000, line);   // blank unit: unstable, grams assumed
        return UnitConversion.TryToMilligrams(value, parts[i], out double mg)
            ? new BalanceReply(ReplyKind.Stable, mg, line)
            : new BalanceReply(ReplyKind.Unreadable, Raw: line);
    }
}
