using OpenIdds.Firmware.Persistence;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Tests.Host.Device;

/// <summary>EVERY-REFUSAL-LOGGED and REFUSAL-LOGGED-WITH-LIMIT: refused prescriptions reach the exported log, with field, value and limit.</summary>
[TestClass]
public class ProgrammingRefusalLogTests
{
    private static List<string> Exported(PumpRig rig)
    {
        var lines = new List<string>();
        for (uint s = rig.Pump.Events.Oldest; s != 0 && s <= rig.Pump.Events.Newest; s++)
            if (rig.Pump.Events.Read(s, out var kind, out _, out var a, out var b)) lines.Add(EventKindName.Of(kind) + " " + EventText.Describe(kind, a, b));
        return lines;
    }

    [TestMethod]
    public void A_reviewed_prescription_over_the_hard_daily_limit_is_logged_with_the_value_and_the_limit()
    {
        var rig = PumpRig.Running();
        // 70 uL/h of 10 mg/mL is 16.8 mg a day: over morphine's 15 mg hard limit.
        var report = rig.Pump.Review(PumpRig.Continuous(70));
        Assert.IsTrue(report.Has(TherapyError.DailyDoseAboveHardLimit), report.ToString());
        var log = Exported(rig);
        Assert.IsTrue(log.Contains("programming-refused daily-dose-above-hard-limit"), string.Join("\n", log));
        Assert.IsTrue(log.Contains("refused-value daily-dose-above-hard-limit: daily dose 16800.000 ug, limit 15000.000 ug"), string.Join("\n", log));
    }

    [TestMethod]
    public void A_prescription_of_an_unknown_drug_is_in_the_log_whether_reviewed_or_committed()
    {
        var rig = PumpRig.Running();
        var unknown = Prescription.Continuous(new Drug("morfine", new MicrogramsPerMilliliter(10_000)), new NanolitersPerHour(20_000), null);
        Assert.IsFalse(rig.Pump.Review(unknown).Accepted);
        Assert.IsFalse(rig.Pump.Program(unknown, confirmed: true).Accepted);
        Assert.AreEqual(2, Exported(rig).Count(l => l == "programming-refused drug-not-in-library"));
    }
}
