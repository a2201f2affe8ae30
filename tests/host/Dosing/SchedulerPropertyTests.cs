using System.Numerics;
using CsCheck;
using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Tests.Host.Dosing;

/// <summary>
/// The scheduler's one invariant, checked over random therapies: at every instant, the steps due
/// equal floor(ideal integral / step volume), so delivered volume is within one step of the ideal.
/// The ideal integral is computed here independently, in BigInteger, from the profile's own pieces.
/// </summary>
[TestClass]
public class SchedulerPropertyTests
{
    public const int Profiles = 10_000;

    private sealed record Therapy(long PicolitersPerStep, long[] FlexStarts, long[] FlexRates, long Offset, (long At, long Rate)[] Changes, (long Start, long Duration, long Rate)[] Boluses, long[] Probes);

    private static readonly Gen<Therapy> AnyTherapy =
        from pl in Gen.Long[Calibration.MinPicolitersPerStep, Calibration.MaxPicolitersPerStep]
        from steps in Gen.Int[1, 6]
        from startsSet in Gen.Long[0, Milliseconds.PerDay - 1].Array[steps]
        from rates in Gen.OneOf(Gen.Long[0, 5_000_000], Gen.Long[0, NanolitersPerHour.MaxSchedulable]).Array[steps]
        from offset in Gen.Long[0, Milliseconds.PerDay - 1]
        from changes in Gen.Select(Gen.Long[1, 40 * Milliseconds.PerDay], Gen.Long[0, 2_000_000]).Array[0, 4]
        from boluses in Gen.Select(Gen.Long[0, 40 * Milliseconds.PerDay], Gen.Long[1, 4 * Milliseconds.PerHour], Gen.Long[0, 50_000_000]).Array[0, 3]
        from probes in Gen.Long[0, 45 * Milliseconds.PerDay].Array[5, 30]
        select new Therapy(pl, startsSet.Distinct().Order().ToArray(), rates, offset, changes, boluses, probes);

    [TestMethod]
    public void Steps_due_are_always_the_floor_of_the_ideal_integral_over_a_step()
    {
        AnyTherapy.Sample(therapy => Check(therapy), iter: Profiles, threads: 1);
    }

    private static bool Check(Therapy therapy)
    {
        var calibration = new Calibration(therapy.PicolitersPerStep);
        IRateProfile basal = new FlexSchedule(
            therapy.FlexStarts.Select(s => new Milliseconds(s)).ToArray(),
            therapy.FlexRates.Take(therapy.FlexStarts.Length).Select(r => new NanolitersPerHour(r)).ToArray(),
            new Milliseconds(therapy.Offset));
        var overlays = new BolusOverlays(basal);
        var scheduler = new DosingScheduler(overlays, calibration, Milliseconds.Zero, new Milliseconds(long.MaxValue / 4));

        // The reference integrates the same history: which profile held over which interval.
        var history = new List<(long From, IRateProfile Profile)> { (0, overlays) };
        var events = therapy.Changes.Select(c => (c.At, Kind: 0, c.Rate, Duration: 0L))
            .Concat(therapy.Boluses.Select(b => (At: b.Start, Kind: 1, b.Rate, b.Duration)))
            .Concat(therapy.Probes.Select(p => (At: p, Kind: 2, Rate: 0L, Duration: 0L)))
            .OrderBy(e => e.At).ThenBy(e => e.Kind).ToArray();

        int bolusCount = 0;
        foreach (var e in events)
        {
            scheduler.Advance(new Milliseconds(e.At), out _);
            if (e.Kind == 0)
            {
                overlays = new BolusOverlays(new ConstantRate(new NanolitersPerHour(e.Rate)));
                scheduler.ChangeProfile(overlays, new Milliseconds(e.At));
                history.Add((e.At, overlays));
                bolusCount = 0;
            }
            else if (e.Kind == 1 && bolusCount < BolusOverlays.Capacity)
            {
                overlays.Add(new Milliseconds(e.At), new Milliseconds(e.Duration), new NanolitersPerHour(e.Rate));
                scheduler.Replan();
                bolusCount++;
            }
            BigInteger ideal = Ideal(history, e.At);
            BigInteger expected = ideal / calibration.StepThreshold;
            if (scheduler.StepsDue != (long)expected) return false;
            long next = scheduler.NextStepDue.Value;
            if (next <= e.At) return false;
            // The due time is exact, not merely later: on the profile as it stands, the ideal crosses
            // the next step's threshold at that millisecond, not before it (a late-reporting scheduler fails here).
            if (next != long.MaxValue)
            {
                long horizon = e.At + DosingScheduler.Horizon.Value;
                if (Ideal(history, next - 1) / calibration.StepThreshold != expected) return false;
                if (next < horizon && Ideal(history, next) / calibration.StepThreshold <= expected) return false;
            }
        }
        return true;
    }

    private static BigInteger Ideal(List<(long From, IRateProfile Profile)> history, long until)
    {
        BigInteger sum = 0;
        for (int i = 0; i < history.Count; i++)
        {
            long end = i + 1 < history.Count ? Math.Min(history[i + 1].From, until) : until;
            long t = history[i].From;
            while (t < end)
            {
                long rate = history[i].Profile.RateAt(new Milliseconds(t), out var change).Value;
                long pieceEnd = Math.Min(change.Value, end);
                sum += (BigInteger)rate * (pieceEnd - t);
                t = pieceEnd;
            }
        }
        return sum;
    }
}
