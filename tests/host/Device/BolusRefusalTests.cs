using OpenIdds.Firmware.Persistence;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;
using OpenIdds.Hal;

namespace OpenIdds.Tests.Host.Device;

/// <summary>NO-BOLUS-WITHOUT-PROTECTION on the whole pump: no bolus while the pump cannot watch itself, and the refusal logged with its real reason.</summary>
[TestClass]
public class BolusRefusalTests
{
    private static List<(EventKind Kind, long A, long B)> Events(PumpRig rig)
    {
        var list = new List<(EventKind, long, long)>();
        for (uint s = rig.Pump.Events.Oldest; s != 0 && s <= rig.Pump.Events.Newest; s++)
            if (rig.Pump.Events.Read(s, out var kind, out _, out var a, out var b)) list.Add((kind, a, b));
        return list;
    }

    [TestMethod]
    public void No_bolus_starts_while_the_pressure_sensor_is_faulty_and_the_log_names_the_alarm()
    {
        var rig = PumpRig.Running(stage: PumpStage.Trial);
        rig.Board.Pressure.Status = SensorStatus.Disconnected;
        rig.RunFor(Milliseconds.FromMinutes(5));
        Assert.IsTrue(rig.Pump.Supervisor.Alarms.IsShown(AlarmCode.PressureSensorFault));
        Assert.AreEqual(SafetyState.Running, rig.Pump.Supervisor.State, "the basal goes on");

        var patient = rig.Pump.RequestPatientBolus();
        Assert.IsFalse(patient.Accepted, "no occlusion detection: no patient bolus");
        Assert.IsTrue(patient.Has(TherapyError.BolusBlockedByAlarm), patient.ToString());
        StringAssert.Contains(patient.ToString(), "pressure-sensor-fault");
        var clinician = rig.Pump.RequestClinicianBolus(new Micrograms(100), Milliseconds.FromMinutes(10), confirmed: true);
        Assert.IsFalse(clinician.Accepted, "nor a clinician one");
        Assert.AreEqual(0, rig.Pump.Therapy.Profile.ActiveCount);
        Assert.IsTrue(Events(rig).Any(e => e.Kind == EventKind.BolusBlockedByAlarm && e.A == 1 && e.B == (long)AlarmCode.PressureSensorFault));
    }

    [TestMethod]
    public void A_bolus_during_an_occlusion_stop_is_logged_naming_the_occlusion()
    {
        var rig = PumpRig.Running();
        rig.Pump.Supervisor.Alarms.Raise(AlarmCode.Occlusion, rig.Pump.Now);
        rig.RunFor(Milliseconds.FromSeconds(10));
        Assert.AreEqual(SafetyState.AlarmStopped, rig.Pump.Supervisor.State);

        var report = rig.Pump.RequestPatientBolus();
        Assert.IsTrue(report.Has(TherapyError.BolusBlockedByAlarm), report.ToString());
        StringAssert.Contains(report.ToString(), "occlusion");
        var events = Events(rig);
        Assert.IsTrue(events.Any(e => e.Kind == EventKind.BolusBlockedByAlarm && e.B == (long)AlarmCode.Occlusion), "the real reason is in the log");
        Assert.IsFalse(events.Any(e => e.Kind == EventKind.ProgrammingRefused && e.B == (long)TherapyError.PumpNotReady), "not 'programming-refused pump-not-ready'");
    }
}
