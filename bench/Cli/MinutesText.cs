namespace OpenIdds.Bench.Cli;

/// <summary>The analysis settings speak minutes (IEC 60601-2-24's windows and periods): durations as <see cref="DurationText"/> reads them, in minutes.</summary>
public static class MinutesText
{
    public static double ParseMinutes(string text, string option) => DurationText.ParseMilliseconds(text, option) / 60_000.0;

    /// <summary>A comma-separated list of durations, e.g. <c>2min,5min,11min</c>, in minutes.</summary>
    public static double[] ParseMinutesList(string text, string option)
    {
        string[] parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length == 0 || parts.Any(p => p.Length == 0)) throw new InputException($"{option} '{text}' is not a list of durations, e.g. 2min,5min,11min,19min,31min");
        return parts.Select(p => ParseMinutes(p, option)).ToArray();
    }
}
