using OpenIdds.Firmware.Persistence;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Tests.Host.Device;

/// <summary>BOLUS-ABANDONED-AFTER-OUTAGE: a bolus running at a real power-off is not finished late at power-up.</summary>
[TestClass]
public class BolusAbandonTests
{
    [TestMethod]
    public void A_bolus_interrupted_by_a_power_off_is_abandoned_and_logged_and_the_basal_goes_on()
    {
        var slow = new PatientBolusSettings(new Micrograms(100), Milliseconds.FromMinutes(30), Milliseconds.FromHours(2), 4);
        var rig = PumpRig.Running(PumpRig.Continuous(bolus: slow));
        Assert.IsTrue(rig.Pump.RequestPatientBolus().Accepted);
        rig.RunFor(Milliseconds.FromMinutes(4));
        var pump = rig.PowerCycle(ResetCause.PowerOn);
        rig.PassSelfTest();
        Assert.AreEqual(SafetyState.Running, pump.Supervisor.State, "the basal resumes, the bolus does not");
        Assert.AreEqual(0, pump.Therapy.Profile.ActiveCount);
        long start = rig.Motor.CompletedSteps;
        rig.RunFor(Milliseconds.FromMinutes(30));
        // 30 minutes of 20 uL/h basal: 40 steps; the rest of the bolus would add about 35 more.
        Assert.AreEqual(40, rig.Motor.CompletedSteps - start, 1);
        bool logged = false;
        for (uint s = pump.Events.Oldest; s != 0 && s <= pump.Events.Newest; s++)
            if (pump.Events.Read(s, out var kind, out _, out var a, out _) && kind == EventKind.BolusAbandoned && a == 1) logged = true;
        Assert.IsTrue(logged, "the abandoned bolus is in the log");
        Assert.IsFalse(pump.RequestPatientBolus().Accepted, "its lockout still holds");
    }
}
