using OpenIdds.Firmware.Therapy;

namespace OpenIdds.Programmer.Cli;

/// <summary>`iddsctl diary pain N` / `diary activity KIND MINUTES` / `diary side-effect KIND SEVERITY`: the trial diary, from the patient's handheld.</summary>
public static class DiaryCommand
{
    public static int Pain(ProgrammerSession session, int score)
    {
        var report = session.Commands.DiaryPain(score);
        ReportView.Show(session.Console, report, $"pain {score}");
        return ReportView.Exit(report);
    }

    public static int Activity(ProgrammerSession session, string kind, int minutes)
    {
        ActivityKind k = kind switch
        {
            "rest" => ActivityKind.Rest, "walking" => ActivityKind.Walking, "physical-therapy" => ActivityKind.PhysicalTherapy,
            "daily-living" => ActivityKind.DailyLiving, "work" => ActivityKind.Work, "other" => ActivityKind.Other,
            _ => throw new Link.LinkException($"activity '{kind}' is not one of rest, walking, physical-therapy, daily-living, work, other"),
        };
        var report = session.Commands.DiaryActivity(k, minutes);
        ReportView.Show(session.Console, report, $"{kind} {minutes} min");
        return ReportView.Exit(report);
    }

    public static int SideEffect(ProgrammerSession session, string kind, string severity)
    {
        SideEffectKind k = kind.ToLowerInvariant() switch
        {
            "nausea-vomiting" => SideEffectKind.NauseaVomiting, "pruritus" => SideEffectKind.Pruritus, "urinary-retention" => SideEffectKind.UrinaryRetention,
            "sedation" => SideEffectKind.Sedation, "respiratory-depression" => SideEffectKind.RespiratoryDepression,
            _ => throw new Link.LinkException($"side effect '{kind}' is not one of nausea-vomiting, pruritus, urinary-retention, sedation, respiratory-depression"),
        };
        SideEffectSeverity s = severity.ToLowerInvariant() switch
        {
            "mild" => SideEffectSeverity.Mild, "moderate" => SideEffectSeverity.Moderate, "severe" => SideEffectSeverity.Severe,
            _ => throw new Link.LinkException($"severity '{severity}' is not one of mild, moderate, severe"),
        };
        var report = session.Commands.DiarySideEffect(k, s);
        ReportView.Show(session.Console, report, $"{severity} {kind}");
        if (report.IsAccepted && SideEffectStop.CallsForStop(k, s))
            session.Console.Line("[red]the trial infusion is stopped (trial-side-effect, high): call the clinic now[/]");
        return ReportView.Exit(report);
    }
}
