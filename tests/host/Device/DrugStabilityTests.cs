using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Tests.Host.Device;

/// <summary>DRUG-STABILITY-LIMIT: a fill stays in the reservoir no longer than the drug library allows (issue 16, item 11).</summary>
[TestClass]
public class DrugStabilityTests
{
    [TestMethod]
    public void The_default_library_gives_morphine_baclofen_and_ziconotide_their_reservoir_times()
    {
        var library = DrugLibrary.CreateDefault();
        Assert.AreEqual(Milliseconds.FromDays(90), library.Find(DrugLibrary.Morphine)!.MaxReservoirTime);
        Assert.AreEqual(Milliseconds.FromDays(180), library.Find(DrugLibrary.Baclofen)!.MaxReservoirTime);
        Assert.AreEqual(Milliseconds.FromDays(40), library.Find(DrugLibrary.Ziconotide)!.MaxReservoirTime);
    }

    [TestMethod]
    public void A_slow_morphine_pump_is_due_for_refill_at_the_drugs_expiry_not_when_it_would_run_low()
    {
        // 2 uL/h: 20 mL would last about 375 days to the low threshold; morphine is good for 90.
        var rig = new PumpRig();
        rig.PassSelfTest();
        var filled = rig.Pump.Now;
        var result = rig.Fill();
        Assert.IsTrue(rig.Pump.Program(PumpRig.Continuous(microlitersPerHour: 2), confirmed: true).Accepted);
        Assert.AreEqual(filled.Value + Milliseconds.FromDays(90).Value, rig.Pump.Therapy.DrugExpiresAt.Value, 10);
        Assert.AreEqual(rig.Pump.Therapy.DrugExpiresAt, rig.Pump.Therapy.NextRefillAt(rig.Pump.Therapy.ReservoirVolume, rig.Pump.Now), "the earlier of low and expiry");
        Assert.AreEqual(rig.Pump.Therapy.DrugExpiresAt.Value, rig.Pump.Status().NextRefillAt, "the status reports the same date");

        rig.RunTo(filled.Value + Milliseconds.FromDays(82).Value);
        Assert.IsFalse(rig.Pump.Supervisor.Alarms.IsShown(AlarmCode.DrugExpiring), "not yet: 8 days to expiry");
        var pump = rig.PowerCycle();
        rig.PassSelfTest();
        Assert.AreEqual(filled.Value + Milliseconds.FromDays(90).Value, pump.Therapy.DrugExpiresAt.Value, 10, "the fill time survives a reset");
        rig.RunTo(filled.Value + Milliseconds.FromDays(83).Value + Milliseconds.PerHour);
        Assert.IsTrue(pump.Supervisor.Alarms.IsShown(AlarmCode.DrugExpiring), "7 days before expiry");
        Assert.AreEqual(SafetyState.Running, pump.Supervisor.State, "delivery goes on");

        rig.Fill();
        rig.RunFor(Milliseconds.FromMinutes(1));
        Assert.IsFalse(pump.Supervisor.Alarms.IsShown(AlarmCode.DrugExpiring), "a refill clears it");
    }

    [TestMethod]
    public void A_fast_pump_is_due_when_it_runs_low_before_the_drug_expires()
    {
        var rig = PumpRig.Running();
        var t = rig.Pump.Therapy;
        Assert.IsTrue(t.NextRefillAt(t.ReservoirVolume, rig.Pump.Now) < t.DrugExpiresAt, "20 uL/h with boluses empties 20 mL long before 90 days");
    }
}
