using System.Globalization;
using System.Text.Json.Serialization;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;

namespace OpenIdds.HostLib.Prescriptions;

/// <summary>
/// A prescription as a person writes it in JSON - an `iddsctl program` file or a simulator scenario's
/// prescription (docs/protocol.md, docs/simulator.md): stopped, continuous, flex steps by time of day, or
/// a single bolus; with an optional patient bolus. <see cref="ToPrescription"/> checks the shape here (a
/// mode that exists, exact numbers, durations, times of day) naming the field; the firmware's own checks
/// judge the values.
/// </summary>
public record PrescriptionSpec
{
    /// <summary>The most uL/h a rate may say: 1 L/h, far above any drug limit, and within the protocol's 32-bit nL/h.</summary>
    public const decimal MaximumMicrolitersPerHour = 1_000_000;

    /// <summary>stopped, continuous, flex or single-bolus: required.</summary>
    [JsonRequired]
    public string Mode { get; init; } = "continuous";

    /// <summary>continuous: the basal rate, at most three decimals (the pump counts nL/h).</summary>
    public decimal RateUlPerH { get; init; }

    /// <summary>
    /// continuous, instead of a rate: the dose per day, in mg or in ug (one of the two), at the drug's
    /// concentration. The pump runs the volume per day it makes, exactly (DAILY-DOSE-EXACT); a dose that
    /// is not a whole nanoliter a day at that concentration is refused, never rounded.
    /// </summary>
    public decimal? DoseMgPerDay { get; init; }
    public decimal? DoseUgPerDay { get; init; }

    /// <summary>The largest dose per day a file may say, in its own unit (mg or ug): far above any drug limit.</summary>
    public const decimal MaximumDosePerDay = 1_000_000_000;

    /// <summary>flex: the rate from each time of day on, in order, repeating daily.</summary>
    public List<FlexStepSpec> Steps { get; init; } = new();

    /// <summary>single-bolus: the dose and how long it takes (default 1h).</summary>
    public long? DoseUg { get; init; }
    public string? Duration { get; init; }

    /// <summary>What the patient's button may ask for, on top of the basal (none if omitted).</summary>
    public PatientBolusSpec? PatientBolus { get; init; }

    /// <param name="field">where this prescription stands in its file ("prescription", "actions[3].prescription"), or "" for a file that is only a prescription</param>
    /// <exception cref="InputException">the shape is wrong; the message names the field, the value and the limit.</exception>
    public Prescription ToPrescription(Drug drug, string field)
    {
        if (Steps.Count > Prescription.MaxFlexSteps)
            throw new InputException($"{Name(field, "steps")}: {Steps.Count} flex steps is above the limit {Prescription.MaxFlexSteps}");
        PatientBolusSettings? pb = PatientBolus is { } b
            ? new PatientBolusSettings(new Micrograms(b.DoseUg), Ms(b.Duration, Name(field, "patient_bolus.duration")), Ms(b.Lockout, Name(field, "patient_bolus.lockout")), b.MaxPer24H)
            : null;
        switch (Mode)
        {
            case "stopped":
                return Prescription.Stopped(drug);
            case "continuous":
                if (DoseMgPerDay is not null || DoseUgPerDay is not null) return Prescription.ContinuousPerDay(drug, PerDay(drug, field), pb);
                return Prescription.Continuous(drug, Rate(RateUlPerH, Name(field, "rate_ul_per_h")), pb);
            case "flex":
                if (Steps.Count == 0) throw new InputException($"{Name(field, "steps")}: a flex prescription needs at least one step");
                return Prescription.Flex(drug,
                    Steps.Select((s, i) => new Milliseconds(DurationText.ParseTimeOfDay(s.At, Name(field, $"steps[{i}].at")))).ToArray(),
                    Steps.Select((s, i) => Rate(s.RateUlPerH, Name(field, $"steps[{i}].rate_ul_per_h"))).ToArray(), pb);
            case "single-bolus":
                long dose = DoseUg ?? throw new InputException($"{Name(field, "dose_ug")}: a single bolus needs its dose");
                return Prescription.SingleBolus(drug, new Micrograms(dose), Ms(Duration ?? "1h", Name(field, "duration")));
            default:
                throw new InputException($"{Name(field, "mode")} '{Mode}' is not one of stopped, continuous, flex, single-bolus");
        }
    }

