namespace OpenIdds.Programmer.Cli;

/// <summary>`iddsctl clock sync [--time HH:MM[:SS]]`: tells the pump the time of day (flex steps are time-of-day); default the host's.</summary>
public static class ClockCommand
{
    public static int Sync(ProgrammerSession session, string? time)
    {
        long ms = time == null ? (long)DateTime.Now.TimeOfDay.TotalMilliseconds : DurationText.ParseTimeOfDay(time, "--time", seconds: true);
        var report = session.Commands.ClockSync(new Firmware.Units.Milliseconds(ms));
        ReportView.Show(session.Console, report, $"clock sync to {TimeSpan.FromMilliseconds(ms):hh\\:mm\\:ss}");
        return ReportView.Exit(report);
    }
}
