using BenchmarkDotNet.Attributes;
using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Benchmarks;

/// <summary>
/// Scheduler cost per step and bytes allocated per step in steady state: one operation is one step
/// (find its due time, advance to it) on a five-step flex day with a bolus overlay.
/// </summary>
[MemoryDiagnoser]
[InProcess] // in-process: no generated project to build, same figures for a loop this small
public class SchedulerBenchmark
{
    private DosingScheduler _scheduler = null!;
    private BolusOverlays _profile = null!;

    [GlobalSetup]
    public void Setup()
    {
        var flex = new FlexSchedule(
            new[] { Milliseconds.FromHours(0), Milliseconds.FromHours(6), Milliseconds.FromHours(9), Milliseconds.FromHours(17), Milliseconds.FromHours(22) },
            new[] { new NanolitersPerHour(12_000), new NanolitersPerHour(30_000), new NanolitersPerHour(20_000), new NanolitersPerHour(35_000), new NanolitersPerHour(15_000) },
            Milliseconds.FromHours(8));
        _profile = new BolusOverlays(flex);
        _profile.Add(Milliseconds.FromHours(1), Milliseconds.FromMinutes(30), new NanolitersPerHour(200_000));
        _scheduler = new DosingScheduler(_profile, new Calibration(31_250), Milliseconds.Zero, Milliseconds.FromSeconds(2));
    }

    [Benchmark(Description = "one motor step (next due + advance)")]
    public int Step()
    {
        return _scheduler.Advance(_scheduler.NextStepDue, out _);
    }
}