    /// <summary>
    /// The dose per day to an exact volume per day: D ng at C ug/mL is D x 1000 / C nL (1 nL of C ug/mL
    /// holds C pg). Refused naming the field when it is not a whole nL, or the wire cannot carry it.
    /// </summary>
    private NanolitersPerDay PerDay(Drug drug, string field)
    {
        if (DoseMgPerDay is not null && DoseUgPerDay is not null)
            throw new InputException($"{Name(field, "dose_ug_per_day")}: the dose per day is given twice, in mg (dose_mg_per_day) and in ug (dose_ug_per_day); give one");
        if (RateUlPerH != 0)
            throw new InputException(string.Create(CultureInfo.InvariantCulture, $"{Name(field, "rate_ul_per_h")} {RateUlPerH} uL/h: a continuous prescription gives a rate or a dose per day, not both"));
        bool mg = DoseMgPerDay is not null;
        string name = Name(field, mg ? "dose_mg_per_day" : "dose_ug_per_day");
        string unit = mg ? "mg/day" : "ug/day";
        decimal dose = mg ? DoseMgPerDay!.Value : DoseUgPerDay!.Value;
        if (dose <= 0 || dose > MaximumDosePerDay)
            throw new InputException(string.Create(CultureInfo.InvariantCulture, $"{name} {dose} {unit} is outside the limit: above 0, at most {MaximumDosePerDay} {unit}"));
        decimal nanograms = dose * (mg ? 1_000_000m : 1000m);
        if (nanograms != decimal.Truncate(nanograms))
            throw new InputException(string.Create(CultureInfo.InvariantCulture, $"{name} {dose} {unit} is finer than a nanogram (the limit: {(mg ? "six" : "three")} decimals)"));
        long concentration = drug.Concentration.Value;
        if (concentration <= 0)
            throw new InputException($"{Name(field, "concentration_ug_per_ml")} {concentration} ug/mL: a dose per day needs the drug's concentration, above the limit 0 ug/mL");
        decimal picograms = nanograms * 1000m;
        if (picograms % concentration != 0)
        {
            long multiple = concentration / (long)Gcd(concentration, 1000);
            throw new InputException(string.Create(CultureInfo.InvariantCulture,
                $"{name} {dose} {unit} at {concentration} ug/mL is {(picograms / concentration).ToString("0.###", CultureInfo.InvariantCulture)} nL a day, not a whole nanoliter, so the pump cannot run it exactly; the limit at this concentration is a multiple of {multiple} ng a day"));
        }
        decimal nanoliters = picograms / concentration;
        if (nanoliters > OpenIdds.Firmware.Protocol.Messages.PrescriptionMessage.MaxU32)
            throw new InputException(string.Create(CultureInfo.InvariantCulture,
                $"{name} {dose} {unit} at {concentration} ug/mL is {nanoliters} nL a day, above the limit {OpenIdds.Firmware.Protocol.Messages.PrescriptionMessage.MaxU32} nL a day (what the wire format carries)"));
        return new NanolitersPerDay((long)nanoliters);
    }

    private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);

    private static string Name(string field, string name) => field.Length == 0 ? name : field + "." + name;

    private static Milliseconds Ms(string text, string field) => new(DurationText.ParseMilliseconds(text, field));

    /// <summary>A rate in uL/h to exact nL/h: more than three decimals is refused, never rounded.</summary>
    private static NanolitersPerHour Rate(decimal microlitersPerHour, string field)
    {
        if (microlitersPerHour < 0 || microlitersPerHour > MaximumMicrolitersPerHour)
            throw new InputException(string.Create(CultureInfo.InvariantCulture, $"{field} {microlitersPerHour} uL/h is outside 0..{MaximumMicrolitersPerHour} uL/h"));
        decimal nanoliters = microlitersPerHour * 1000m;
        if (nanoliters != decimal.Truncate(nanoliters))
            throw new InputException(string.Create(CultureInfo.InvariantCulture, $"{field} {microlitersPerHour} uL/h has more than three decimals (the pump counts nL/h)"));
        return new NanolitersPerHour((long)nanoliters);
    }
}
