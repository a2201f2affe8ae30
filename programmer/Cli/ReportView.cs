using OpenIdds.Firmware.Protocol.Messages;
using OpenIdds.Firmware.Therapy;
using Spectre.Console;

namespace OpenIdds.Programmer.Cli;

/// <summary>Shows the pump's verdict and every reason, as the pump worded it (field, value, limit).</summary>
public static class ReportView
{
    public static void Show(ProgrammerConsole console, ReportMessage report, string what)
    {
        string verdict = report.Verdict switch
        {
            ReportMessage.Accepted => $"[green]{Markup.Escape(what)}: accepted[/]",
            ReportMessage.NeedsConfirmation => $"[yellow]{Markup.Escape(what)}: needs confirmation[/]",
            _ => $"[red]{Markup.Escape(what)}: refused - nothing changed[/]",
        };
        console.Line(verdict);
        for (int i = 0; i < report.Count; i++) console.Line($"  {Outcome(report.Outcomes[i])} {Markup.Escape(report.Messages[i])} [grey]({Markup.Escape(TherapyErrorName.Of((TherapyError)report.Codes[i]))})[/]");
    }

    public static string Outcome(int outcome) => (CheckOutcome)outcome switch
    {
        CheckOutcome.Refused => "[red]refused[/]  ",
        CheckOutcome.NeedsConfirmation => "[yellow]confirm?[/] ",
        CheckOutcome.Confirmed => "[yellow]confirmed[/]",
        CheckOutcome.Clamped => "[yellow]clamped[/]  ",
        _ => "         ",
    };

    /// <summary>Exit code of a command the pump judged: 0 accepted, 1 refused or unconfirmed.</summary>
    public static int Exit(ReportMessage report) => report.IsAccepted ? 0 : 1;
}
