using OpenIdds.Programmer.Cli;
using OpenIdds.Simulator.Running;
using OpenIdds.Simulator.Scenarios;

namespace OpenIdds.Tests.Host.HostLib;

/// <summary>
/// One prescription JSON, one reading: `iddsctl program` and a simulator scenario take and refuse the
/// same text, with the stricter rule of each pair the two tools once had (docs/protocol.md).
/// </summary>
[TestClass]
public class PrescriptionJsonTests
{
    private static string Temp(string json)
    {
        string path = Path.Combine(Path.GetTempPath(), $"openidds-rx-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    /// <summary>The prescription read by iddsctl (the file) and by the simulator (a 10 min scenario that programs it at the start).</summary>
    private static (Func<object> Iddsctl, Func<object> Simulator) BothTools(string prescription) => (
        () =>
        {
            string path = Temp($"{{ \"drug\": \"morphine\", \"concentration_ug_per_ml\": 1000, {prescription} }}");
            try { return PrescriptionFile.Load(path); }
            finally { File.Delete(path); }
        },
        () =>
        {
            string path = Temp($"{{ \"name\": \"rx\", \"duration\": \"10m\", \"prescription\": {{ {prescription} }} }}");
            try { return ScenarioRunner.Run(Scenario.Load(path)); }
            finally { File.Delete(path); }
        });

    [TestMethod]
    [DataRow("\"mode\": \"continuous\", \"rate_ul_per_h\": 20.8333", "rate_ul_per_h", "more than three decimals")]
    [DataRow("\"mode\": \"flex\", \"steps\": [ { \"at\": \"6h\", \"rate_ul_per_h\": 2.5 } ]", "steps[0].at", "is not a time of day (HH:MM")]
    [DataRow("\"mode\": \"flex\", \"steps\": [ { \"at\": \"06:00:30\", \"rate_ul_per_h\": 2.5 } ]", "steps[0].at", "is not a time of day (HH:MM")]
    [DataRow("\"mode\": \"continuous\", \"rate_ul_per_h\": 2000000", "rate_ul_per_h", "outside 0..1000000 uL/h")]
    [DataRow("\"mode\": \"continuous\", \"rate_ul_per_h\": 20, \"patient_bolus\": { \"dose_ug\": 100, \"duration\": \"10m\", \"lockout\": \"2h\" }", "max_per_24h", "missing required properties")]
    [DataRow("\"rate_ul_per_h\": 20", "mode", "missing required properties")]
    [DataRow("\"mode\": \"continuous\", \"rate_ul_per_h\": 20, \"rate_ul_per_h\": 200", "rate_ul_per_h", "Duplicate")]
    public void The_same_prescription_text_is_refused_by_iddsctl_and_by_the_simulator_naming_the_field(string prescription, string field, string why)
    {
        var (iddsctl, simulator) = BothTools(prescription);
        foreach (var (tool, read) in new[] { ("iddsctl", iddsctl), ("simulator", simulator) })
        {
            var e = Assert.Throws<Exception>(() => read(), $"{tool} took {prescription}");
            StringAssert.Contains(e.Message, field, tool);
            StringAssert.Contains(e.Message, why, tool);
        }
    }

    [TestMethod]
    public void A_lockout_of_1_5h_and_a_duration_of_15min_read_alike_in_iddsctl_and_in_the_simulator()
    {
        var (iddsctl, simulator) = BothTools("\"mode\": \"continuous\", \"rate_ul_per_h\": 20.833, \"patient_bolus\": { \"dose_ug\": 10, \"duration\": \"15min\", \"lockout\": \"1.5h\", \"max_per_24h\": 4 }");
        var p = (OpenIdds.Firmware.Therapy.Prescription)iddsctl();
        Assert.AreEqual(20_833, p.Rate.Value);
        Assert.AreEqual(15 * 60_000, p.PatientBolus!.Duration.Value);
        Assert.AreEqual(90 * 60_000, p.PatientBolus.Lockout.Value);
        var run = (ScenarioResult)simulator();
        Assert.AreEqual(20.833, run.InitialRateMicrolitersPerHour, 1e-9);
    }
}
