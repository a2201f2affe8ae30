using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Measurements;

/// <summary>
/// Ten simulated years of random flex prescriptions, reprogrammed every 1-60 days, with random
/// calibrations and boluses. The scheduler's delivered volume is set against the exact ideal integral
/// (128-bit) in the millisecond before every step is due - where the gap is largest, so a step
/// scheduled even 1 ms late shows as a gap of a whole step - as well as at every step and every
/// reprogramming. The figure is the largest gap in steps; the bound is below one.
/// </summary>
public static class AccuracyRun
{
    public static void Run(int seed, int years)
    {
        var random = new Random(seed);
        long end = years * 365L * Milliseconds.PerDay;
        var calibration = new Calibration(random.NextInt64(1_000, 500_000));
        IRateProfile profile = RandomFlex(random);
        var scheduler = new DosingScheduler(profile, calibration, Milliseconds.Zero, new Milliseconds(long.MaxValue / 4));
        var history = new List<(long From, IRateProfile Profile)> { (0, profile) };
        Int128 ideal = 0;              // nL/h x ms up to idealTo
        long idealTo = 0;
        int historyIndex = 0;
        double worst = 0, worstBefore = 0;
        long checks = 0, steps = 0, reprogrammings = 0;
        long nextChange = random.NextInt64(1, 61) * Milliseconds.PerDay;

        while (true)
        {
            long due = scheduler.NextStepDue.Value;
            long t = Math.Min(Math.Min(due, nextChange), end);
            void IntegrateTo(long until)
            {
                while (idealTo < until)
                {
                    var (from, p) = history[historyIndex];
                    long rate = p.RateAt(new Milliseconds(idealTo), out var change).Value;
                    long pieceEnd = Math.Min(change.Value, until);
                    ideal += (Int128)rate * (pieceEnd - idealTo);
                    idealTo = pieceEnd;
                }
            }
            if (t == due && t - 1 > idealTo)
            {
                // The millisecond before the step: nothing new is due yet, and the ideal is nearly a step ahead.
                IntegrateTo(t - 1);
                Int128 before = ideal - (Int128)scheduler.StepsDue * calibration.StepThreshold;
                worstBefore = Math.Max(worstBefore, Math.Abs((double)before / calibration.StepThreshold));
                checks++;
            }
            scheduler.Advance(new Milliseconds(t), out _);
            IntegrateTo(t);
            Int128 gap = ideal - (Int128)scheduler.StepsDue * calibration.StepThreshold;
            double gapSteps = (double)gap / calibration.StepThreshold;
            worst = Math.Max(worst, Math.Abs(gapSteps));
            checks++;
            if (t == end) break;
            if (t == nextChange)
            {
                profile = random.Next(4) == 0 ? WithBolus(random, RandomFlex(random), t) : RandomFlex(random);
                scheduler.ChangeProfile(profile, new Milliseconds(t));
                history.Add((t, profile));
                historyIndex = history.Count - 1;
                reprogrammings++;
                nextChange = t + random.NextInt64(1, 61) * Milliseconds.PerDay;
            }
            else steps++;
        }
        Console.WriteLine($"accuracy: {years} simulated years, seed {seed}, calibration {calibration}, {reprogrammings} reprogrammings, {steps} steps, {checks} checks");
        double largest = Math.Max(worst, worstBefore);
        Console.WriteLine($"accuracy: largest |delivered - ideal| = {largest:0.000000000} step at any instant (the millisecond before a step), {worst:0.000000} step right after steps and reprogrammings (bound: < 1 step){(largest < 1 ? "" : "  FAILED")}");
        if (largest >= 1) Environment.ExitCode = 1;
    }

    private static FlexSchedule RandomFlex(Random random)
    {
        int count = random.Next(1, 8);
        var starts = Enumerable.Range(0, count).Select(_ => random.NextInt64(0, Milliseconds.PerDay)).Distinct().Order().ToArray();
        return new FlexSchedule(
            starts.Select(s => new Milliseconds(s)).ToArray(),
            starts.Select(_ => new NanolitersPerHour(random.NextInt64(0, 60_000))).ToArray(),
            new Milliseconds(random.NextInt64(0, Milliseconds.PerDay)));
    }

    private static BolusOverlays WithBolus(Random random, IRateProfile basal, long now)
    {
        var overlays = new BolusOverlays(basal);
        overlays.Add(new Milliseconds(now + random.NextInt64(0, Milliseconds.PerDay)), Milliseconds.FromMinutes(random.NextInt64(1, 120)), new NanolitersPerHour(random.NextInt64(1_000, 500_000)));
        return overlays;
    }
}
