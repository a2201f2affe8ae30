using System.Globalization;
using OpenIdds.Firmware.Therapy;
using Spectre.Console;

namespace OpenIdds.Programmer.Cli;

/// <summary>
/// The review before a commit: the running therapy beside the new one, one quantity per row and one
/// unit per row (both columns of a row in the same unit, so 0.5 mg never stands beside 500 ug).
/// A dose per day is in mg/day for a drug whose library limits are in milligrams (morphine,
/// baclofen) and in ug/day for a micro-dose drug (ziconotide), as clinicians prescribe them.
/// </summary>
public static class ReviewTable
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The rows: a label, the running value, the new value.</summary>
    public static List<(string Label, string Now, string New)> Rows(Prescription running, long runningDailyNanograms, Prescription next, long nextDailyNanograms)
    {
        var rows = new List<(string, string, string)>
        {
            ("drug", DrugName(running), DrugName(next)),
            ("concentration", Concentration(running), Concentration(next)),
            ("mode", Mode(running), Mode(next)),
        };
        if (running.Mode == DeliveryMode.SimpleContinuous || next.Mode == DeliveryMode.SimpleContinuous)
            rows.Add(("rate", Continuous(running), Continuous(next)));
        int steps = Math.Max(Steps(running), Steps(next));
        for (int i = 0; i < steps; i++)
        {
            rows.Add(($"flex step {i + 1} from", StepStart(running, i), StepStart(next, i)));
            rows.Add(($"flex step {i + 1} rate", StepRate(running, i), StepRate(next, i)));
        }
        if (running.Mode == DeliveryMode.SingleBolus || next.Mode == DeliveryMode.SingleBolus)
        {
            rows.Add(("single bolus dose", SingleDose(running), SingleDose(next)));
            rows.Add(("single bolus duration", SingleDuration(running), SingleDuration(next)));
        }
        rows.Add(("volume per day", VolumePerDay(running), VolumePerDay(next)));
        bool milligrams = InMilligrams(next.Drug.IsNone ? running : next, Math.Max(runningDailyNanograms, nextDailyNanograms));
        rows.Add(("dose per day", DosePerDay(runningDailyNanograms, milligrams), DosePerDay(nextDailyNanograms, milligrams)));
        if (running.PatientBolus != null || next.PatientBolus != null)
        {
            rows.Add(("patient bolus dose", Bolus(running, b => $"{b.Dose.Value} ug"), Bolus(next, b => $"{b.Dose.Value} ug")));
            rows.Add(("patient bolus duration", Bolus(running, b => Units.Duration(b.Duration.Value)), Bolus(next, b => Units.Duration(b.Duration.Value))));
            rows.Add(("patient bolus lockout", Bolus(running, b => Units.Duration(b.Lockout.Value)), Bolus(next, b => Units.Duration(b.Lockout.Value))));
            rows.Add(("patient boluses per 24 h", Bolus(running, b => b.MaxPer24Hours.ToString(Invariant)), Bolus(next, b => b.MaxPer24Hours.ToString(Invariant))));
        }
        return rows;
    }

    public static Table Build(Prescription running, long runningDailyNanograms, Prescription next, long nextDailyNanograms)
    {
        var table = new Table().Title("[bold]review[/]").AddColumn("").AddColumn("running now").AddColumn("new");
        foreach (var (label, now, @new) in Rows(running, runningDailyNanograms, next, nextDailyNanograms))
            table.AddRow(Markup.Escape(label), Markup.Escape(now), Markup.Escape(@new));
        return table;
    }

    private const string None = "-";

    private static string DrugName(Prescription p) => p.Drug.IsNone ? "no drug" : p.Drug.Name;

    private static string Concentration(Prescription p)
    {
        if (p.Drug.IsNone) return None;
        long ug = p.Drug.Concentration.Value;
        return ug >= 1000 ? (ug / 1000m).ToString("0.###", Invariant) + " mg/mL" : ug.ToString(Invariant) + " ug/mL";
    }

    private static string Mode(Prescription p) => p.Mode switch
    {
        DeliveryMode.SimpleContinuous => p.IsPerDay ? "continuous, prescribed per day" : "continuous",
        DeliveryMode.Flex => "flex",
        DeliveryMode.SingleBolus => "single bolus",
        _ => "stopped",
    };

    /// <summary>The rate in uL/h; for a basal prescribed per day its mean, which the pump runs exactly over each day.</summary>
    private static string Continuous(Prescription p)
    {
        if (p.Mode != DeliveryMode.SimpleContinuous) return None;
        if (!p.IsPerDay) return Units.Rate(p.Rate.Value);
        return (p.PerDay.Value / 24_000m).ToString("0.000", Invariant) + " uL/h";
    }

    private static int Steps(Prescription p) => p.Mode == DeliveryMode.Flex ? p.FlexStepCount : 0;

    private static string StepStart(Prescription p, int i) => i < Steps(p) ? $"{TimeSpan.FromMilliseconds(p.FlexStart(i).Value):hh\\:mm}" : None;

    private static string StepRate(Prescription p, int i) => i < Steps(p) ? Units.Rate(p.FlexRate(i).Value) : None;

    private static string SingleDose(Prescription p) => p.Mode == DeliveryMode.SingleBolus ? $"{p.SingleBolusDose.Value} ug" : None;

    private static string SingleDuration(Prescription p) => p.Mode == DeliveryMode.SingleBolus ? Units.Duration(p.SingleBolusDuration.Value) : None;

    private static string VolumePerDay(Prescription p) =>
        p.HasBasal ? (p.DailyVolume.Value / 1_000_000m).ToString("0.000###", Invariant) + " mL/day" : None;

    /// <summary>mg/day when the drug's library limits are in milligrams (the default library), else by size.</summary>
    private static bool InMilligrams(Prescription p, long nanograms)
    {
        DrugLimits? limits = p.Drug.IsNone ? null : DrugLibrary.CreateDefault().Find(p.Drug.Name);
        return limits != null ? limits.DailyDoseHard.Value >= 1_000_000 : nanograms >= 1_000_000;
    }

    private static string DosePerDay(long nanograms, bool milligrams) => milligrams
        ? (nanograms / 1_000_000m).ToString("0.000###", Invariant) + " mg/day"
        : (nanograms / 1000m).ToString("0.000", Invariant) + " ug/day";

    private static string Bolus(Prescription p, Func<PatientBolusSettings, string> show) => p.PatientBolus is { } b ? show(b) : None;
}
