namespace OpenIdds.Programmer.Cli;

/// <summary>`iddsctl calibrate --nl-per-step X` (service key): the bench-measured volume of one motor step; only while the pump is stopped.</summary>
public static class ServiceCommand
{
    public static int Calibrate(ProgrammerSession session, string nanolitersPerStep)
    {
        long picoliters = Units.Thousandths(nanolitersPerStep, "--nl-per-step");
        var report = session.Commands.Calibrate(picoliters);
        ReportView.Show(session.Console, report, $"calibration {nanolitersPerStep} nL/step");
        return ReportView.Exit(report);
    }
}
