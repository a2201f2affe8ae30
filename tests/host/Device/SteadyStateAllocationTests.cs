using OpenIdds.Firmware.Control;
using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Units;
using OpenIdds.Tests.Unit.Fakes;
using OpenIdds.Tests.Unit.Therapy;

namespace OpenIdds.Tests.Host.Device;

/// <summary>
/// NO-STEADY-STATE-ALLOCATION: once running, the core allocates nothing, so a nanoFramework board
/// never runs its garbage collector in the middle of dosing. The runtime's per-thread allocation
/// counter sees every byte, so any allocation in the scheduler or controller fails this test.
/// </summary>
[TestClass]
public class SteadyStateAllocationTests
{
    /// <summary>Bytes the pump allocates in 200,000 ticks, each at its own next wake, after 20,000 to warm up.</summary>
    private static long AllocatedInSteadyState(FakeBoard board, PumpController pump)
    {
        void Run(int ticks)
        {
            for (int i = 0; i < ticks; i++)
            {
                board.Clock.ElapsedMilliseconds = pump.NextWake.Value;
                pump.Tick();
            }
        }

        Run(20_000);
        long before = GC.GetAllocatedBytesForCurrentThread();
        Run(200_000);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [TestMethod]
    public void The_scheduler_and_controller_allocate_nothing_per_tick()
    {
        var board = new FakeBoard();
        var flex = new FlexSchedule(
            new[] { Milliseconds.FromHours(0), Milliseconds.FromHours(7), Milliseconds.FromHours(21) },
            new[] { new NanolitersPerHour(400_000), new NanolitersPerHour(900_000), new NanolitersPerHour(100_000) },
            Milliseconds.FromHours(3));
        var profile = new BolusOverlays(flex);
        var pump = new PumpController(board.Hardware, new Calibration(31_250));
        pump.Start(profile);
        profile.Add(Milliseconds.FromHours(2), Milliseconds.FromMinutes(30), new NanolitersPerHour(2_000_000));
        pump.Scheduler!.Replan();

        long allocated = AllocatedInSteadyState(board, pump);
        Assert.AreEqual(0L, allocated, "bytes allocated in 200,000 steady-state ticks");
        Assert.IsTrue(board.Motor.CompletedSteps > 100_000, "the ticks did deliver");
    }

    [TestMethod]
    public void The_over_infusion_guard_allocates_nothing_per_step()
    {
        // Both windows roll many times over (a minute and an hour per bucket) while steps pass through.
        var board = new FakeBoard();
        var calibration = new Calibration(31_250);
        var guard = new OverInfusionGuard(board.Motor, board.Clock, calibration, OverInfusionGuard.DefaultTolerance);
        guard.SetAllowedRate(new NanolitersPerHour(900_000));
        var pump = new PumpController(board.Hardware.WithMotor(guard), calibration);
        pump.Start(new ConstantRate(new NanolitersPerHour(900_000)));

        long allocated = AllocatedInSteadyState(board, pump);
        Assert.AreEqual(0L, allocated, "bytes allocated in 200,000 steady-state ticks through the guard");
        Assert.IsFalse(guard.Tripped);
        Assert.IsTrue(board.Clock.ElapsedMilliseconds > 2 * Milliseconds.PerHour, "the 24 h window rolled at least twice");
    }
}

/// <summary>The same rule for the whole pump: therapy, supervisor, journal writes, hourly events, the link polled - all without allocating.</summary>
[TestClass]
public class WholePumpAllocationTests
{
    [TestMethod]
    public void The_whole_pump_allocates_nothing_per_tick_in_steady_state_journal_writes_included()
    {
        var flex = OpenIdds.Firmware.Therapy.Prescription.Flex(TherapyFixture.Morphine(10_000),
            new[] { Milliseconds.FromHours(6), Milliseconds.FromHours(22) },
            new[] { NanolitersPerHour.FromMicrolitersPerHour(25), NanolitersPerHour.FromMicrolitersPerHour(10) }, OpenIdds.Tests.Host.Device.PumpRig.Pca());
        var rig = OpenIdds.Tests.Host.Device.PumpRig.Running(flex);
        rig.RunFor(Milliseconds.FromDays(2));
        long records = rig.Pump.RecordsWritten;
        // Twenty days: the 20 mL reservoir lasts 37 at this rate (its empty alarm is an event, and events may allocate their messages).
        long before = GC.GetAllocatedBytesForCurrentThread();
        rig.RunFor(Milliseconds.FromDays(20));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.IsTrue(rig.Pump.RecordsWritten - records > 500, $"{rig.Pump.RecordsWritten - records} journal records written in the measured days: the writes are part of what is measured");
        Assert.AreEqual(0L, allocated, "bytes allocated by the whole pump over twenty days of steady-state ticks");
    }
}
