using System.Text.RegularExpressions;

namespace OpenIdds.Simulator.Scenarios;

/// <summary>Scenario times as people write them: "90s", "15m", "2h30m", "3d", "1d6h", or "HH:MM" for a time of day.</summary>
public static partial class DurationText
{
    [GeneratedRegex(@"^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m(?!s))?(?:(\d+)s)?(?:(\d+)ms)?$")]
    private static partial Regex Pattern();

    [GeneratedRegex(@"^(\d{1,2}):(\d{2})$")]
    private static partial Regex Clock();

    public static long ParseMilliseconds(string text, string field)
    {
        var m = Pattern().Match(text.Trim());
        if (!m.Success || text.Trim().Length == 0)
            throw new ScenarioException($"{field}: '{text}' is not a duration (examples: 90s, 15m, 2h30m, 3d, 1d6h, 250ms)");
        long Part(int i, long unit) => m.Groups[i].Success ? checked(long.Parse(m.Groups[i].Value) * unit) : 0;
        try { return checked(Part(1, 86_400_000) + Part(2, 3_600_000) + Part(3, 60_000) + Part(4, 1000) + Part(5, 1)); }
        catch (OverflowException) { throw new ScenarioException($"{field}: '{text}' is above the limit of {long.MaxValue / 86_400_000}d"); }
    }

    public static long ParseTimeOfDay(string text, string field)
    {
        var m = Clock().Match(text.Trim());
        if (!m.Success) throw new ScenarioException($"{field}: '{text}' is not a time of day (HH:MM, 00:00-23:59)");
        int h = int.Parse(m.Groups[1].Value), min = int.Parse(m.Groups[2].Value);
        if (h > 23 || min > 59) throw new ScenarioException($"{field}: '{text}' is outside 00:00-23:59");
        return (h * 60L + min) * 60_000;
    }
}

/// <summary>A scenario file that cannot be run, with the field and the reason.</summary>
public sealed class ScenarioException(string message) : Exception(message);
