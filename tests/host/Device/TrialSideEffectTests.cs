using OpenIdds.Firmware.Device;
using OpenIdds.Firmware.Persistence;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Tests.Host.Device;

/// <summary>SIDE-EFFECT-STOPS-TRIAL: overdose signs in the trial diary stop the infusion until a clinician acts.</summary>
[TestClass]
public class TrialSideEffectTests
{
    private static PumpRig RunningTrial()
    {
        var rig = new PumpRig(PumpStage.Trial);
        rig.PassSelfTest();
        rig.Fill(10, 1000);
        Assert.IsTrue(rig.Pump.Program(PumpRig.Continuous(20, PumpRig.Pca(), 1000), true).Accepted);
        rig.RunFor(Milliseconds.FromHours(6));
        Assert.AreEqual(SafetyState.Running, rig.Pump.Supervisor.State);
        return rig;
    }

    [TestMethod]
    [DataRow(SideEffectKind.RespiratoryDepression, SideEffectSeverity.Mild)]
    [DataRow(SideEffectKind.Sedation, SideEffectSeverity.Severe)]
    public void Respiratory_depression_or_severe_sedation_raises_a_high_alarm_and_stops_the_infusion_until_a_clinician_reset(SideEffectKind kind, SideEffectSeverity severity)
    {
        var rig = RunningTrial();
        long steps = rig.Pump.Controller.StepsTaken;
        Assert.IsTrue(rig.Pump.AddSideEffect(kind, severity).Accepted);
        Assert.AreEqual(SafetyState.AlarmStopped, rig.Pump.Supervisor.State, "stopped in the same call");
        Assert.AreEqual(AlarmCode.TrialSideEffect, rig.Pump.Supervisor.Alarms.Highest);
        Assert.AreEqual(OpenIdds.Hal.AlarmPriority.High, AlarmTable.Of(AlarmCode.TrialSideEffect).Priority);
        Assert.AreEqual(DeliveryMode.Stopped, rig.Pump.Therapy.Prescription.Mode);
        rig.RunFor(Milliseconds.FromHours(4));
        Assert.AreEqual(steps, rig.Pump.Controller.StepsTaken, "no step after the entry");
        Assert.IsFalse(rig.Pump.RequestPatientBolus().Accepted, "no bolus while stopped for an overdose sign");

        var pump = rig.PowerCycle();
        rig.PassSelfTest();
        Assert.IsTrue(pump.Supervisor.Alarms.StopsDelivery, "the latch survives a reset");
        Assert.AreEqual(DeliveryMode.Stopped, pump.Therapy.Prescription.Mode);

        Assert.IsTrue(pump.ClinicianReset(), "a clinician acts");
        Assert.IsFalse(pump.Supervisor.Alarms.StopsDelivery);
        Assert.IsTrue(pump.Program(PumpRig.Continuous(10, null, 1000), true).Accepted, "and may restart at a lower rate");
        rig.RunFor(Milliseconds.FromHours(2));
        Assert.AreEqual(SafetyState.Running, pump.Supervisor.State);
    }

    [TestMethod]
    [DataRow(SideEffectKind.Sedation, SideEffectSeverity.Moderate)]
    [DataRow(SideEffectKind.NauseaVomiting, SideEffectSeverity.Severe)]
    [DataRow(SideEffectKind.Pruritus, SideEffectSeverity.Severe)]
    [DataRow(SideEffectKind.UrinaryRetention, SideEffectSeverity.Severe)]
    public void Other_side_effects_are_recorded_and_the_infusion_goes_on(SideEffectKind kind, SideEffectSeverity severity)
    {
        var rig = RunningTrial();
        Assert.IsTrue(rig.Pump.AddSideEffect(kind, severity).Accepted);
        rig.RunFor(Milliseconds.FromHours(1));
        Assert.AreEqual(SafetyState.Running, rig.Pump.Supervisor.State);
        Assert.IsFalse(rig.Pump.Supervisor.Alarms.IsShown(AlarmCode.TrialSideEffect));
        var report = rig.Pump.TrialReport(50);
        Assert.AreEqual(1, report.SideEffectEntries[(int)kind]);
        Assert.AreEqual(severity, report.WorstSideEffect[(int)kind]);
    }

    [TestMethod]
    public void Side_effects_are_read_back_from_the_diary_ring_after_a_reset_without_raising_the_alarm_again()
    {
        var rig = RunningTrial();
        Assert.IsTrue(rig.Pump.AddSideEffect(SideEffectKind.Pruritus, SideEffectSeverity.Moderate).Accepted);
        var pump = rig.PowerCycle();
        rig.PassSelfTest();
        Assert.AreEqual(1, pump.Diary.Count);
        Assert.IsTrue(pump.Diary.IsSideEffect(0));
        Assert.AreEqual(SideEffectKind.Pruritus, pump.Diary.SideEffect(0));
        Assert.AreEqual(SideEffectSeverity.Moderate, pump.Diary.Severity(0));
        Assert.IsFalse(pump.Supervisor.Alarms.IsShown(AlarmCode.TrialSideEffect));
    }
}
