using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Simulator.Scenarios;

/// <summary>
/// The default run until scenario files exist: a three-day trial at a continuous rate, then four days
/// of an implanted-style flex schedule. Morphine 1 mg/mL at 0.5 mg/day during the trial (20.8 uL/h),
/// then 25 uL/h by day and 12 uL/h at night. 250 nL per step, a calibration that matches the head.
/// </summary>
public static class FoundationScenario
{
    public const long PicolitersPerStep = 250_000;
    public const int TrialDays = 3;
    public const int ImplantDays = 4;

    public static readonly NanolitersPerHour TrialRate = new(20_833);

    /// <summary>Clock sync said monotonic zero was 08:00.</summary>
    public static readonly Milliseconds TimeOfDayAtStart = Milliseconds.FromHours(8);

    public static FlexSchedule ImplantFlex() => new(
        new[] { Milliseconds.FromHours(6), Milliseconds.FromHours(22) },
        new[] { new NanolitersPerHour(25_000), new NanolitersPerHour(12_000) },
        TimeOfDayAtStart);

    public sealed record DayRow(int Day, string Therapy, long PrescribedPicoliters, long DeliveredPicoliters, long SchedulerSteps);

    public static (SimulationRun Run, List<DayRow> Days) Run()
    {
        var run = new SimulationRun(new Calibration(PicolitersPerStep), PicolitersPerStep);
        var days = new List<DayRow>();
        run.Start(new ConstantRate(TrialRate));
        long previousPrescribed = 0, previousDelivered = 0;
        for (int day = 1; day <= TrialDays + ImplantDays; day++)
        {
            if (day == TrialDays + 1) run.ChangeProfile(ImplantFlex());
            long end = day * Milliseconds.PerDay;
            run.RunUntil(end);
            long prescribed = run.PrescribedPicoliters(end);
            long delivered = run.Board.Mechanism.DeliveredPicoliters;
            days.Add(new DayRow(day, day <= TrialDays ? "trial, continuous" : "implant, flex", prescribed - previousPrescribed, delivered - previousDelivered, run.Pump.StepsTaken));
            previousPrescribed = prescribed;
            previousDelivered = delivered;
        }
        return (run, days);
    }
}
