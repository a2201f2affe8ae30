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
}
