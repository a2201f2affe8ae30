using System.Globalization;
using OpenIdds.Firmware.Protocol;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;
using Spectre.Console;

namespace OpenIdds.Programmer.Cli;

/// <summary>
/// `iddsctl refill`: the refill workflow. The pump says what residual it expects (computed); the
/// clinician withdraws and measures it, and sees the discrepancy before anything is filled (a large
/// one means over- or under-infusion, or a pocket fill); then the volume added, the drug, the
/// concentration and the low-reservoir threshold; the pump checks, fills, and gives the next refill
/// date. Every value can come from an option (scripts, tests) or be asked for.
/// </summary>
public static class RefillCommand
{
    public sealed record Answers(string? Withdrawn, string? Added, string? Drug, string? Concentration, string? Low);

    public static int Execute(ProgrammerSession session, Answers given, bool confirmSoftLimits)
    {
        var console = session.Console;
        var status = session.Commands.Status(Role.Clinician);
        long expected = session.Commands.RefillBegin();
        console.Line($"The pump computes [bold]{Units.Milliliters(expected)}[/] left in the reservoir (computed from its steps, not measured).");
        console.Line("Withdraw the whole residual through the port and measure it in the syringe.");

        long withdrawn = Units.Thousandths(given.Withdrawn ?? console.Ask("Residual withdrawn (mL)", null), "residual withdrawn (mL)") * 1000;
        long permille = RefillSession.DiscrepancyPermilleOf(new Nanoliters(expected), new Nanoliters(withdrawn));
        bool beyond = RefillSession.BeyondTolerance(new Nanoliters(expected), new Nanoliters(withdrawn), RefillSession.DefaultTolerancePermille);
        string discrepancy = permille == long.MaxValue ? "all of it" : (permille / 10.0).ToString("0.0", CultureInfo.InvariantCulture) + " %";
        console.Line(beyond
            ? $"[red]discrepancy {discrepancy}[/], beyond the 14.5 % tolerance: the pump has over- or under-infused, or the last refill went into the pocket. The pump will log and alarm it; check the patient before refilling."
            : $"discrepancy {discrepancy}, within the 14.5 % tolerance");

        string drugName = given.Drug ?? console.Ask("Drug", status.Prescription.Drug.IsNone ? null : status.Prescription.Drug.Name);
        string concentrationText = given.Concentration ?? console.Ask("Concentration (ug/mL)", status.Prescription.Drug.IsNone ? null : status.Prescription.Drug.Concentration.Value.ToString(CultureInfo.InvariantCulture));
        if (!long.TryParse(concentrationText, NumberStyles.None, CultureInfo.InvariantCulture, out long concentration))
            throw new Link.LinkException($"concentration (ug/mL) '{concentrationText}' is not a whole number of ug/mL");
        long added = Units.Thousandths(given.Added ?? console.Ask("Volume added (mL)", null), "volume added (mL)") * 1000;
        long low = Units.Thousandths(given.Low ?? console.Ask("Low-reservoir alarm at (mL)", (status.LowReservoirThreshold / 1_000_000.0).ToString("0.###", CultureInfo.InvariantCulture)), "low-reservoir threshold (mL)") * 1000;

        var drug = new Drug(drugName, new MicrogramsPerMilliliter(concentration));
        if (!status.Prescription.Drug.IsNone && !drug.SameAs(status.Prescription.Drug))
            console.Line($"[yellow]the drug or concentration changes[/] ({Markup.Escape(status.Prescription.Drug.ToString())} to {Markup.Escape(drug.ToString())}): the pump runs a bridge bolus at the old rate until the new drug reaches the catheter tip.");
        console.Line($"Fill: {Units.Milliliters(added)} of {Markup.Escape(drug.ToString())}, low-reservoir alarm at {Units.Milliliters(low)}.");
        if (!session.Options.Yes && !console.Confirm("Record this refill in the pump?"))
        {
            console.Line("not recorded; nothing changed (the refill session stays open)");
            return 1;
        }
        // Soft limits (a concentration above the library's soft limit, a large change of the running
        // dose) are the pump's to find: the first request carries only what the clinician confirmed on
        // the command line, and any soft limit the pump reports is shown and asked about before it is
        // confirmed. --yes answers "record this refill", never a soft limit.
        var result = session.Commands.RefillComplete(new Nanoliters(withdrawn), new Nanoliters(added), drug, new Nanoliters(low), confirmSoftLimits);
        Firmware.Protocol.Messages.ReportMessage report = result.Report;
        ReportView.Show(console, report, "refill");
        if (report.Verdict == Firmware.Protocol.Messages.ReportMessage.NeedsConfirmation)
        {
            if (!console.Confirm("Confirm the soft limit(s) above as the prescribing clinician?"))
            {
                console.Line("not recorded; nothing changed (the refill session stays open)");
                return 1;
            }
            result = session.Commands.RefillComplete(new Nanoliters(withdrawn), new Nanoliters(added), drug, new Nanoliters(low), confirmed: true);
            report = result.Report;
            ReportView.Show(console, report, "refill");
        }
        if (result.DiscrepancyAlert) console.Line("[red]the pump raised refill-discrepancy[/] (logged)");
        if (report.IsAccepted)
        {
            var now = session.Commands.Status(Role.Clinician);
            console.Line($"reservoir set to {Units.Milliliters(result.Reservoir)}; empty in {Units.Duration(result.TimeToEmpty)}; next refill {Units.WallClock(result.NextRefillAt, now.PumpTime, DateTimeOffset.Now)}");
            if (result.ConcentrationChanged) console.Line($"bridge: the new concentration reaches the catheter tip at {Units.WallClock(result.TipArrival, now.PumpTime, DateTimeOffset.Now)}");
        }
        return ReportView.Exit(report);
    }
}
