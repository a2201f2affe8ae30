using System.Globalization;
using System.Text.Json;
using CsvHelper;
using OpenIdds.Firmware.Persistence;

namespace OpenIdds.Programmer.Cli;

/// <summary>
/// `iddsctl log export [--format csv|json] [--out FILE]`: the pump's whole event log, oldest first,
/// with each event's values in words and its time on the host's clock (the pump keeps pump time:
/// milliseconds since installation, without the power-off time).
/// </summary>
public static class LogCommand
{
    public sealed record Row(uint Sequence, long PumpTimeMs, string Time, string Kind, long A, long B, string Detail);

    public static int Export(ProgrammerSession session, string format, string? outPath)
    {
        var role = session.ReadRole();
        var status = session.Commands.Status(role);
        var hostNow = DateTimeOffset.Now;
        var rows = session.Commands.ExportAll(role).Select(e => new Row(e.Sequence, e.PumpTime,
            (hostNow + TimeSpan.FromMilliseconds(e.PumpTime - status.PumpTime)).ToString("o", CultureInfo.InvariantCulture),
            EventKindName.Of((EventKind)e.Kind), e.A, e.B, EventText.Describe((EventKind)e.Kind, e.A, e.B))).ToList();
        TextWriter writer = outPath == null ? new StringWriter() : new StreamWriter(outPath);
        using (writer)
        {
            switch (format)
            {
                case "csv":
                    using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true)) csv.WriteRecords(rows);
                    break;
                case "json":
                    writer.Write(JsonSerializer.Serialize(new { device = session.DeviceId, exported = hostNow.ToString("o", CultureInfo.InvariantCulture), events = rows },
                        new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }));
                    writer.WriteLine();
                    break;
                default:
                    throw new Link.LinkException($"--format {format} is not one of csv, json");
            }
            if (outPath == null) session.Console.Out.Write(new Spectre.Console.Text(writer.ToString()!));
        }
        if (outPath != null) session.Console.Line($"{rows.Count} events from {Spectre.Console.Markup.Escape(session.DeviceId)} written to {Spectre.Console.Markup.Escape(outPath)}");
        return 0;
    }
}
