using OpenIdds.Firmware.Units;
using Spectre.Console;

namespace OpenIdds.Programmer.Cli;

/// <summary>`iddsctl bolus`: the patient's prescribed bolus (patient key), or with --dose a clinician bolus (clinician key).</summary>
public static class BolusCommand
{
    public static int Patient(ProgrammerSession session)
    {
        var report = session.Commands.PatientBolus();
        ReportView.Show(session.Console, report, "patient bolus");
        return ReportView.Exit(report);
    }

    public static int Clinician(ProgrammerSession session, long doseMicrograms, string duration, bool confirmSoftLimits)
    {
        var ms = DurationText.ParseMilliseconds(duration, "--duration");
        var report = session.Commands.ClinicianBolus(new Micrograms(doseMicrograms), new Milliseconds(ms), confirmSoftLimits);
        ReportView.Show(session.Console, report, $"clinician bolus of {doseMicrograms} ug over {Units.Duration(ms)}");
        if (report.Verdict == Firmware.Protocol.Messages.ReportMessage.NeedsConfirmation && !confirmSoftLimits && session.Console.Confirm("Confirm the soft limit(s) above?"))
        {
            report = session.Commands.ClinicianBolus(new Micrograms(doseMicrograms), new Milliseconds(ms), true);
            ReportView.Show(session.Console, report, "clinician bolus");
        }
        return ReportView.Exit(report);
    }
}
