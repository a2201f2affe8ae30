using System.Globalization;

namespace OpenIdds.Bench.Analysis;

/// <summary>One hour of the pump's own delivery log: when it ended, what the pump commanded (steps x calibration), and what the prescription asked for in it, when the log says.</summary>
public sealed record PumpLogHour(long HourEndMilliseconds, double CommandedMicroliters, double? PrescribedMicroliters = null);

/// <summary>
/// Separates mechanism error from scheduling error, hour by hour. The pump's own delivery log says
/// what it commanded (steps x calibration) and what the prescription asked for in that hour; the
/// balance says what arrived. Scheduling error = commanded vs prescribed (the firmware's arithmetic and
/// timing); mechanism error = delivered vs commanded (calibration, slip, compliance, leaks). The
/// prescribed volume comes from the log because a flex schedule changes it from hour to hour; a single
/// set rate is only the fallback for a log that does not carry it.
/// </summary>
public static class MechanismComparison
{
    public sealed record Hour(int Index, double PrescribedMicroliters, double CommandedMicroliters, double DeliveredMicroliters)
    {
        /// <summary>NaN in an hour with nothing prescribed (a paused pump): there is nothing to be in error against.</summary>
        public double SchedulingErrorPercent => PrescribedMicroliters > 0 ? 100 * (CommandedMicroliters - PrescribedMicroliters) / PrescribedMicroliters : double.NaN;
        public double MechanismErrorPercent => CommandedMicroliters > 0 ? 100 * (DeliveredMicroliters - CommandedMicroliters) / CommandedMicroliters : double.NaN;
    }

    public const string Header = "hour_end_ms,commanded_ul,prescribed_ul";

    /// <summary>The pump log CSV: <c>hour_end_ms,commanded_ul[,prescribed_ul]</c>, one line per hour of delivery.</summary>
    public static List<PumpLogHour> ReadPumpLog(string path)
    {
        var rows = new List<PumpLogHour>();
        int line = 0;
        bool hasPrescribed = false;
        long previous = long.MinValue;
        foreach (string text in File.ReadLines(path))
        {
            line++;
            if (line == 1)
            {
                if (!text.StartsWith("hour_end_ms,commanded_ul", StringComparison.Ordinal)) throw new InvalidDataException($"{path} line 1: header must be '{Header}' (prescribed_ul optional), found '{text}'");
                hasPrescribed = text.Split(',').Length > 2 && text.Split(',')[2] == "prescribed_ul";
                continue;
            }
            if (text.Length == 0) continue;
            string[] parts = text.Split(',');
            if (parts.Length < (hasPrescribed ? 3 : 2)) throw new InvalidDataException($"{path} line {line}: truncated, expected {(hasPrescribed ? Header : "hour_end_ms,commanded_ul")}, found '{text}'");
            if (!long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out long end) || end <= previous)
                throw new InvalidDataException($"{path} line {line}: hour_end_ms '{parts[0]}' is not a whole number of milliseconds after the previous hour's {previous}");
            double Volume(int column, string name) =>
                double.TryParse(parts[column], NumberStyles.Float, CultureInfo.InvariantCulture, out double ul) && ul >= 0 && double.IsFinite(ul)
                    ? ul : throw new InvalidDataException($"{path} line {line}: {name} '{parts[column]}' is not a volume of 0 uL or more");
            rows.Add(new PumpLogHour(end, Volume(1, "commanded_ul"), hasPrescribed ? Volume(2, "prescribed_ul") : null));
            previous = end;
        }
        return rows;
    }

    /// <param name="fallbackRateMicrolitersPerHour">the set rate, used only for hours whose log line has no prescribed volume</param>
    /// <exception cref="ArgumentException">an hour has no prescribed volume and no fallback rate was given.</exception>
    public static List<Hour> Compare(IReadOnlyList<PumpLogHour> pumpLog, IReadOnlyList<BalanceReading> balance, double? fallbackRateMicrolitersPerHour, double densityMilligramsPerMicroliter)
    {
        var mass = new Dictionary<long, double>();
        foreach (var b in balance)
            if (!b.Gap) mass[b.TimeMilliseconds] = b.MassMilligrams;
        var hours = new List<Hour>();
        for (int i = 0; i < pumpLog.Count; i++)
        {
            long end = pumpLog[i].HourEndMilliseconds, start = end - 3_600_000;
            if (balance.Count == 0 || start < balance[0].TimeMilliseconds) continue;
            double prescribed = pumpLog[i].PrescribedMicroliters ?? fallbackRateMicrolitersPerHour
                ?? throw new ArgumentException($"hour {i + 1} of the pump log has no prescribed_ul and no --rate was given to fall back on");
            // A gap at either end of the hour leaves it unmeasured, never measured against another time.
            double delivered = mass.TryGetValue(start, out double m0) && mass.TryGetValue(end, out double m1)
                ? (m1 - m0) / densityMilligramsPerMicroliter : double.NaN;
            hours.Add(new Hour(i + 1, prescribed, pumpLog[i].CommandedMicroliters, delivered));
        }
        return hours;
    }
}
