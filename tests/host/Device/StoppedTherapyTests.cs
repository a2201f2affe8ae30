using OpenIdds.Firmware.Persistence;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;
using OpenIdds.Tests.Unit.Therapy;

namespace OpenIdds.Tests.Host.Device;

/// <summary>STOPPED-THERAPY-ALERT on the whole pump: the drug library's time, the escalation, and the clinician's logged hold.</summary>
[TestClass]
public class StoppedTherapyTests
{
    [TestMethod]
    public void A_pump_left_stopped_for_22_hours_alerts_and_escalates_by_the_drug_library_time()
    {
        var rig = PumpRig.Running();
        Assert.IsTrue(rig.Pump.Program(Prescription.Stopped(TherapyFixture.Morphine(10_000)), confirmed: true).Accepted);
        Milliseconds morphine = rig.Pump.Therapy.Library.Find(DrugLibrary.Morphine)!.StoppedAlertAfter;
        rig.RunFor(morphine - Milliseconds.FromMinutes(1));
        Assert.IsFalse(rig.Pump.Supervisor.Alarms.IsShown(AlarmCode.TherapyStopped));
        rig.RunFor(Milliseconds.FromMinutes(2));
        Assert.IsTrue(rig.Pump.Supervisor.Alarms.IsShown(AlarmCode.TherapyStopped), "medium after the drug's time");
        rig.RunFor(Milliseconds.FromHours(22) - morphine);
        Assert.IsTrue(rig.Pump.Supervisor.Alarms.IsShown(AlarmCode.TherapyStoppedLong), "high after twice it");
        Assert.AreEqual(AlarmCode.TherapyStoppedLong, rig.Pump.Supervisor.Alarms.Highest);
    }

    [TestMethod]
    public void A_hold_quiets_it_and_is_logged_and_an_out_of_range_hold_is_refused_naming_the_limit()
    {
        var rig = PumpRig.Running();
        Assert.IsTrue(rig.Pump.Program(Prescription.Stopped(TherapyFixture.Morphine(10_000)), confirmed: true).Accepted);
        var refused = rig.Pump.HoldStopped(Milliseconds.FromDays(30));
        Assert.IsTrue(refused.Has(TherapyError.StoppedHoldOutOfRange), refused.ToString());
        StringAssert.Contains(refused.ToString(), StoppedTherapyWatch.MaxHold.ToString());
        Assert.IsTrue(rig.Pump.HoldStopped(Milliseconds.FromHours(48)).Accepted);
        rig.RunFor(Milliseconds.FromHours(47));
        Assert.IsFalse(rig.Pump.Supervisor.Alarms.IsShown(AlarmCode.TherapyStopped) || rig.Pump.Supervisor.Alarms.IsShown(AlarmCode.TherapyStoppedLong));
        rig.RunFor(Milliseconds.FromHours(2));
        Assert.IsTrue(rig.Pump.Supervisor.Alarms.IsShown(AlarmCode.TherapyStopped));
        bool logged = false;
        for (uint s = rig.Pump.Events.Oldest; s != 0 && s <= rig.Pump.Events.Newest; s++)
            if (rig.Pump.Events.Read(s, out var kind, out _, out var a, out _) && kind == EventKind.StoppedHold && a == Milliseconds.FromHours(48).Value) logged = true;
        Assert.IsTrue(logged, "the hold is in the event log with its duration");
    }
}
