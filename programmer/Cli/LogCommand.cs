using OpenIdds.Programmer.Records;
using OpenIdds.Programmer.Records.Fhir;

namespace OpenIdds.Programmer.Cli;

/// <summary>
/// `iddsctl log export [--format csv|json|fhir] [--out FILE] [--patient-id ID]`: the pump's whole event
/// log, oldest first, with each event's values in words and its time on the host's clock (the pump keeps
/// pump time: milliseconds since installation, without the power-off time). JSON also keeps the pump's
/// status and trial report, so `iddsctl report --from` can print the report later; FHIR is the therapy
/// record for the health record (docs/records.md), with the patient's identifier only when given.
/// </summary>
public static class LogCommand
{
    public static int Export(ProgrammerSession session, string format, string? outPath, string? patientId = null)
    {
        if (format is not ("csv" or "json" or "fhir")) throw new Link.LinkException($"--format {format} is not one of csv, json, fhir");
        if (patientId != null && format != "fhir") throw new Link.LinkException($"--patient-id is for --format fhir only (a {format} export holds no patient identity)");
        if (patientId is { Length: 0 }) throw new Link.LinkException("--patient-id is empty: give the identifier, or leave the option out");
        var snapshot = PumpReader.Read(session);
        TextWriter writer = outPath == null ? new StringWriter() : new StreamWriter(outPath);
        using (writer)
        {
            switch (format)
            {
                case "csv": SnapshotFile.WriteCsv(writer, snapshot); break;
                case "json": SnapshotFile.WriteJson(writer, snapshot); break;
                default: writer.WriteLine(TherapyBundle.ToJson(TherapyBundle.Build(SessionReport.From(snapshot), patientId))); break;
            }
            if (outPath == null) session.Console.Out.Write(new Spectre.Console.Text(writer.ToString()!));
        }
        if (outPath != null) session.Console.Line($"{snapshot.Events.Count} events from {Spectre.Console.Markup.Escape(session.DeviceId)} written to {Spectre.Console.Markup.Escape(outPath)}" + (format == "fhir" ? (patientId == null ? " (no patient identity: --patient-id adds it)" : " (with the patient identifier)") : ""));
        return 0;
    }
}
