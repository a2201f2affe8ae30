using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace OpenIdds.Programmer.Records.Fhir;

/// <summary>
/// The therapy record as an HL7 FHIR R4 Bundle (a collection) for the health record: the Device and
/// its DeviceMetrics, the Medication, MedicationRequests, MedicationAdministrations per day, the trial
/// diary as Observations, the alarms as DetectedIssues - and a Patient only with a patient id
/// (PATIENT-ID-ON-REQUEST). docs/records.md says why each resource.
/// </summary>
public static class TherapyBundle
{
    private static readonly JsonSerializerOptions Json = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector).Pretty();

    public static Bundle Build(SessionReport report, string? patientId)
    {
        var b = new BundleBuilder(report, patientId);
        var device = DeviceEntries.Add(b);
        MedicationEntries.Add(b, device);
        DiaryEntries.Add(b, device);
        AlarmEntries.Add(b, device);
        return b.Bundle;
    }

    public static string ToJson(Bundle bundle) => JsonSerializer.Serialize(bundle, Json);
}
