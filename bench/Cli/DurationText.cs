using System.Globalization;
using System.Text.RegularExpressions;

namespace OpenIdds.Bench.Cli;

/// <summary>
/// Durations on the command line: a number and a unit, or several (<c>30s</c>, <c>0.5min</c>, <c>15m</c>,
/// <c>2h</c>, <c>1h30m</c>, <c>200ms</c>, <c>2d</c>). The unit is required: the standard speaks minutes,
/// the low-rate profile hours and the recorder milliseconds, and a bare "2" would mean any of them.
/// </summary>
public static partial class DurationText
{
    [GeneratedRegex(@"\G(\d+(?:\.\d+)?)(ms|s|min|m|h|d)", RegexOptions.CultureInvariant)]
    private static partial Regex Part();

    /// <exception cref="ArgumentException">the text is not a duration; the message names <paramref name="option"/> and the text.</exception>
    public static double ParseMilliseconds(string text, string option)
    {
        string trimmed = text.Trim();
        double total = 0;
        int at = 0;
        foreach (Match m in Part().Matches(trimmed))
        {
            double value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            total += value * m.Groups[2].Value switch { "ms" => 1, "s" => 1_000, "min" or "m" => 60_000, "h" => 3_600_000, _ => 86_400_000 };
            at = m.Index + m.Length;
        }
        if (trimmed.Length == 0 || at != trimmed.Length)
            throw new ArgumentException($"{option} '{text}' is not a duration: give a number and a unit (ms, s, min, h, d), e.g. 30s, 15min, 2h or 1h30min");
        return total;
    }

    public static double ParseMinutes(string text, string option) => ParseMilliseconds(text, option) / 60_000;

    /// <summary>A comma-separated list of durations, e.g. <c>2min,5min,11min</c>, in minutes.</summary>
    public static double[] ParseMinutesList(string text, string option)
    {
        string[] parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length == 0 || parts.Any(p => p.Length == 0)) throw new ArgumentException($"{option} '{text}' is not a list of durations, e.g. 2min,5min,11min,19min,31min");
        return parts.Select(p => ParseMinutes(p, option)).ToArray();
    }

    /// <summary>Whole milliseconds at least <paramref name="minimumMilliseconds"/>, for the recorder's clock.</summary>
    public static long ParseWholeMilliseconds(string text, string option, long minimumMilliseconds)
    {
        double ms = ParseMilliseconds(text, option);
        if (Math.Abs(ms - Math.Round(ms)) > 1e-6) throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{option} '{text}' is {ms} ms: give a whole number of milliseconds"));
        if (ms < minimumMilliseconds) throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{option} '{text}' is {ms} ms, below the least the recorder takes, {minimumMilliseconds} ms"));
        return (long)Math.Round(ms);
    }
}
