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
}
