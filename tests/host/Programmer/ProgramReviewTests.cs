using System.Text.RegularExpressions;
using OpenIdds.Firmware.Protocol;
using OpenIdds.Programmer.Cli;
using OpenIdds.Programmer.Keys;
using OpenIdds.Tests.Host.Protocol;

namespace OpenIdds.Tests.Host.Programmer;

/// <summary>
/// `iddsctl program` against a linked pump: the review shows one quantity in one unit per row, and a
/// dose per day at the drug's concentration (DAILY-DOSE-EXACT: 0.5 mg/day of 10 mg/mL is 50 uL a day,
/// 2.0833 uL/h) is reviewed and committed exactly.
/// </summary>
[TestClass]
public class ProgramReviewTests
{
    /// <summary>Runs `iddsctl program` on <paramref name="json"/> against a linked pump; returns its exit code and output (one space for every run of blanks and rules).</summary>
    private static (int Exit, string Output) Program(LinkedPump linked, string json)
    {
        string folder = Path.Combine(Path.GetTempPath(), "openidds-review-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            string keys = Path.Combine(folder, "keys.json");
            var file = KeyFile.Load(keys);
            for (int r = 0; r < RoleName.Count; r++) file.Set(linked.Rig.Setup.DeviceId, (Role)r, KeyFile.DevelopmentKey(linked.Rig.Setup.DeviceId, (Role)r));
            file.Save();
            string rx = Path.Combine(folder, "rx.json");
            File.WriteAllText(rx, json);
            var output = new StringWriter();
            var console = ProgrammerConsole.Over(output, new StringReader(""), false);
            var options = new GlobalOptions("in-memory", 115200, keys, null, TimeSpan.FromMilliseconds(500), true);
            int exit;
            using (var session = new ProgrammerSession(options, console, linked.Link)) exit = ProgramCommand.Execute(session, rx, confirmSoftLimits: true);
            return (exit, Regex.Replace(output.ToString(), @"[\s│┃|]+", " "));
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [TestMethod]
    public void Iddsctl_programs_half_a_milligram_a_day_and_reviews_it_one_unit_per_row()
    {
        var linked = new LinkedPump(); // morphine 10 mg/mL at 20 uL/h: 4.8 mg a day, with a patient bolus
        var (exit, text) = Program(linked, "{ \"drug\": \"morphine\", \"concentration_ug_per_ml\": 10000, \"mode\": \"continuous\", \"dose_mg_per_day\": 0.5, " +
            "\"patient_bolus\": { \"dose_ug\": 100, \"duration\": \"10m\", \"lockout\": \"2h\", \"max_per_24h\": 4 } }");
        Assert.AreEqual(0, exit, text);
        Assert.AreEqual(50_000L, linked.Rig.Pump.Therapy.Prescription.DailyVolume.Value, text);
        StringAssert.Contains(text, " rate 20.000 uL/h 2.083 uL/h ");
        StringAssert.Contains(text, " volume per day 0.480 mL/day 0.050 mL/day ");
        StringAssert.Contains(text, " dose per day 4.800 mg/day 0.500 mg/day ");
        StringAssert.Contains(text, " concentration 10 mg/mL 10 mg/mL ");
        StringAssert.Contains(text, " patient bolus lockout 2 h 2 h ");
        Assert.IsFalse(text.Contains("divided by"), text);
        Assert.IsFalse(text.Contains("large-change factor"), text);
    }

    [TestMethod]
    public void A_large_drop_is_reviewed_one_quantity_per_row_and_worded_without_the_factor()
    {
        var linked = new LinkedPump(); // 20 uL/h of 10 mg/mL: 4.8 mg a day
        var (exit, text) = Program(linked, "{ \"drug\": \"morphine\", \"concentration_ug_per_ml\": 10000, \"mode\": \"continuous\", \"rate_ul_per_h\": 2 }");
        Assert.AreEqual(0, exit, text);
        StringAssert.Contains(text, " drug morphine morphine ");
        StringAssert.Contains(text, " rate 20.000 uL/h 2.000 uL/h ");
        StringAssert.Contains(text, " dose per day 4.800 mg/day 0.480 mg/day ");
        StringAssert.Contains(text, " patient boluses per 24 h 4 - ");
        StringAssert.Contains(text, "daily dose 480.000 ug is below the limit 2400.000 ug, 50 % of the current daily dose 4800.000 ug: a large drop");
        Assert.IsFalse(text.Contains("large-change factor"), text);
    }
}
