using OpenIdds.Firmware.Device;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Tests.Host.Device;

/// <summary>
/// BATTERY-CHARGE-COUNTED on the whole pump: a board without a charge gauge (every dev board) still
/// gets its elective replacement indicator, from the charge the firmware counts out of the journaled
/// step count and pump time, and the count goes on across resets.
/// </summary>
[TestClass]
public sealed class BatteryCountTests
{
    [TestMethod]
    public void Without_a_gauge_the_implanted_pump_counts_its_charge_across_resets_and_warns_90_days_before_the_end()
    {
        var rig = new PumpRig(PumpStage.Implanted);
        Assert.AreEqual(-1, rig.Board.Battery.ConsumedMicroampereHours, "the fake board has no gauge");
        rig.PassSelfTest();
        SupervisorSettings settings = rig.Setup.SupervisorSettingsFor(PumpStage.Implanted);
        long daily = settings.QuiescentMicroamperes * 24;   // stopped: no steps, only the quiescent current
        // ERI once whole days left (remaining / daily) reach the reserve plus 90
        long eriDay = (settings.BatteryMicroampereHours - (BatteryLifeMonitor.EndOfServiceReserveDays + BatteryLifeMonitor.DaysBetweenEriAndEos + BatteryLifeMonitor.EriMarginDays + 1) * daily) / daily + 1;

        long eri = -1, eos = -1;
        for (long day = 1; day <= eriDay + 120; day++)
        {
            rig.Clock.ElapsedMilliseconds += Milliseconds.PerDay;
            rig.Pump.Tick();
            var alarms = rig.Pump.Supervisor.Alarms;
            if (eri < 0 && alarms.IsShown(AlarmCode.BatteryElectiveReplacement)) eri = day;
            if (eos < 0 && alarms.IsShown(AlarmCode.BatteryEndOfService)) eos = day;
            if (day % 1000 == 0)
            {
                rig.PowerCycle();
                rig.PassSelfTest();
                Assert.IsTrue(Math.Abs(rig.Pump.Now.Value - day * Milliseconds.PerDay) <= Milliseconds.PerHour, "pump time (and so the count) survived the reset");
            }
        }
        Assert.AreEqual(eriDay, eri, "elective replacement on the day the count leaves 100 days of charge");
        Assert.IsTrue(eos - eri >= BatteryLifeMonitor.DaysBetweenEriAndEos, "ERI on day " + eri + ", EOS on day " + eos);
        Assert.IsTrue(rig.Pump.Supervisor.Battery.Counting);
    }

    [TestMethod]
    public void The_trial_pumps_changeable_cells_are_never_counted_down()
    {
        var rig = new PumpRig(PumpStage.Trial);
        rig.PassSelfTest();
        rig.Clock.ElapsedMilliseconds += 20 * 365 * Milliseconds.PerDay;
        rig.Pump.Tick();
        var alarms = rig.Pump.Supervisor.Alarms;
        Assert.IsFalse(alarms.IsShown(AlarmCode.BatteryEndOfService) || alarms.IsShown(AlarmCode.BatteryLow));
        Assert.IsFalse(rig.Pump.Supervisor.Battery.Counting);
    }
}
