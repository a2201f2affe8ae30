using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using OpenIdds.Programmer.Records;
using OpenIdds.Programmer.Records.Fhir;
using OpenIdds.Simulator.Reporting;
using OpenIdds.Simulator.Running;
using OpenIdds.Simulator.Scenarios;

namespace OpenIdds.Tests.Host.Records;

/// <summary>
/// The FHIR export of the simulator's virtual pumps: it validates against the base R4 profiles with no
/// error, a broken resource does not, the daily administrations add up to the pump's delivered volume
/// to the nanoliter, and the patient is in it only when asked.
/// </summary>
[TestClass]
public class TherapyBundleTests
{
    private static ScenarioResult _default = null!;

    [ClassInitialize]
    public static void RunDefault(TestContext _) => _default = ScenarioRunner.Run(Scenario.Load(ScenarioLibrary.Resolve("default")));

    private static SessionReport Report(VirtualPump pump) => SessionReport.From(SessionReports.Snapshot(pump, SessionReports.Calendar));

    private static IEnumerable<T> All<T>(Bundle b) where T : Resource => b.Entry.Select(e => e.Resource).OfType<T>();

    private static long AdministeredNanoliters(Bundle b) => All<MedicationAdministration>(b).Sum(a =>
    {
        var dose = a.Dosage!.Dose!;
        Assert.AreEqual("http://unitsofmeasure.org", dose.System);
        Assert.AreEqual("uL", dose.Code);
        return (long)(dose.Value!.Value * 1000m);
    });

    [TestMethod]
    public void The_trial_and_the_implant_bundles_validate_against_the_base_R4_profiles_with_no_error()
    {
        foreach (var pump in _default.Pumps)
        {
            var bundle = TherapyBundle.Build(Report(pump), patientId: "MRN-0042");
            var errors = FhirValidation.Errors(bundle);
            Assert.AreEqual(0, errors.Count, string.Join("\n", errors));
        }
    }

    [TestMethod]
    public void Every_resource_the_issue_names_is_in_the_bundle()
    {
        var trial = TherapyBundle.Build(Report(_default.Pumps[0]), null);
        foreach (var type in new[] { typeof(Hl7.Fhir.Model.Device), typeof(DeviceMetric), typeof(Medication), typeof(MedicationRequest), typeof(MedicationAdministration), typeof(Observation) })
            Assert.IsTrue(trial.Entry.Any(e => e.Resource?.GetType() == type), type.Name);
        Assert.IsTrue(All<Observation>(trial).Any(o => o.Code!.Coding.Any(c => c.System == "http://loinc.org" && c.Code == "72514-3")), "the pain scores");
        Assert.IsTrue(All<Observation>(trial).Any(o => o.Value is Quantity { Code: "%" }), "the relief figure");
        var stall = ScenarioRunner.Run(Scenario.Load(ScenarioLibrary.Resolve("motor-stall")));
        var withAlarms = TherapyBundle.Build(Report(stall.Pumps[^1]), null);
        Assert.IsTrue(All<DetectedIssue>(withAlarms).Any(d => d.Code?.Text?.Contains("motor-stall") == true && d.Severity == DetectedIssue.DetectedIssueSeverity.High), "the stall alarm");
        Assert.AreEqual(0, FhirValidation.Errors(withAlarms).Count, string.Join("\n", FhirValidation.Errors(withAlarms)));
    }

    [TestMethod]
    public void A_broken_resource_gets_errors_so_the_check_can_fail()
    {
        var bundle = TherapyBundle.Build(Report(_default.Pumps[^1]), null);
        var administration = All<MedicationAdministration>(bundle).First();
        administration.Subject = null!;   // 1..1 in R4
        administration.Effective = null!; // 1..1 in R4
        var errors = FhirValidation.Errors(bundle);
        Assert.IsTrue(errors.Count >= 2, "errors: " + string.Join("\n", errors));
        Assert.IsTrue(errors.Any(e => e.Contains("subject", StringComparison.OrdinalIgnoreCase)), string.Join("\n", errors));
        Assert.AreEqual(4, FhirValidation.Errors(new MedicationAdministration()).Count, "an empty MedicationAdministration: status, medication, subject, effective");
    }

    [TestMethod]
    public void The_daily_administrations_add_up_to_the_pumps_delivered_volume_to_the_nanoliter()
    {
        foreach (var pump in _default.Pumps)
            Assert.AreEqual(pump.DeliveredNanoliters, AdministeredNanoliters(TherapyBundle.Build(Report(pump), null)), pump.Pump.Therapy.Configuration.Stage.ToString());
        // A bench-measured calibration of 248.7 nL a step: a day's volume is not a whole number of nanoliters, so
        // rounding each day on its own would lose up to a nanoliter a day; a power cut mid-therapy too.
        foreach (string name in new[] { "power-loss-mid-therapy", "flex-over-days" })
        {
            var scenario = Scenario.Load(ScenarioLibrary.Resolve(name)) with { CalibrationPicolitersPerStep = 248_700 };
            var pump = ScenarioRunner.Run(scenario).Pumps[^1];
            var report = Report(pump);
            Assert.IsTrue(report.Days.Count >= (name == "flex-over-days" ? 2 : 1), $"{name}: {report.Days.Count} days");
            Assert.AreEqual(pump.DeliveredNanoliters, AdministeredNanoliters(TherapyBundle.Build(report, null)), name);
        }
    }

    [TestMethod]
    public void The_patient_is_in_the_bundle_only_when_asked()
    {
        var pump = _default.Pumps[^1];
        string anonymous = TherapyBundle.ToJson(TherapyBundle.Build(Report(pump), null));
        Assert.IsFalse(anonymous.Contains("\"Patient\""), "no Patient resource without --patient-id");
        var named = TherapyBundle.Build(Report(pump), "MRN-0042");
        var patient = All<Patient>(named).Single();
        Assert.AreEqual("MRN-0042", patient.Identifier.Single().Value);
        Assert.AreEqual(0, patient.Name.Count + (patient.BirthDate == null ? 0 : 1) + patient.Address.Count, "the identifier and nothing else");
        string? url = named.Entry.Single(e => e.Resource is Patient).FullUrl;
        Assert.IsTrue(All<MedicationAdministration>(named).All(a => a.Subject?.Reference == url));
        Assert.IsTrue(JsonNode.Parse(TherapyBundle.ToJson(named)) is JsonObject, "serialises as JSON");
    }
}
