using OpenIdds.Simulator.Running;
using OpenIdds.Simulator.Scenarios;

namespace OpenIdds.Tests.Host.Simulator;

/// <summary>What NAME.expected.json can say, checked against a made-up run: each clause passes and fails as documented.</summary>
[TestClass]
public class ExpectationTests
{
    private static ScenarioResult Run(long schedulerErrorPicoliters = 0, int devices = 1, long pulses = 0, double prescribedMicroliters = 0, params SimulationEvent[] events) => new()
    {
        Scenario = "made-up",
        DurationMilliseconds = 86_400_000,
        Events = events.ToList(),
        Samples = new(),
        BalanceReadings = new(),
        PrescribedMicroliters = prescribedMicroliters,
        StepPulses = pulses,
        ComputedDeliveredMicroliters = 0,
        PumpedMicroliters = 0,
        ToCsfMicroliters = 0,
        StepsTaken = 0,
        StepsMissed = 0,
        SchedulerErrorPicoliters = schedulerErrorPicoliters,
        EndState = "running",
        WakeUps = 0,
        Devices = devices,
        ReleasesAfterClear = new() { (3_600_000, 1.0) },
    };

    private static readonly SimulationEvent[] NewDrugTwice =
    {
        new(900_000, "firmware", "new-drug-at-tip", "1000 ug/mL at the tip"),
        new(45_000_000, "firmware", "new-drug-at-tip", "2000 ug/mL at the tip"),
    };

    [TestMethod]
    public void An_event_counted_from_a_time_on_skips_the_earlier_ones()
    {
        var result = Run(events: NewDrugTwice);
        Assert.AreEqual(0, new Expectation { Must = { new("firmware/new-drug-at-tip", "12h30m", After: "12h") } }.Check(result).Count);
        var early = new Expectation { Must = { new("firmware/new-drug-at-tip", "12h20m", After: "12h") } }.Check(result);
        StringAssert.Contains(early.Single(), "later than 12h20m");
        var never = new Expectation { Must = { new("firmware/new-drug-at-tip", null, After: "13h") } }.Check(result);
        StringAssert.Contains(never.Single(), "never happened from 13h on");
    }

    [TestMethod]
    public void A_detail_and_a_count_match_only_those_events()
    {
        var result = Run(events: NewDrugTwice);
        Assert.AreEqual(0, new Expectation { Must = { new("firmware/new-drug-at-tip", null, Detail: "2000 ug/mL", Count: new(1, 1)) } }.Check(result).Count);
        var twice = new Expectation { Must = { new("firmware/new-drug-at-tip", null, Count: new(0, 1)) } }.Check(result);
        StringAssert.Contains(twice.Single(), "happened 2 time(s), expected 0..1");
        Assert.AreEqual(0, new Expectation { Must = { new("firmware/new-drug-at-tip", "1h", Count: new(1, 1)) } }.Check(result).Count, "By closes the counting window");
    }

    [TestMethod]
    public void The_scheduler_error_bound_is_in_steps_per_device()
    {
        var bound = new Expectation { SchedulerErrorSteps = 1 };
        Assert.AreEqual(0, bound.Check(Run(schedulerErrorPicoliters: -400_000, devices: 2)).Count, "two devices: two steps of 250 nL");
        StringAssert.Contains(bound.Check(Run(schedulerErrorPicoliters: -400_000, devices: 1)).Single(), "beyond 1 step(s) per device");
    }

    [TestMethod]
    public void The_pulse_bound_counts_what_reached_the_step_pin()
    {
        var bound = new Expectation { PulseErrorSteps = new(-1, 0) };
        Assert.AreEqual(0, bound.Check(Run(pulses: 4000, prescribedMicroliters: 1000.2)).Count, "4000 x 250 nL is within a step below 1000.2 uL");
        StringAssert.Contains(bound.Check(Run(pulses: 4002, prescribedMicroliters: 1000.2)).Single(), "= 1.2 (4002 pulses) is outside -1..0 steps", "two repeated steps");
    }

    [TestMethod]
    public void The_release_after_a_clear_is_bounded_and_must_have_been_measured()
    {
        Assert.AreEqual(0, new Expectation { ReleaseAfterClearUl = new(-0.5, 5) }.Check(Run()).Count);
        StringAssert.Contains(new Expectation { ReleaseAfterClearUl = new(-0.5, 0.5) }.Check(Run()).Single(), "released 1.000 uL");
        var none = Run();
        none.ReleasesAfterClear.Clear();
        StringAssert.Contains(new Expectation { ReleaseAfterClearUl = new(-0.5, 0.5) }.Check(none).Single(), "no occlusion-clear");
    }
}
