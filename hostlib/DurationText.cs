using System.Globalization;
using System.Text.RegularExpressions;

namespace OpenIdds.HostLib;

/// <summary>
/// Durations and times of day as people write them, in every host tool: a number and a unit, or several,
/// largest unit first (<c>90s</c>, <c>15min</c> or <c>15m</c>, <c>1.5h</c>, <c>2h30m</c>, <c>1d6h</c>,
/// <c>250ms</c>); and <c>HH:MM</c> for a time of day. The unit is required: a bare "2" could be minutes
/// or hours. Exact: decimal arithmetic, a whole number of milliseconds, checked against the limit.
/// </summary>
public static partial class DurationText
{
    [GeneratedRegex(@"\G(\d+(?:\.\d+)?)(ms|min|d|h|m|s)", RegexOptions.CultureInvariant)]
    private static partial Regex Part();

    [GeneratedRegex(@"^(\d{1,2}):(\d{2})(?::(\d{2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Clock();

    /// <summary>The largest duration: what a long of milliseconds holds, in whole days.</summary>
    public const long MaximumDays = long.MaxValue / 86_400_000;

    private static readonly string[] Order = ["d", "h", "min", "s", "ms"];

    /// <exception cref="InputException">not a duration, not a whole number of milliseconds, or above <see cref="MaximumDays"/>; the message names <paramref name="field"/> and the text.</exception>
    public static long ParseMilliseconds(string text, string field)
    {
        string trimmed = text.Trim();
        decimal total = 0;
        int at = 0, last = -1;
        try
        {
            foreach (Match m in Part().Matches(trimmed))
            {
                string unit = m.Groups[2].Value == "m" ? "min" : m.Groups[2].Value;
                int rank = Array.IndexOf(Order, unit);
                if (rank <= last) throw NotADuration(text, field);
                last = rank;
                decimal scale = unit switch { "d" => 86_400_000m, "h" => 3_600_000m, "min" => 60_000m, "s" => 1_000m, _ => 1m };
                total = checked(total + decimal.Parse(m.Groups[1].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) * scale);
                at = m.Index + m.Length;
            }
        }
        catch (OverflowException)
        {
            throw TooLong(text, field);
        }
        if (trimmed.Length == 0 || at != trimmed.Length) throw NotADuration(text, field);
        if (total > long.MaxValue) throw TooLong(text, field);
        if (total != decimal.Truncate(total))
            throw new InputException(string.Create(CultureInfo.InvariantCulture, $"{field} '{text}' is {total:0.#########} ms: give a whole number of milliseconds"));
        return (long)total;
    }

    /// <summary>A duration of at least <paramref name="minimumMilliseconds"/>.</summary>
    public static long ParseMilliseconds(string text, string field, long minimumMilliseconds)
    {
        long ms = ParseMilliseconds(text, field);
        if (ms < minimumMilliseconds)
            throw new InputException(string.Create(CultureInfo.InvariantCulture, $"{field} '{text}' is {ms} ms, below the least allowed, {minimumMilliseconds} ms"));
        return ms;
    }

    /// <summary>A time of day, <c>HH:MM</c> (with <paramref name="seconds"/>, also <c>HH:MM:SS</c>), 00:00 to 23:59, as milliseconds since midnight.</summary>
    /// <exception cref="InputException">another shape, or outside the day.</exception>
    public static long ParseTimeOfDay(string text, string field, bool seconds = false)
    {
        var m = Clock().Match(text.Trim());
        string shape = seconds ? "HH:MM or HH:MM:SS" : "HH:MM";
        if (!m.Success || (!seconds && m.Groups[3].Success))
            throw new InputException($"{field} '{text}' is not a time of day ({shape}, 00:00-23:59)");
        int h = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), min = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        int s = m.Groups[3].Success ? int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture) : 0;
        if (h > 23 || min > 59 || s > 59) throw new InputException($"{field} '{text}' is outside 00:00-23:59");
        return ((h * 60L + min) * 60 + s) * 1000;
    }

    private static InputException NotADuration(string text, string field) =>
        new($"{field} '{text}' is not a duration: give a number and a unit (d, h, min or m, s, ms), largest first, e.g. 90s, 15min, 1.5h, 2h30m or 1d6h");

    private static InputException TooLong(string text, string field) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{field} '{text}' is above the limit of {MaximumDays} days"));
}
