using OpenIdds.Firmware.Persistence;
using OpenIdds.Firmware.Units;
using OpenIdds.Programmer.Link;
using OpenIdds.Programmer.Records;

namespace OpenIdds.Tests.Host.Device;

/// <summary>EVENT-TIME-FIXED: an event's time is fixed when it is written (issue 16, item 9).</summary>
[TestClass]
public class EventTimeTests
{
    private static (long PumpTime, long TimeOfDay) Newest(OpenIdds.Firmware.Device.InfusionPump pump, EventKind wanted)
    {
        for (uint s = pump.Events.Newest; s != 0 && s >= pump.Events.Oldest; s--)
            if (pump.Events.Read(s, out var kind, out var at, out long tod, out _, out _) && kind == wanted) return (at.Value, tod);
        Assert.Fail($"no {wanted} event");
        return (0, 0);
    }

    [TestMethod]
    public void An_events_time_of_day_stays_the_same_across_a_power_loss_and_a_later_clock_sync()
    {
        var rig = PumpRig.Running();
        Assert.IsTrue(rig.Pump.SyncClock(Milliseconds.FromHours(7) + Milliseconds.FromMinutes(13)).Accepted);
        Assert.IsTrue(rig.Pump.RequestPatientBolus().Accepted);
        var granted = Newest(rig.Pump, EventKind.BolusGranted);
        Assert.AreEqual(Milliseconds.FromHours(7).Value + Milliseconds.FromMinutes(13).Value, granted.TimeOfDay, 10, "the time of day the clock showed");

        rig.RunFor(Milliseconds.FromMinutes(5));
        var pump = rig.PowerCycle();
        rig.PassSelfTest();
        Assert.AreEqual(granted, Newest(pump, EventKind.BolusGranted), "a restart keeps the event's time");
        // 40 minutes off, then the clinician syncs the clock to the real time.
        Assert.IsTrue(pump.SyncClock(Milliseconds.FromHours(8)).Accepted);
        Assert.AreEqual(granted, Newest(pump, EventKind.BolusGranted), "a later clock sync does not move it");
        var reset = Newest(pump, EventKind.Reset);
        Assert.AreNotEqual(EventLog.NoTimeOfDay, reset.TimeOfDay, "the power-up event has a time of day from the recovered clock");
    }

    [TestMethod]
    public void Two_exports_taken_after_an_outage_show_the_same_time_for_the_same_event()
    {
        var tod = (long)new TimeSpan(7, 13, 28).TotalMilliseconds;
        var e = new LoggedEvent(5, (int)EventKind.BolusGranted, 3_600_000, 1, 100, tod);
        var first = DateTimeOffset.Now.Date.AddHours(12);
        // The pump was off 40 minutes between the two reads: pump time 0 seems 40 minutes later.
        var before = new PumpSnapshot("d", "f", new DateTimeOffset(first), null, null, 50, [e]);
        var after = before with { PumpZero = before.PumpZero + TimeSpan.FromMinutes(40) };
        var rowBefore = SnapshotFile.Rows(before)[0];
        var rowAfter = SnapshotFile.Rows(after)[0];
        Assert.AreEqual(rowBefore.Time, rowAfter.Time);
        Assert.AreEqual(tod, (long)before.EventTime(e).ToLocalTime().TimeOfDay.TotalMilliseconds);
    }
}
