using System.Globalization;

namespace OpenIdds.Programmer.Cli;

/// <summary>What a clinician types and reads: mL, uL/h, mg, durations; parsed exactly and shown with their units.</summary>
public static class Units
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Microliters(long nanoliters) => (nanoliters / 1000.0).ToString("0.000", Invariant) + " uL";
    public static string Milliliters(long nanoliters) => (nanoliters / 1_000_000.0).ToString("0.000", Invariant) + " mL";
    public static string Rate(long nanolitersPerHour) => (nanolitersPerHour / 1000.0).ToString("0.000", Invariant) + " uL/h";
    /// <summary>A drug mass to the nanogram (ziconotide is dosed in tenths of a microgram a day): "1.440 ug", "12.500125 mg".</summary>
    public static string Dose(long nanograms) => nanograms >= 1_000_000 ? (nanograms / 1_000_000m).ToString("0.000###", Invariant) + " mg" : (nanograms / 1000m).ToString("0.000", Invariant) + " ug";

    public static string Duration(long milliseconds)
    {
        if (milliseconds == long.MaxValue) return "never";
        var t = TimeSpan.FromMilliseconds(Math.Abs(milliseconds));
        static string Two(long big, string bigUnit, long small, string smallUnit) => small == 0 ? $"{big} {bigUnit}" : $"{big} {bigUnit} {small} {smallUnit}";
        string text = t.TotalDays >= 1 ? Two((long)t.TotalDays, "d", t.Hours, "h")
            : t.TotalHours >= 1 ? Two(t.Hours, "h", t.Minutes, "min")
            : t.TotalMinutes >= 1 ? Two(t.Minutes, "min", t.Seconds, "s")
            : $"{t.TotalSeconds:0} s";
        return milliseconds < 0 ? "-" + text : text;
    }

    /// <summary>A pump time as the host's local wall clock, given the pump's time now (the pump has no calendar).</summary>
    public static string WallClock(long pumpTime, long pumpNow, DateTimeOffset hostNow)
    {
        if (pumpTime == long.MaxValue) return "never";
        return (hostNow + TimeSpan.FromMilliseconds(pumpTime - pumpNow)).ToLocalTime().ToString("yyyy-MM-dd HH:mm", Invariant);
    }

    /// <summary>A decimal in the user's units to an exact integer of thousandths (mL to uL... uL/h to nL/h), refusing anything else.</summary>
    public static long Thousandths(string text, string field)
    {
        if (!decimal.TryParse(text, NumberStyles.Number, Invariant, out decimal value))
            throw new Link.LinkException($"{field} '{text}' is not a number (use a dot for decimals)");
        decimal scaled = value * 1000m;
        if (scaled != decimal.Truncate(scaled)) throw new Link.LinkException($"{field} {text} has more than three decimals");
        return (long)scaled;
    }
}
