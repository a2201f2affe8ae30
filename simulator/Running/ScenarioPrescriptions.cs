using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;
using OpenIdds.Simulator.Scenarios;

namespace OpenIdds.Simulator.Running;

/// <summary>
/// Turns a scenario's prescription into the firmware's <see cref="Prescription"/>. Only the shape is
/// checked here (a mode that exists, numbers that parse); the firmware's own checks judge the values,
/// and a scenario whose prescription the firmware refuses logs the refusal with its reasons.
/// </summary>
public static class ScenarioPrescriptions
{
    public static Prescription ToPrescription(PrescriptionSpec spec, Drug drug, string field)
    {
        PatientBolusSettings? pb = spec.PatientBolus is { } b
            ? new PatientBolusSettings(new Micrograms(b.DoseUg), Ms(b.Duration, field + ".patient_bolus.duration"), Ms(b.Lockout, field + ".patient_bolus.lockout"), b.MaxPer24H)
            : null;
        switch (spec.Mode)
        {
            case "stopped":
                return Prescription.Stopped(drug);
            case "continuous":
                return Prescription.Continuous(drug, Rate(spec.RateUlPerH, field + ".rate_ul_per_h"), pb);
            case "flex":
                if (spec.Steps.Count == 0) throw new ScenarioException($"{field}.steps: a flex prescription needs at least one step");
                return Prescription.Flex(drug,
                    spec.Steps.Select((s, i) => new Milliseconds(DurationText.ParseTimeOfDay(s.At, $"{field}.steps[{i}].at"))).ToArray(),
                    spec.Steps.Select((s, i) => Rate(s.RateUlPerH, $"{field}.steps[{i}].rate_ul_per_h")).ToArray(), pb);
            case "single-bolus":
                long dose = spec.DoseUg ?? throw new ScenarioException($"{field}.dose_ug: a single bolus needs its dose");
                return Prescription.SingleBolus(drug, new Micrograms(dose), Ms(spec.Duration ?? "1h", field + ".duration"));
            default:
                throw new ScenarioException($"{field}.mode: '{spec.Mode}' is not one of stopped, continuous, flex, single-bolus");
        }
    }

    private static Milliseconds Ms(string text, string field) => new(DurationText.ParseMilliseconds(text, field));

    private static NanolitersPerHour Rate(double microlitersPerHour, string field)
    {
        if (microlitersPerHour < 0 || microlitersPerHour > 1_000_000)
            throw new ScenarioException($"{field}: {microlitersPerHour} uL/h is outside 0..1000000 uL/h");
        return new NanolitersPerHour((long)Math.Round(microlitersPerHour * 1000));
    }

    public static ActivityKind Activity(string text, string field) => text switch
    {
        "rest" => ActivityKind.Rest,
        "walking" => ActivityKind.Walking,
        "physical-therapy" => ActivityKind.PhysicalTherapy,
        "daily-living" => ActivityKind.DailyLiving,
        "work" => ActivityKind.Work,
        "other" => ActivityKind.Other,
        _ => throw new ScenarioException($"{field}: '{text}' is not one of rest, walking, physical-therapy, daily-living, work, other"),
    };

    public static SideEffectKind SideEffect(string text, string field) => text switch
    {
        "nausea-vomiting" => SideEffectKind.NauseaVomiting,
        "pruritus" => SideEffectKind.Pruritus,
        "urinary-retention" => SideEffectKind.UrinaryRetention,
        "sedation" => SideEffectKind.Sedation,
        "respiratory-depression" => SideEffectKind.RespiratoryDepression,
        _ => throw new ScenarioException($"{field}: '{text}' is not one of nausea-vomiting, pruritus, urinary-retention, sedation, respiratory-depression"),
    };

    public static SideEffectSeverity Severity(string text, string field) => text switch
    {
        "mild" => SideEffectSeverity.Mild,
        "moderate" => SideEffectSeverity.Moderate,
        "severe" => SideEffectSeverity.Severe,
        _ => throw new ScenarioException($"{field}: '{text}' is not one of mild, moderate, severe"),
    };
}
