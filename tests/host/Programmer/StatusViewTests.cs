using OpenIdds.Firmware.Protocol.Messages;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;
using OpenIdds.Programmer.Cli;

namespace OpenIdds.Tests.Host.Programmer;

/// <summary>What iddsctl status tells the patient about boluses matches what the pump would answer.</summary>
[TestClass]
public class StatusViewTests
{
    private static string Show(StatusMessage s)
    {
        var output = new StringWriter();
        StatusView.Show(ProgrammerConsole.Over(output, new StringReader(""), false), s, DateTimeOffset.UnixEpoch);
        return System.Text.RegularExpressions.Regex.Replace(output.ToString(), @"[\s│]+", " ");
    }

    private static StatusMessage Priming(long pumpTime, long tipArrival) => new()
    {
        DeviceId = "SIM-0001",
        PumpTime = pumpTime,
        TipArrival = tipArrival,
        Prescription = Prescription.Continuous(new Drug(DrugLibrary.Morphine, new MicrogramsPerMilliliter(10_000)), new NanolitersPerHour(20_000),
            new PatientBolusSettings(new Micrograms(100), Milliseconds.FromMinutes(10), Milliseconds.FromHours(2), 4)),
    };

    [TestMethod]
    public void While_the_line_primes_status_says_no_bolus_until_the_drug_reaches_the_tip_not_available_now()
    {
        string text = Show(Priming(60_000, 15 * 60_000));
        Assert.IsFalse(text.Contains("available now"), text);
        StringAssert.Contains(text, "none until the new drug reaches the catheter tip");
        StringAssert.Contains(Show(Priming(16 * 60_000, long.MaxValue)), "available now");
    }

    [TestMethod]
    public void Status_shows_the_last_catheter_check_in_a_clinicians_words()
    {
        var rig = OpenIdds.Tests.Host.Device.CatheterRig.Started();
        OpenIdds.Tests.Host.Device.CatheterRig.RunOn(rig, OpenIdds.Tests.Host.Device.CatheterRig.Intact(), 2 * 3_600_000);
        string learning = Show(rig.Pump.Status());
        StringAssert.Contains(learning, "catheter check last check");
        StringAssert.Contains(learning, "baseline still learning: 5 more check(s)");
        StringAssert.Contains(learning, "next check due");

        OpenIdds.Tests.Host.Device.CatheterRig.RunOn(rig, OpenIdds.Tests.Host.Device.CatheterRig.Intact(), 29 * 3_600_000);
        string text = Show(rig.Pump.Status());
        StringAssert.Contains(text, "intact: cardiac ");
        StringAssert.Contains(text, "of this patient's baseline energy");
        StringAssert.Contains(text, "ago)");
        StringAssert.Contains(text, "next check due");
    }

    [TestMethod]
    public void Status_says_how_far_a_lost_pulse_has_got_toward_the_alert()
    {
        var s = new StatusMessage
        {
            DeviceId = "SIM-0001", PumpTime = 10 * 3_600_000,
            CatheterVerdict = (int)OpenIdds.Firmware.Safety.CatheterCheckVerdict.PulsatilityLost,
            CatheterCheckedAt = 9 * 3_600_000, CatheterNextCheck = 13 * 3_600_000,
            CatheterRespiratoryPercent = 2, CatheterCardiacPercent = 1, CatheterRun = 2, CatheterJudgedBands = 3,
        };
        string text = Show(s);
        StringAssert.Contains(text, "(1 h ago): pulsatility lost: cardiac 1 %, respiratory 2 % of this patient's baseline energy (2 of 3 checks in a row raise the alert); next check due");
        StringAssert.Contains(text, "(in 3 h)");
        Assert.IsFalse(Show(new StatusMessage { DeviceId = "SIM-0001" }).Contains("catheter check"), "a pump that runs no check shows no row");
    }

    [TestMethod]
    public void Status_shows_the_last_line_resistance_window_against_the_patients_baseline()
    {
        var s = new StatusMessage
        {
            DeviceId = "SIM-0001", PumpTime = 10 * 3_600_000,
            CatheterVerdict = (int)OpenIdds.Firmware.Safety.CatheterCheckVerdict.Intact,
            CatheterCheckedAt = 9 * 3_600_000, CatheterNextCheck = 13 * 3_600_000, CatheterJudgedBands = 3,
            LineWindowAt = 8 * 3_600_000, LineRetentionPerMille = 540, LineBaselinePerMille = 9, LineRun = 1, LineBaselineLeft = 0,
        };
        StringAssert.Contains(Show(s), "line resistance last window");
        StringAssert.Contains(Show(s), "(2 h ago): line resistance raised (the line drains slowly: a kink or partial blockage?): 54.0 % of a stroke's pressure left 0.5 s after it, this patient's baseline 0.9 % (1 of 3 windows in a row raise the alert)");

        // Through the protocol: what the pump sends is what the programmer reads.
        var w = new OpenIdds.Firmware.Protocol.PayloadWriter(4096);
        s.LineRetentionPerMille = -7;
        s.Write(w);
        var r = new OpenIdds.Firmware.Protocol.PayloadReader(w.Buffer, w.Start, w.Length);
        var read = StatusMessage.Read(r);
        Assert.IsTrue(r.Ok);
        Assert.AreEqual(-7, read.LineRetentionPerMille);
        Assert.AreEqual(9, read.LineBaselinePerMille);
        Assert.AreEqual(8L * 3_600_000, read.LineWindowAt);
        StringAssert.Contains(Show(read), "line resistance normal: -0.7 % of a stroke's pressure left 0.5 s after it, this patient's baseline 0.9 %");

        s.LineWindowAt = long.MaxValue;
        s.LineBaselineLeft = 6;
        StringAssert.Contains(Show(s), "line resistance no window yet since the start or the last revision (32 strokes each, every 4 h)");
        s.LineBaselineLeft = -1;
        Assert.IsFalse(Show(s).Contains("line resistance"), "a pump that sends no window shows no row");
    }
}

