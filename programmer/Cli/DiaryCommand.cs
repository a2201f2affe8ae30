using OpenIdds.Firmware.Therapy;

namespace OpenIdds.Programmer.Cli;

/// <summary>`iddsctl diary pain N` / `diary activity KIND MINUTES`: the trial diary, from the patient's handheld.</summary>
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
}
