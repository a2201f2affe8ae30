using System.Globalization;

namespace OpenIdds.Bench.Analysis;

/// <summary>
/// Separates mechanism error from scheduling error, hour by hour. The pump's own delivery log says
/// what it commanded (steps x calibration); the prescription says what it should have commanded; the
/// balance says what arrived. Scheduling error = commanded vs prescribed (the firmware's arithmetic and
/// timing); mechanism error = delivered vs commanded (calibration, slip, compliance, leaks).
/// </summary>
public static class MechanismComparison
{
    public sealed record Hour(int Index, double PrescribedMicroliters, double CommandedMicroliters, double DeliveredMicroliters)
    {
        public double SchedulingErrorPercent => 100 * (CommandedMicroliters - PrescribedMicroliters) / PrescribedMicroliters;
        public double MechanismErrorPercent => 100 * (DeliveredMicroliters - CommandedMicroliters) / CommandedMicroliters;
    }

    /// <summary>The pump log CSV: <c>hour_end_ms,commanded_ul</c>, one line per hour of delivery.</summary>
    public static List<(long HourEndMilliseconds, double CommandedMicroliters)> ReadPumpLog(string path)
    {
        var rows = new List<(long, double)>();
        int line = 0;
        foreach (string text in File.ReadLines(path))
        {
            line++;
            if (line == 1)
            {
                if (!text.StartsWith("hour_end_ms,commanded_ul", StringComparison.Ordinal)) throw new InvalidDataException($"{path} line 1: header must be 'hour_end_ms,commanded_ul'");
                continue;
            }
            string[] parts = text.Split(',');
            if (parts.Length < 2 || !long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out long end)
                || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double ul))
                throw new InvalidDataException($"{path} line {line}: expected hour_end_ms,commanded_ul numbers, got '{text}'");
            rows.Add((end, ul));
        }
        return rows;
    }

    public static List<Hour> Compare(IReadOnlyList<(long HourEndMilliseconds, double CommandedMicroliters)> pumpLog, IReadOnlyList<BalanceReading> balance, double setRateMicrolitersPerHour, double densityMilligramsPerMicroliter)
    {
        double MassAt(long t)
        {
            var reading = balance.Where(b => !b.Gap && b.TimeMilliseconds <= t).LastOrDefault()
                ?? throw new InvalidDataException($"no balance reading at or before {t} ms");
            return reading.MassMilligrams;
        }
        var hours = new List<Hour>();
        for (int i = 0; i < pumpLog.Count; i++)
        {
            long end = pumpLog[i].HourEndMilliseconds, start = end - 3_600_000;
            if (start < balance[0].TimeMilliseconds) continue;
            double delivered = (MassAt(end) - MassAt(start)) / densityMilligramsPerMicroliter;
            hours.Add(new Hour(i + 1, setRateMicrolitersPerHour, pumpLog[i].CommandedMicroliters, delivered));
        }
        return hours;
    }
}
