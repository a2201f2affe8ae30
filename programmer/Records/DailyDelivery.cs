using OpenIdds.Firmware.Persistence;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Programmer.Records;

/// <summary>
/// One day of delivery: pump day <see cref="Day"/> (day 0 starts at installation), its motor steps, the
/// volume the pump counts for them and the drug mass that reached the catheter tip. Volume is null when
/// the source does not hold the calibration (a CSV export, an older pump).
/// </summary>
public sealed record DailyDelivery(int Day, DateTimeOffset Start, DateTimeOffset End, long Steps, long? Nanoliters, long Nanograms)
{
    /// <summary>
    /// The pump's hourly delivery lines grouped by pump day; the steps and mass since the last hourly line
    /// (the pump's totals minus the lines' sum) go to the day the pump was read. Volume is the pump's own
    /// rule, steps x calibration rounded down, taken on the running total - so the days add up to the
    /// pump's delivered volume to the nanoliter, with no rounding lost per day.
    /// </summary>
    public static List<DailyDelivery> From(PumpSnapshot s)
    {
        var steps = new SortedDictionary<int, long>();
        var mass = new SortedDictionary<int, long>();
        static void Add(SortedDictionary<int, long> d, int day, long v) => d[day] = d.GetValueOrDefault(day) + v;
        long stepSum = 0, massSum = 0;
        foreach (var e in s.Events)
        {
            if ((EventKind)e.Kind != EventKind.HourlyDelivery) continue;
            // The line at pump time t covers the hour that ends at t.
            int day = DayOf(e.PumpTime - 1);
            Add(steps, day, e.A);
            Add(mass, day, e.B);
            stepSum += e.A;
            massSum += e.B;
        }
        if (s.Status != null && (s.Status.StepsTaken != stepSum || s.Status.DeliveredNanograms != massSum))
        {
            int today = DayOf(s.Status.PumpTime - 1);
            Add(steps, today, s.Status.StepsTaken - stepSum);
            Add(mass, today, s.Status.DeliveredNanograms - massSum);
        }
        long picolitersPerStep = s.Status?.PicolitersPerStep ?? 0;
        var days = new List<DailyDelivery>();
        long cumulative = 0;
        foreach (var (day, daySteps) in steps)
        {
            long before = cumulative;
            cumulative += daySteps;
            long? volume = picolitersPerStep > 0 ? cumulative * picolitersPerStep / 1000 - before * picolitersPerStep / 1000 : null;
            long start = (long)day * Milliseconds.PerDay;
            long end = Math.Min(start + Milliseconds.PerDay, Math.Max(s.PumpTimeRead, start));
            days.Add(new DailyDelivery(day, s.WallClock(start), s.WallClock(end), daySteps, volume, mass[day]));
        }
        return days;
    }

    private static int DayOf(long pumpTime) => (int)(Math.Max(0, pumpTime) / Milliseconds.PerDay);
}
