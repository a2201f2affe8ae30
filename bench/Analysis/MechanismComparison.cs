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

    /// <summary>The CSV columns of `iddsctl log export` that this reads.</summary>
    public static readonly string[] EventColumns = { "PumpTimeMs", "Time", "Kind", "A" };

    /// <summary>
    /// A real pump's log: the `iddsctl log export` CSV. Each <c>hourly-delivery</c> event (A = motor steps
    /// in the hour) becomes one hour, ending at the event's host time less the balance's start
    /// (<paramref name="balanceStartedAt"/>, from the recorder's first row), so both are on the host's
    /// clock. Commanded volume = steps x the calibration: the newest <c>calibrated</c> event before the
    /// hour (A = pL/step), else <paramref name="nanolitersPerStep"/>. The log has no prescribed volume:
    /// the set rate (--rate) stands in.
    /// </summary>
    public static List<PumpLogHour> ReadPumpEvents(string path, DateTimeOffset balanceStartedAt, double? nanolitersPerStep)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvHelper.CsvReader(reader, CultureInfo.InvariantCulture);
        if (!csv.Read() || !csv.ReadHeader()) throw new InvalidDataException($"{path}: empty file, expected the header of `iddsctl log export --format csv`");
        foreach (string column in EventColumns)
            if (Array.IndexOf(csv.HeaderRecord!, column) < 0) throw new InvalidDataException($"{path} line 1: no {column} column: this is not an `iddsctl log export --format csv` file");
        var rows = new List<PumpLogHour>();
        double? perStep = nanolitersPerStep;
        long previous = long.MinValue;
        while (csv.Read())
        {
            int line = csv.Parser.RawRow;
            string kind = csv.GetField("Kind") ?? "";
            string a = csv.GetField("A") ?? "";
            if (!long.TryParse(a, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value))
                throw new InvalidDataException($"{path} line {line}: A '{a}' is not a whole number");
            if (kind == "calibrated") { perStep = value / 1000.0; continue; }
            if (kind != "hourly-delivery") continue;
            string time = csv.GetField("Time") ?? "";
            if (!DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
                throw new InvalidDataException($"{path} line {line}: Time '{time}' is not an ISO 8601 time");
            if (perStep is not double nl)
                throw new ArgumentException($"{path} line {line}: no calibrated event before this hour and no --nl-per-step: the commanded volume is steps x nL/step");
            long end = (long)Math.Round((at - balanceStartedAt).TotalMilliseconds);
            if (end <= previous) throw new InvalidDataException($"{path} line {line}: hourly-delivery at {time} is not after the previous one");
            rows.Add(new PumpLogHour(end, value * nl / 1000.0));
            previous = end;
        }
        return rows;
    }

    /// <summary>Readings further apart than this around an hour's end leave it unmeasured: the mass there would be a guess.</summary>
    public const long MaxBracketMilliseconds = 120_000;

    /// <summary>
    /// The mass at <paramref name="t"/>: the reading at that time, or the straight line between the
    /// readings either side of it when they are at most <see cref="MaxBracketMilliseconds"/> apart and
    /// neither is a gap (a real pump's hours do not end on the recorder's grid). NaN otherwise.
    /// </summary>
    public static double MassAt(IReadOnlyList<BalanceReading> balance, long t)
    {
        int lo = 0, hi = balance.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            long at = balance[mid].TimeMilliseconds;
            if (at == t) return balance[mid].Gap ? double.NaN : balance[mid].MassMilligrams;
            if (at < t) lo = mid + 1; else hi = mid - 1;
        }
        if (hi < 0 || lo >= balance.Count) return double.NaN;
        BalanceReading before = balance[hi], after = balance[lo];
        if (before.Gap || after.Gap || after.TimeMilliseconds - before.TimeMilliseconds > MaxBracketMilliseconds) return double.NaN;
        double f = (double)(t - before.TimeMilliseconds) / (after.TimeMilliseconds - before.TimeMilliseconds);
        return before.MassMilligrams + f * (after.MassMilligrams - before.MassMilligrams);
    }

    /// <param name="fallbackRateMicrolitersPerHour">the set rate, used only for hours whose log line has no prescribed volume</param>
    /// <exception cref="ArgumentException">an hour has no prescribed volume and no fallback rate was given.</exception>
    public static List<Hour> Compare(IReadOnlyList<PumpLogHour> pumpLog, IReadOnlyList<BalanceReading> balance, double? fallbackRateMicrolitersPerHour, double densityMilligramsPerMicroliter)
    {
        var hours = new List<Hour>();
        for (int i = 0; i < pumpLog.Count; i++)
        {
            long end = pumpLog[i].HourEndMilliseconds, start = end - 3_600_000;
            if (balance.Count == 0 || start < balance[0].TimeMilliseconds) continue;
            double prescribed = pumpLog[i].PrescribedMicroliters ?? fallbackRateMicrolitersPerHour
                ?? throw new ArgumentException($"hour {i + 1} of the pump log has no prescribed_ul and no --rate was given to fall back on");
            // A gap at either end of the hour leaves it unmeasured, never measured against another time.
            double delivered = (MassAt(balance, end) - MassAt(balance, start)) / densityMilligramsPerMicroliter;
            hours.Add(new Hour(i + 1, prescribed, pumpLog[i].CommandedMicroliters, delivered));
        }
        return hours;
    }
}
