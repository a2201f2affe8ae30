using OpenIdds.Firmware.Persistence;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Tests.Host.Device;

/// <summary>
/// CATHETER-BASELINE-KEPT and CATHETER-RELEARN-ON-REVISION on the whole pump: the catheter check's
/// learned baseline survives a reset, and only a clinician's revision command makes it learn again.
/// </summary>
[TestClass]
public sealed class CatheterBaselineTests
{
    private static readonly long Day = Milliseconds.PerDay;

    [TestMethod]
    public void A_reset_keeps_the_learned_baseline_so_a_catheter_dislodged_after_it_still_raises_the_alert()
    {
        var rig = CatheterRig.Started();
        CatheterRig.RunOn(rig, CatheterRig.Intact(), Day + Milliseconds.PerHour);
        var check = rig.Pump.Supervisor.Catheter;
        Assert.AreEqual(0, check.BaselineBurstsLeft, "a day of checks learned the baseline");
        long respiratory = check.RespiratoryBaseline, cardiac = check.CardiacBaseline;

        rig.PowerCycle();
        rig.PassSelfTest();
        check = rig.Pump.Supervisor.Catheter;
        Assert.AreEqual(0, check.BaselineBurstsLeft, "the reset did not restart learning");
        Assert.IsTrue(Math.Abs(respiratory - check.RespiratoryBaseline) < 16, $"respiratory {check.RespiratoryBaseline}, was {respiratory} (kept in sixteenths)");
        Assert.IsTrue(Math.Abs(cardiac - check.CardiacBaseline) < 16, $"cardiac {check.CardiacBaseline}, was {cardiac}");

        // Learned afresh, the dislodged catheter's weak pulse would be this patient's normal: no alert ever.
        CatheterRig.RunOn(rig, CatheterRig.Dislodged(), rig.Pump.Now.Value + Day);
        Assert.IsTrue(rig.Pump.Supervisor.Alarms.IsShown(AlarmCode.CatheterIntegritySuspected), "a dislodgement after the reset is still found within a day");
    }

    [TestMethod]
    public void A_reset_keeps_the_line_resistance_baseline_so_a_line_kinked_before_it_is_not_learned_as_normal()
    {
        var rig = CatheterRig.Started();
        var trend = rig.Pump.Supervisor.Catheter.Resistance;
        Assert.IsFalse(trend.BaselineLearned, "a new pump has no resistance baseline");
        trend.Restore(123);
        CatheterRig.RunOn(rig, CatheterRig.Intact(), 2 * Milliseconds.PerHour);

        rig.PowerCycle();
        rig.PassSelfTest();
        trend = rig.Pump.Supervisor.Catheter.Resistance;
        Assert.IsTrue(trend.BaselineLearned, "the reset did not restart learning the line's resistance");
        Assert.AreEqual(123, trend.BaselinePerMille);

        rig.Pump.CatheterRevised();
        rig.PowerCycle();
        rig.PassSelfTest();
        Assert.IsFalse(rig.Pump.Supervisor.Catheter.Resistance.BaselineLearned, "a revision, journaled, forgets the resistance baseline across a reset");
    }

    [TestMethod]
    public void A_revision_discards_the_baseline_logs_it_and_the_check_learns_the_new_catheter()
    {
        var rig = CatheterRig.Started();
        CatheterRig.RunOn(rig, CatheterRig.Intact(), Day + Milliseconds.PerHour);
        Assert.IsTrue(rig.Pump.Supervisor.Catheter.BaselineLearned);
        long oldCardiac = rig.Pump.Supervisor.Catheter.CardiacBaseline;

        Assert.IsTrue(rig.Pump.CatheterRevised(), "a learned baseline was discarded");
        var check = rig.Pump.Supervisor.Catheter;
        Assert.AreEqual(CatheterIntegrityMonitor.BaselineBursts, check.BaselineBurstsLeft);
        EventKind kind;
        Milliseconds at;
        long a, b;
        Assert.IsTrue(rig.Pump.Events.Read(rig.Pump.Events.Newest, out kind, out at, out a, out b));
        Assert.AreEqual(EventKind.CatheterRevised, kind);
        Assert.AreEqual(1L, a);
        StringAssert.Contains(EventText.Describe(kind, a, b), "learned baseline discarded");

        // The revision is journaled: a reset right after it does not bring the old catheter's baseline back.
        rig.PowerCycle();
        rig.PassSelfTest();
        Assert.AreEqual(CatheterIntegrityMonitor.BaselineBursts, rig.Pump.Supervisor.Catheter.BaselineBurstsLeft);

        // The new catheter's pulse is half the old one's: learned as this patient's normal, not an alert.
        var weaker = CatheterRig.Intact();
        weaker.CardiacAmplitudePascals = 66;
        weaker.RespiratoryAmplitudePascals = 100;
        CatheterRig.RunOn(rig, weaker, rig.Pump.Now.Value + 3 * Day);
        check = rig.Pump.Supervisor.Catheter;
        Assert.IsTrue(check.BaselineLearned);
        Assert.IsTrue(check.CardiacBaseline < oldCardiac / 2, $"the new catheter's baseline {check.CardiacBaseline} against the old {oldCardiac}");
        Assert.IsFalse(rig.Pump.Supervisor.Alarms.IsShown(AlarmCode.CatheterIntegritySuspected));
        Assert.AreEqual(CatheterCheckVerdict.Intact, check.LastVerdict);
    }
}
