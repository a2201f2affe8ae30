namespace OpenIdds.Firmware.Units
{
    /// <summary>
    /// A duration as a clinician reads it: "4 min 12 s", "2 h", "1 d 6 h" - the two largest units, with
    /// the exact milliseconds after it only where those units round it down ("17.5 s (17541 ms)",
    /// "1 d (86400001 ms)"), so a value just past a limit never reads as the limit itself.
    /// </summary>
    public static class ClinicalDuration
    {
        public static string Of(Milliseconds duration)
        {
            if (duration.IsNever) return "never";
            long shown;
            string text = Rounded(duration.Value, out shown);
            return shown == duration.Value || -shown == duration.Value ? text : text + " (" + duration.Value.ToString() + " ms)";
        }

        private static string Rounded(long value, out long shown)
        {
            long v = value;
            string sign = "";
            if (v < 0) { sign = "-"; v = -v; }
            shown = v;
            if (v < Milliseconds.PerSecond) return sign + v.ToString() + " ms";
            long seconds = v / Milliseconds.PerSecond;
            if (seconds < 60)
            {
                long tenths = v % Milliseconds.PerSecond / 100;
                shown = seconds * Milliseconds.PerSecond + tenths * 100;
                return sign + seconds.ToString() + (tenths == 0 ? "" : "." + tenths.ToString()) + " s";
            }
            long minutes = seconds / 60;
            shown = seconds * Milliseconds.PerSecond;
            if (minutes < 60) return sign + Two(minutes, "min", seconds % 60, "s");
            long hours = minutes / 60;
            shown = minutes * Milliseconds.PerMinute;
            if (hours < 24) return sign + Two(hours, "h", minutes % 60, "min");
            shown = hours * Milliseconds.PerHour;
            return sign + Two(hours / 24, "d", hours % 24, "h");
        }

        private static string Two(long big, string bigUnit, long small, string smallUnit)
        {
            return small == 0 ? big.ToString() + " " + bigUnit : big.ToString() + " " + bigUnit + " " + small.ToString() + " " + smallUnit;
        }
    }
}
