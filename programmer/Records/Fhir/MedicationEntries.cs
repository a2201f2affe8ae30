using System.Globalization;
using Hl7.Fhir.Model;
using OpenIdds.Firmware.Persistence;
using OpenIdds.Firmware.Therapy;

namespace OpenIdds.Programmer.Records.Fhir;

/// <summary>
/// The drug as a Medication (its concentration as the ingredient's strength), one MedicationRequest per
/// prescription the log records (the newest carries the full dosage the pump runs; earlier ones their
/// mode and daily dose, which is what the log keeps), and one MedicationAdministration per pump day.
/// An administration's dose is the volume the pump counts for the day, in uL to the nanoliter: the
/// days add up to the pump's delivered volume exactly. The drug mass that reached the catheter tip
/// that day is in its dosage text.
/// </summary>
public static class MedicationEntries
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Add(BundleBuilder b, ResourceReference device)
    {
        var r = b.Report;
        var s = r.Status;
        Drug drug = s?.Prescription.Drug ?? Drug.None;
        var medication = new Medication
        {
            Code = new CodeableConcept { Text = drug.IsNone ? "drug not known from this export" : drug.Name },
        };
        if (!drug.IsNone)
            medication.Ingredient.Add(new Medication.IngredientComponent
            {
                Item = new CodeableConcept { Text = drug.Name },
                IsActive = true,
                Strength = new Ratio(BundleBuilder.Quantity(drug.Concentration.Value, "ug"), BundleBuilder.Quantity(1, "mL")),
            });
        var medicationRef = b.Add("medication", medication);

        var programmed = r.Source.Events.Where(e => (EventKind)e.Kind == EventKind.Programmed).ToList();
        var requests = new List<(long At, ResourceReference Ref)>();
        for (int i = 0; i < programmed.Count; i++)
        {
            var e = programmed[i];
            bool newest = i == programmed.Count - 1;
            var mode = (DeliveryMode)e.A;
            var request = new MedicationRequest
            {
                Status = !newest || mode == DeliveryMode.Stopped ? MedicationRequest.MedicationrequestStatus.Stopped : MedicationRequest.MedicationrequestStatus.Active,
                Intent = MedicationRequest.MedicationRequestIntent.Order,
                Medication = medicationRef,
                Subject = b.Subject,
                AuthoredOn = b.At(e.PumpTime),
                Note = { new Annotation { Text = "programmed with the clinician key; the pump checked it against its drug library" } },
            };
            request.DosageInstruction.Add(newest && s != null ? Running(s.Prescription, s.DailyDoseNanograms) : Logged(mode, e.B));
            if (newest && s?.Prescription.PatientBolus is { } pb) request.DosageInstruction.Add(PatientBolus(pb));
            requests.Add((e.PumpTime, b.Add("request/" + e.Sequence.ToString(Invariant), request)));
        }

        foreach (var day in r.Days)
        {
            long dayEnd = Math.Min(r.ReadAt, (day.Day + 1L) * Firmware.Units.Milliseconds.PerDay);
            bool partial = dayEnd < (day.Day + 1L) * Firmware.Units.Milliseconds.PerDay;
            var administration = new MedicationAdministration
            {
                Status = partial ? MedicationAdministration.MedicationAdministrationStatusCodes.InProgress : MedicationAdministration.MedicationAdministrationStatusCodes.Completed,
                Medication = medicationRef,
                Subject = b.Subject,
                Effective = new Period(new FhirDateTime(b.At(day.Day * Firmware.Units.Milliseconds.PerDay)), new FhirDateTime(b.At(dayEnd))),
                Device = { device },
                Dosage = new MedicationAdministration.DosageComponent
                {
                    Text = $"pump day {day.Day}: {ClinicalText.Micrograms(day.Nanograms / 1000.0)} reached the catheter tip ({day.Steps} motor steps)",
                    Route = new CodeableConcept { Text = "intrathecal" },
                    Dose = day.Nanoliters is long nl ? BundleBuilder.Quantity(nl / 1000m, "uL") : BundleBuilder.Quantity(day.Nanograms / 1000m, "ug"),
                },
            };
            var request = requests.LastOrDefault(q => q.At < dayEnd);
            if (request.Ref != null) administration.Request = request.Ref;
            b.Add("administration/day-" + day.Day.ToString(Invariant), administration);
        }
    }

    private static Dosage Running(Prescription p, long dailyDoseNanograms)
    {
        var dosage = new Dosage
        {
            Text = string.Join("; ", ClinicalText.Delivery(p)) + $"; {ClinicalText.Micrograms(dailyDoseNanograms / 1000.0)} per day",
            Route = new CodeableConcept { Text = "intrathecal" },
        };
        dosage.DoseAndRate.Add(new Dosage.DoseAndRateComponent { Rate = BundleBuilder.Quantity(dailyDoseNanograms / 1000m, "ug/d") });
        return dosage;
    }

    private static Dosage Logged(DeliveryMode mode, long dailyDoseMicrograms)
    {
        var dosage = new Dosage { Text = $"{DeliveryModeName.Of(mode)}, {dailyDoseMicrograms} ug per day", Route = new CodeableConcept { Text = "intrathecal" } };
        dosage.DoseAndRate.Add(new Dosage.DoseAndRateComponent { Rate = BundleBuilder.Quantity(dailyDoseMicrograms, "ug/d") });
        return dosage;
    }

    private static Dosage PatientBolus(PatientBolusSettings pb)
    {
        var dosage = new Dosage
        {
            Text = "patient bolus: " + ClinicalText.PatientBolus(pb),
            Route = new CodeableConcept { Text = "intrathecal" },
            AsNeeded = new FhirBoolean(true),
            MaxDosePerPeriod = new Ratio(new Quantity { Value = pb.MaxPer24Hours, Unit = "bolus", System = BundleBuilder.Ucum, Code = "{bolus}" }, BundleBuilder.Quantity(1, "d")),
        };
        dosage.DoseAndRate.Add(new Dosage.DoseAndRateComponent { Dose = BundleBuilder.Quantity(pb.Dose.Value, "ug") });
        return dosage;
    }
}
