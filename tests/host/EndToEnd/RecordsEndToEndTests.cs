using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using OpenIdds.Programmer.Records;
using OpenIdds.Tests.Host.Records;

namespace OpenIdds.Tests.Host.EndToEnd;

/// <summary>
/// iddsctl report and the FHIR export against the simulator's virtual device on a pseudo-terminal: the
/// report holds every section the clinic files, the same report prints from a saved export, and the
/// bundle read from the device validates against the base R4 profiles.
/// </summary>
[TestClass]
public class RecordsEndToEndTests
{
    private static void AssertSections(string html)
    {
        foreach (string id in ReportPage.SectionIds) StringAssert.Contains(html, $"<section id=\"{id}\">", id);
        foreach (string text in new[] { "SIM-0001", "openidds 0.9", "morphine", "computed", "not measured: no level sensor", "refill by", "battery", "data:image/png;base64,", "granted", "refused: patient-bolus-in-lockout", "clinician key", "@media print" })
            StringAssert.Contains(html, text);
    }

    [TestMethod]
    [Timeout(90_000)]
    public void The_report_from_the_virtual_device_has_every_section_and_prints_again_from_a_saved_export()
    {
        using var bench = new ProgrammerEndToEndTests.Bench();
        bench.Run("bolus");
        bench.Run("bolus");
        string html = Path.Combine(bench.Folder, "report.html");
        var (exit, output) = bench.Run("report", "--out", html);
        Assert.AreEqual(0, exit, output);
        AssertSections(File.ReadAllText(html));

        string json = Path.Combine(bench.Folder, "log.json"), again = Path.Combine(bench.Folder, "again.html");
        Assert.AreEqual(0, bench.Run("log", "export", "--format", "json", "--out", json).Exit);
        (exit, output) = bench.Run("report", "--from", json, "--out", again);
        Assert.AreEqual(0, exit, output);
        AssertSections(File.ReadAllText(again));
    }

    [TestMethod]
    [Timeout(90_000)]
    public void The_fhir_export_from_the_virtual_device_validates_and_names_the_patient_only_when_asked()
    {
        using var bench = new ProgrammerEndToEndTests.Bench();
        bench.Run("bolus");
        string anonymous = Path.Combine(bench.Folder, "record.json"), named = Path.Combine(bench.Folder, "named.json");
        var (exit, output) = bench.Run("log", "export", "--format", "fhir", "--out", anonymous);
        Assert.AreEqual(0, exit, output);
        Assert.AreEqual(0, bench.Run("log", "export", "--format", "fhir", "--patient-id", "MRN-0042", "--out", named).Exit);
        var options = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);
        var bundle = JsonSerializer.Deserialize<Bundle>(File.ReadAllText(anonymous), options)!;
        var errors = FhirValidation.Errors(bundle);
        Assert.AreEqual(0, errors.Count, string.Join("\n", errors));
        Assert.IsFalse(bundle.Entry.Any(e => e.Resource is Patient));
        Assert.IsTrue(bundle.Entry.Any(e => e.Resource is MedicationAdministration));
        var withPatient = JsonSerializer.Deserialize<Bundle>(File.ReadAllText(named), options)!;
        Assert.AreEqual("MRN-0042", withPatient.Entry.Select(e => e.Resource).OfType<Patient>().Single().Identifier.Single().Value);
        Assert.AreEqual(2, bench.Run("log", "export", "--format", "csv", "--patient-id", "MRN-0042").Exit, "a patient id on a CSV export is refused");
    }
}
