using OpenIdds.Firmware.Device;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Tests.Host.Device;

/// <summary>INTENT-BOUNDED: a restart books at most the intent step limit (and a part-step) of therapy that was never given, and status shows that lead.</summary>
[TestClass]
public sealed class IntentBoundTests
{
    [TestMethod]
    public void Each_restart_books_at_most_the_intent_step_limit_of_therapy_never_given()
    {
        // 60 uL/h on a 250 nL step: 240 steps an hour, 40 in a 10-minute intent window.
        var rig = PumpRig.Running(PumpRig.Continuous(60), PumpStage.Trial);
        int limit = rig.Setup.IntentStepLimit;
        long booked = 0;
        for (int restart = 0; restart < 12; restart++)
        {
            rig.RunFor(new Milliseconds(7 * 60_000 + 13_000 * restart));
            var status = rig.Pump.Status();
            Assert.AreEqual(rig.Pump.StepsRecorded - status.StepsTaken, status.StepsUnconfirmed, "status shows the journal's lead");
            Assert.IsTrue(status.StepsUnconfirmed <= limit + 1, $"status: {status.StepsUnconfirmed} steps counted ahead");
            long made = rig.Motor.CompletedSteps;
            var pump = rig.PowerCycle();
            long over = pump.StepsRecorded - made - booked;
            Assert.IsTrue(over >= 0, $"restart {restart}: under-counted by {-over} steps");
            Assert.IsTrue(over <= limit + 1, $"restart {restart}: {over} steps booked but never given (limit {limit} + a part-step)");
            booked += over;
            rig.PassSelfTest();
            Assert.AreEqual(SafetyState.Running, pump.Supervisor.State);
        }
    }

    [TestMethod]
    public void The_horizon_is_the_shorter_of_the_window_the_step_limit_and_the_next_rate_change()
    {
        var now = new Milliseconds(1_000_000);
        var window = Milliseconds.FromMinutes(10);
        var never = new Milliseconds(long.MaxValue);
        // 4 uL/h at 250 nL/step: a step every 225 s; 8 steps take 30 min, so the 10-minute window holds.
        Assert.AreEqual(now.Value + window.Value, IntentHorizon.For(now, window, 8, 4_000, 250_000, never).Value);
        // 100 uL/h: a step every 9 s; 8 steps = 72 s.
        Assert.AreEqual(now.Value + 72_000, IntentHorizon.For(now, window, 8, 100_000, 250_000, never).Value);
        // A rate change in 30 s comes first.
        Assert.AreEqual(now.Value + 30_000, IntentHorizon.For(now, window, 8, 100_000, 250_000, new Milliseconds(now.Value + 30_000)).Value);
        // Stopped: the window.
        Assert.AreEqual(now.Value + window.Value, IntentHorizon.For(now, window, 8, 0, 250_000, never).Value);
    }
}
