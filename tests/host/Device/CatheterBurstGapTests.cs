using OpenIdds.Firmware.Units;

namespace OpenIdds.Tests.Host.Device;

/// <summary>CATHETER-BURST-IN-A-GAP on the whole pump: the check begins no burst the planned strokes would break.</summary>
[TestClass]
public sealed class CatheterBurstGapTests
{
    [TestMethod]
    public void Where_the_strokes_leave_no_quiet_burst_the_check_is_skipped_without_sampling()
    {
        // 50 uL/h in 250 nL strokes: one every 18 s, never the 26.6 s a burst needs after a stroke.
        var rig = CatheterRig.Started();
        rig.Fill();
        var report = rig.Pump.Program(PumpRig.Continuous(50), confirmed: true);
        Assert.IsTrue(report.Accepted, report.ToString());
        Milliseconds tip = rig.Pump.Therapy.TipArrival;
        CatheterRig.RunOn(rig, CatheterRig.Intact(), (tip.IsNever ? rig.Pump.Now.Value : tip.Value) + Milliseconds.PerHour);
        var check = rig.Pump.Supervisor.Catheter;
        long samples = check.SamplesTaken;
        int skipped = check.Skipped, checks = check.Checks;

        CatheterRig.RunOn(rig, CatheterRig.Intact(), rig.Pump.Now.Value + Milliseconds.PerDay);
        Assert.AreEqual(skipped + 6, check.Skipped, "six checks a day, each skipped");
        Assert.AreEqual(checks, check.Checks);
        Assert.IsTrue(check.SamplesTaken - samples <= 6, $"{check.SamplesTaken - samples} readings a day for checks that could never finish");
    }
}
