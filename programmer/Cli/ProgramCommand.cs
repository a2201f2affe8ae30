using OpenIdds.Firmware.Protocol;
using OpenIdds.Firmware.Protocol.Messages;
using OpenIdds.Firmware.Therapy;
using Spectre.Console;

namespace OpenIdds.Programmer.Cli;

/// <summary>
/// `iddsctl program FILE`: the review screen (the change against the running therapy, and every
/// check the pump would make, with nothing changed), explicit confirmation of each soft limit and
/// large change, then the commit - which the pump checks again, so a review can never be stale.
/// </summary>
public static class ProgramCommand
{
    public static int Execute(ProgrammerSession session, string file, bool confirmSoftLimits)
    {
        var console = session.Console;
        Prescription next = PrescriptionFile.Load(file);
        StatusMessage status = session.Commands.Status(Role.Clinician);
        var (review, daily, _) = session.Commands.Program(next, confirmed: false, reviewOnly: true);

        console.Out.Write(ReviewTable.Build(status.Prescription, status.DailyDoseNanograms, next, daily));
        ReportView.Show(console, review, "the pump's checks");
        if (review.Verdict == ReportMessage.Refused) return 1;

        bool confirmed = false;
        if (review.Verdict == ReportMessage.NeedsConfirmation)
        {
            int soft = Enumerable.Range(0, review.Count).Count(i => review.Outcomes[i] == (int)CheckOutcome.NeedsConfirmation);
            if (!confirmSoftLimits && !console.Confirm($"Confirm the {soft} soft limit(s) above as the prescribing clinician?"))
            {
                console.Line("[yellow]not programmed:[/] the soft limits were not confirmed; the running therapy goes on");
                return 1;
            }
            confirmed = true;
        }
        if (!session.Options.Yes && !console.Confirm("Commit this prescription to the pump?"))
        {
            console.Line("not programmed; the running therapy goes on");
            return 1;
        }
        var (report, _, running) = session.Commands.Program(next, confirmed, reviewOnly: false);
        ReportView.Show(console, report, "programming");
        if (!report.IsAccepted) return ReportView.Exit(report);
        // PROGRAMMED-AS-REVIEWED: success only when the pump runs exactly what was reviewed.
        if (running == null || !OpenIdds.Programmer.Link.PumpCommands.SameOnTheWire(running, next))
        {
            console.Line("[red]the pump's answer does not match the reviewed prescription:[/] it runs " + Markup.Escape(running == null ? "(no prescription in its answer)" : StatusView.Describe(running)) + "; check it with `iddsctl status` and program again");
            return 1;
        }
        console.Line("the pump runs the reviewed prescription: " + Markup.Escape(StatusView.Describe(running!)));
        return ReportView.Exit(report);
    }
}
