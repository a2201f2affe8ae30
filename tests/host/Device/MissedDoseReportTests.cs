using OpenIdds.Firmware.Persistence;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Tests.Host.Device;

/// <summary>REPORT-WHAT-WAS-GIVEN: the hourly line and status count only the steps the motor made.</summary>
[TestClass]
public class MissedDoseReportTests
{
    [TestMethod]
    public void Steps_dropped_for_lateness_are_not_in_the_hourly_line_or_the_delivered_dose_of_status()
    {
        var rig = PumpRig.Running(PumpRig.Continuous(microlitersPerHour: 20));
        var pump = rig.Pump;
        // Line the hours up: run to just past the next hourly line.
        uint newest = pump.Events.Newest;
        while (!HourlyAfter(pump, newest, out _, out _)) rig.RunFor(Milliseconds.FromMinutes(1));
        long deliveredBefore = pump.Status().DeliveredNanograms;
        long plannedBefore = pump.Therapy.DeliveredMass.Value;
        newest = pump.Events.Newest;
        // The loop is held up for half an hour (a flood, a hung driver): the 40 steps due in it are dropped.
        rig.Clock.ElapsedMilliseconds += Milliseconds.FromMinutes(30).Value;
        pump.Tick();
        long missed = pump.Controller.StepsMissed;
        Assert.IsTrue(missed >= 39, $"{missed} dropped");
        long hourlySteps = 0, hourlyMass = 0;
        while (!HourlyAfter(pump, newest, out hourlySteps, out hourlyMass)) rig.RunFor(Milliseconds.FromMinutes(1));

        // 10 mg/mL x 250 nL = 2.5 ug a step.
        long perStep = 2_500;
        Assert.AreEqual(hourlySteps * perStep, hourlyMass, perStep, "the hourly line's mass is that of the steps given");
        long given = pump.Status().DeliveredNanograms - deliveredBefore;
        long planned = pump.Therapy.DeliveredMass.Value - plannedBefore;
        Assert.AreEqual(planned - missed * perStep, given, perStep, "status's delivered leaves the dropped steps out");
        Assert.IsTrue(pump.Supervisor.Alarms.IsShown(AlarmCode.UnderDelivery), "half an hour lost is under-delivery");
    }

    private static bool HourlyAfter(OpenIdds.Firmware.Device.InfusionPump pump, uint after, out long steps, out long mass)
    {
        steps = mass = 0;
        for (uint s = after + 1; s != 0 && s <= pump.Events.Newest; s++)
        {
            if (pump.Events.Read(s, out var kind, out _, out var a, out var b) && kind == EventKind.HourlyDelivery)
            {
                steps = a;
                mass = b;
                return true;
            }
        }
        return false;
    }
}
