using OpenIdds.Firmware.Persistence;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Tests.Host.Device;

/// <summary>CATHETER-CHECK-LOGGED: every check writes one catheter-check event whose text a clinician reads.</summary>
[TestClass]
public sealed class CatheterCheckLogTests
{
    private static List<string> CheckTexts(PumpRig rig)
    {
        var texts = new List<string>();
        var log = rig.Pump.Events;
        for (uint s = 1; s <= log.Newest; s++)
            if (log.Read(s, out EventKind kind, out Milliseconds _, out long a, out long b) && kind == EventKind.CatheterCheck) texts.Add(EventText.Describe(kind, a, b));
        return texts;
    }

    [TestMethod]
    public void Each_check_writes_one_event_with_its_evidence_in_words()
    {
        var rig = CatheterRig.Started();
        CatheterRig.RunOn(rig, CatheterRig.Intact(), Milliseconds.PerDay + Milliseconds.PerHour);
        CatheterRig.RunOn(rig, CatheterRig.Dislodged(), 3 * Milliseconds.PerDay);
        var texts = CheckTexts(rig);
        Assert.AreEqual(rig.Pump.Supervisor.Catheter.Checks, texts.Count, string.Join("\n", texts));
        StringAssert.StartsWith(texts[0], "baseline still learning: 5 more check(s) before the catheter is judged; next check in 3 h 59 min");
        StringAssert.StartsWith(texts[5], "baseline learned from the first 6 checks");
        StringAssert.Matches(texts[6], new System.Text.RegularExpressions.Regex(@"^intact: cardiac \d+ %, respiratory \d+ % of this patient's baseline energy; next check in 3 h 59 min$"));
        Assert.IsTrue(texts.Any(t => t.StartsWith("pulsatility lost: cardiac ") && t.Contains("(3 of 3 checks in a row raise the alert)")), string.Join("\n", texts));
    }

    [TestMethod]
    public void The_event_values_unpack_to_what_the_check_saw()
    {
        long a = CatheterCheckText.PackEvidence(120, 4, 2, 0, true, true);
        long b = CatheterCheckText.PackVerdict(CatheterCheckVerdict.RisingResistance, 239);
        Assert.AreEqual("rising resistance (cardiac pulse damped, respiratory wave kept: a kink or partial blockage?): cardiac 4 %, respiratory 120 % of this patient's baseline energy (2 of 3 checks in a row raise the alert); next check in 3 h 59 min",
            EventText.Describe(EventKind.CatheterCheck, a, b));
        long intact = CatheterCheckText.PackVerdict(CatheterCheckVerdict.Intact, 240);
        StringAssert.Contains(EventText.Describe(EventKind.CatheterCheck, CatheterCheckText.PackEvidence(90, 0, 0, 0, true, false), intact), "cardiac 0 % (too small to judge), respiratory 90 %");
    }

    [TestMethod]
    public void A_line_resistance_event_unpacks_to_what_the_window_saw()
    {
        Assert.AreEqual("line resistance raised (the line drains slowly: a kink or partial blockage?): 61.2 % of a stroke's pressure left 0.5 s after it, this patient's baseline 0.8 % (2 of 3 windows in a row raise the alert); next window in 3 h 59 min",
            EventText.Describe(EventKind.LineResistance, LineResistanceText.PackEvidence(612, 8, 2, 0), 239));
        Assert.AreEqual("line resistance normal: -0.4 % of a stroke's pressure left 0.5 s after it, this patient's baseline 1.2 % (the alert needs 26.2 % in 3 windows in a row); next window in 4 h",
            EventText.Describe(EventKind.LineResistance, LineResistanceText.PackEvidence(-4, 12, 0, 0), 240));
        StringAssert.StartsWith(EventText.Describe(EventKind.LineResistance, LineResistanceText.PackEvidence(3, 0, 0, 5), 240),
            "line resistance baseline still learning: 0.3 % of a stroke's pressure left 0.5 s after it; 5 more window(s) of 32 strokes before the line is judged");
        Assert.AreEqual("line-resistance", EventKindName.Of(EventKind.LineResistance));
    }
}
