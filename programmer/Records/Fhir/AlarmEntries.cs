using Hl7.Fhir.Model;
using OpenIdds.Firmware.Safety;

namespace OpenIdds.Programmer.Records.Fhir;

/// <summary>
/// Each alarm episode as a DetectedIssue: the pump (its author) detected a problem with the therapy,
/// over a period (raised to cleared). A Flag would be the other choice, but a Flag's subject cannot be
/// a Device and it says "beware of this" rather than "this happened from then to then".
/// </summary>
public static class AlarmEntries
{
    public static void Add(BundleBuilder b, ResourceReference device)
    {
        var r = b.Report;
        for (int i = 0; i < r.Alarms.Count; i++)
        {
            var a = r.Alarms[i];
            var period = new Period { Start = b.At(a.RaisedAt) };
            if (a.ClearedAt is long cleared) period.End = b.At(cleared);
            b.Add($"alarm/{i}", new DetectedIssue
            {
                Status = a.ClearedAt == null ? ObservationStatus.Preliminary : ObservationStatus.Final,
                Code = new CodeableConcept { Text = "pump alarm: " + a.Name },
                Severity = a.Priority switch { "high" => DetectedIssue.DetectedIssueSeverity.High, "medium" => DetectedIssue.DetectedIssueSeverity.Moderate, _ => DetectedIssue.DetectedIssueSeverity.Low },
                Patient = b.Patient,
                Identified = period,
                Author = device,
                Detail = $"{a.Name} ({a.Priority} priority{(a.StopsDelivery ? ", stops delivery" : "")}): {AlarmTable.Of(a.Code).Why}; shown for {Cli.Units.Duration(a.DurationMilliseconds(r.ReadAt))}{(a.ClearedAt == null ? ", still shown when read" : "")}",
            });
        }
    }
}
