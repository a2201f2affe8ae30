using OpenIdds.Firmware.Units;

namespace OpenIdds.Tests.Host.Device;

/// <summary>RESERVOIR-ONE-MODEL: the computed reservoir has one definition, and every place that shows it reads it.</summary>
[TestClass]
public sealed class ComputedReservoirTests
{
    [TestMethod]
    public void After_dropped_steps_the_therapy_status_and_refill_residual_show_the_supervisors_computed_reservoir()
    {
        var rig = PumpRig.Running(PumpRig.Continuous(20));
        rig.RunFor(Milliseconds.FromHours(1));
        // A wake-up two hours late: the steps due meanwhile are dropped (NO-CATCH-UP), never given.
        rig.Clock.ElapsedMilliseconds += Milliseconds.FromHours(2).Value;
        rig.Pump.Tick();
        Assert.IsTrue(rig.Pump.Controller.StepsMissed > 0, "the late wake-up must drop steps, or this test proves nothing");
        rig.RunFor(Milliseconds.FromMinutes(10));

        long computed = rig.Pump.Supervisor.ComputedReservoir.Value;
        Assert.AreEqual(computed, rig.Pump.Therapy.ReservoirVolume.Value, "the therapy's reservoir (bolus check, refill date)");
        Assert.AreEqual(computed, rig.Pump.Status().ReservoirComputed, "iddsctl status");
        Assert.AreEqual(computed, rig.Pump.BeginRefill().Value, "the refill's expected residual");
    }
}
