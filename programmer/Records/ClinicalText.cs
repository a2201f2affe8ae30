using System.Globalization;
using OpenIdds.Firmware.Therapy;

namespace OpenIdds.Programmer.Records;

/// <summary>A prescription in a clinician's units: per drug, its concentration, the rate as volume and as mass, the daily dose, the patient bolus.</summary>
public static class ClinicalText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Micrograms(double micrograms) => micrograms >= 1000 ? (micrograms / 1000).ToString("0.000", Invariant) + " mg" : micrograms.ToString("0.0##", Invariant) + " ug";

    /// <summary>A rate in nL/h as "x uL/h (y ug/h)" at the drug's concentration.</summary>
    public static string Rate(long nanolitersPerHour, Drug drug) =>
        Cli.Units.Rate(nanolitersPerHour) + (drug.IsNone ? "" : $" ({Micrograms(nanolitersPerHour * (double)drug.Concentration.Value / 1_000_000)}/h)");

    public static string Drug(Drug drug) => drug.IsNone ? "no drug" : $"{drug.Name}, {Micrograms(drug.Concentration.Value)}/mL";

    /// <summary>The delivery mode and its rates, one line per flex step.</summary>
    public static List<string> Delivery(Prescription p) => p.Mode switch
    {
        DeliveryMode.SimpleContinuous => new() { p.IsPerDay ? $"continuous {Cli.Units.Milliliters(p.PerDay.Value)}/day" : "continuous " + Rate(p.Rate.Value, p.Drug) },
        DeliveryMode.Flex => Enumerable.Range(0, p.FlexStepCount).Select(i => $"flex step from {TimeSpan.FromMilliseconds(p.FlexStart(i).Value):hh\\:mm}: {Rate(p.FlexRate(i).Value, p.Drug)}").ToList(),
        DeliveryMode.SingleBolus => new() { $"single bolus {Micrograms(p.SingleBolusDose.Value)} over {Cli.Units.Duration(p.SingleBolusDuration.Value)}" },
        _ => new() { "stopped" },
    };

    public static string PatientBolus(PatientBolusSettings? b) => b == null ? "none prescribed"
        : $"{Micrograms(b.Dose.Value)} over {Cli.Units.Duration(b.Duration.Value)}, lockout {Cli.Units.Duration(b.Lockout.Value)}, at most {b.MaxPer24Hours} per 24 h";
}
