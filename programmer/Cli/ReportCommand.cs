using OpenIdds.Programmer.Records;

namespace OpenIdds.Programmer.Cli;

/// <summary>`iddsctl report [--from EXPORT] [--out report.html]`: the printable interrogation report, from the pump or from a saved log export.</summary>
public static class ReportCommand
{
    public static int Write(ProgrammerConsole console, PumpSnapshot snapshot, string outPath)
    {
        var report = SessionReport.From(snapshot);
        File.WriteAllText(outPath, ReportPage.Html(report));
        console.Line($"interrogation report of {Spectre.Console.Markup.Escape(snapshot.DeviceId)} ({snapshot.Events.Count} events) written to {Spectre.Console.Markup.Escape(outPath)}");
        return 0;
    }
}
