using Hl7.Fhir.Model;
using static OpenIdds.Programmer.Records.Fhir.BundleBuilder;

namespace OpenIdds.Programmer.Records.Fhir;

/// <summary>
/// The trial diary as Observations: each pain score on the 0-10 numeric rating scale (LOINC 72514-3),
/// each activity with its minutes, and the trial's relief figure as the pump's trial report states it.
/// </summary>
public static class DiaryEntries
{
    private const string Category = "http://terminology.hl7.org/CodeSystem/observation-category";

    public static void Add(BundleBuilder b, ResourceReference device)
    {
        var r = b.Report;
        var pain = new List<ResourceReference>();
        for (int i = 0; i < r.Diary.Count; i++)
        {
            var d = r.Diary[i];
            var o = new Observation
            {
                Status = ObservationStatus.Final,
                Subject = b.Patient,
                Effective = new FhirDateTime(b.At(d.At)),
                Device = device,
            };
            if (d.Pain is int score)
            {
                o.Category.Add(Coded(Category, "survey", "Survey"));
                o.Code = Coded("http://loinc.org", "72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported");
                o.Code.Text = "pain score (trial diary)";
                o.Value = new Integer(score);
                pain.Add(b.Add($"diary/{i}", o));
            }
            else
            {
                o.Category.Add(Coded(Category, "activity", "Activity"));
                o.Code = new CodeableConcept { Text = "activity (trial diary): " + d.Activity };
                o.Value = BundleBuilder.Quantity(d.Minutes, "min");
                b.Add($"diary/{i}", o);
            }
        }
        if (r.Trial is not { } t) return;
        var relief = new Observation
        {
            Status = ObservationStatus.Final,
            Category = { Coded(Category, "survey", "Survey") },
            Code = new CodeableConcept { Text = "pain relief over the intrathecal trial (baseline against trial mean pain score)" },
            Subject = b.Patient,
            Effective = new FhirDateTime(b.At(r.ReadAt)),
            Value = BundleBuilder.Quantity(t.ReliefPercent, "%"),
            Device = device,
            Note = { new Annotation { Text = $"{(t.MeetsReliefThreshold ? "meets" : "below")} the {r.Source.TrialThresholdPercent} % threshold: a commonly used figure, not clinical advice" } },
        };
        relief.DerivedFrom.AddRange(pain);
        b.Add("diary/relief", relief);
    }
}
