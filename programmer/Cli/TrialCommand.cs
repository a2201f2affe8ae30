using OpenIdds.Firmware.Therapy;
using Spectre.Console;

namespace OpenIdds.Programmer.Cli;

/// <summary>`iddsctl trial report`: what the implant decision rests on - baseline against trial pain, relief, dose per day, bolus requests.</summary>
public static class TrialCommand
{
    public static int Report(ProgrammerSession session, int threshold)
    {
        var (t, started) = session.Commands.TrialReport(threshold);
        if (!started)
        {
            session.Console.Line("[yellow]the trial has not started[/]: it starts when the trial pump's first continuous or flex prescription is programmed");
            return 1;
        }
        static string Pain(int tenths) => tenths < 0 ? "no entry" : (tenths / 10.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
        var table = new Table().Title("[bold]trial report[/]").AddColumn("").AddColumn("");
        table.AddRow("trial duration", Units.Duration(t.TrialDuration.Value));
        table.AddRow("baseline pain", $"{Pain(t.BaselinePainTenths)} ({t.BaselinePainEntries} entries)");
        table.AddRow("trial pain", $"{Pain(t.TrialPainTenths)} ({t.TrialPainEntries} entries)");
        table.AddRow("relief", (t.MeetsReliefThreshold ? "[green]" : "[yellow]") + $"{t.ReliefPercent} %[/] (threshold {threshold} %: a commonly used figure, not clinical advice)");
        table.AddRow("dose per day", Units.Dose(t.DosePerDay.Value));
        table.AddRow("delivered in the trial", Units.Dose(t.Delivered.Value));
        table.AddRow("patient boluses", $"{t.BolusRequestsGranted} granted, {t.BolusRequestsRefused} refused");
        table.AddRow("activity", $"{t.ActivityMinutesPerDay} min per day; per entry {Minutes(t.TrialActivityMinutesPerEntry)} against {Minutes(t.BaselineActivityMinutesPerEntry)} at baseline");
        for (int k = 0; k < SideEffectName.Count; k++)
            if (t.SideEffectEntries[k] > 0)
                table.AddRow($"side effect: {SideEffectName.Of((SideEffectKind)k)}", $"{t.SideEffectEntries[k]} entries, worst {SideEffectSeverityName.Of(t.WorstSideEffect[k])}");
        table.AddRow("recommendation", (t.Recommended ? "[green]" : "[yellow]") + Markup.Escape(t.Recommendation()) + "[/]");
        session.Console.Out.Write(table);
        return 0;
    }

    private static string Minutes(long perEntry) => perEntry < 0 ? "none" : $"{perEntry} min";
}
