using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsvHelper;
using OpenIdds.Firmware.Persistence;
using OpenIdds.Firmware.Protocol;
using OpenIdds.Firmware.Protocol.Messages;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Programmer.Link;

namespace OpenIdds.Programmer.Records;

/// <summary>
/// A snapshot saved as `iddsctl log export --format json` writes it, and read back from that JSON or
/// from the CSV `--format csv` writes. The status and the trial report are kept as the pump's own
/// message payloads (base64), so a saved export reads back exactly what the pump said; the events are
/// the export's rows, each with its time on the host's clock and its values in words.
/// </summary>
public static class SnapshotFile
{
    /// <summary>One exported event, as the CSV and JSON exports write it.</summary>
    public sealed record Row(uint Sequence, long PumpTimeMs, string Time, string Kind, long A, long B, string Detail);

    private sealed record Document(
        string Device,
        string? Firmware,
        string Exported,
        string? PumpZero,
        string? StatusPayload,
        string? TrialPayload,
        int? TrialThresholdPercent,
        List<Row> Events);

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static List<Row> Rows(PumpSnapshot s) => s.Events.Select(e => new Row(e.Sequence, e.PumpTime,
        s.EventTime(e).ToString("o", CultureInfo.InvariantCulture), EventKindName.Of((EventKind)e.Kind), e.A, e.B,
        ProtocolEventText.Describe((EventKind)e.Kind, e.A, e.B))).ToList();

    public static void WriteCsv(TextWriter writer, PumpSnapshot s)
    {
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        csv.WriteRecords(Rows(s));
    }

    public static void WriteJson(TextWriter writer, PumpSnapshot s)
    {
        string? status = null, trial = null;
        if (s.Status != null) status = Payload(w => s.Status.Write(w));
        if (s.Trial != null) trial = Payload(w => TrialReportMessage.Write(w, s.Trial, true));
        var doc = new Document(s.DeviceId, s.Firmware, s.WallClock(s.PumpTimeRead).ToString("o", CultureInfo.InvariantCulture),
            s.PumpZero.ToString("o", CultureInfo.InvariantCulture), status, trial, s.Trial == null ? null : s.TrialThresholdPercent, Rows(s));
        writer.Write(JsonSerializer.Serialize(doc, Json));
        writer.WriteLine();
    }

    /// <summary>Reads a saved export: JSON (with the status, when the export holds it) or CSV (the event log only).</summary>
    public static PumpSnapshot Load(string path)
    {
        if (!File.Exists(path)) throw new LinkException($"--from {path}: no such file");
        string text = File.ReadAllText(path);
        return text.TrimStart().StartsWith('{') ? FromJson(text, path) : FromCsv(text, path);
    }

    private static PumpSnapshot FromJson(string text, string path)
    {
        Document doc;
        try { doc = JsonSerializer.Deserialize<Document>(text, Json) ?? throw new JsonException("empty"); }
        catch (JsonException e) { throw new LinkException($"--from {path}: not an iddsctl log export ({e.Message})"); }
        StatusMessage? status = doc.StatusPayload == null ? null : Read(doc.StatusPayload, StatusMessage.Read, path);
        TrialReport? trial = doc.TrialPayload == null ? null : Read(doc.TrialPayload, r => TrialReportMessage.Read(r, out _), path);
        var events = doc.Events.Select(Event).ToList();
        DateTimeOffset zero = doc.PumpZero != null ? DateTimeOffset.Parse(doc.PumpZero, CultureInfo.InvariantCulture) : ZeroFrom(doc.Events);
        return new PumpSnapshot(doc.Device, doc.Firmware ?? "", zero, status, trial, doc.TrialThresholdPercent ?? TrialReport.DefaultReliefThresholdPercent, events);
    }

    private static PumpSnapshot FromCsv(string text, string path)
    {
        List<Row> rows;
        try
        {
            using var csv = new CsvReader(new StringReader(text), CultureInfo.InvariantCulture);
            rows = csv.GetRecords<Row>().ToList();
        }
        catch (CsvHelperException e) { throw new LinkException($"--from {path}: not an iddsctl log export ({e.Message.Split('\n')[0]})"); }
        // A CSV export does not name its device: the file name stands in.
        return new PumpSnapshot(Path.GetFileNameWithoutExtension(path), "", ZeroFrom(rows), null, null, TrialReport.DefaultReliefThresholdPercent, rows.Select(Event).ToList());
    }

    private static DateTimeOffset ZeroFrom(List<Row> rows) =>
        rows.Count == 0 ? DateTimeOffset.UnixEpoch : DateTimeOffset.Parse(rows[0].Time, CultureInfo.InvariantCulture) - TimeSpan.FromMilliseconds(rows[0].PumpTimeMs);

    private static LoggedEvent Event(Row r) => new(r.Sequence, KindOf(r.Kind), r.PumpTimeMs, r.A, r.B);

    private static int KindOf(string name)
    {
        foreach (EventKind kind in Enum.GetValues<EventKind>())
            if (EventKindName.Of(kind) == name) return (int)kind;
        return 0;
    }

    private static string Payload(Action<PayloadWriter> write)
    {
        var w = new PayloadWriter(Frame.MaxPayload);
        write(w);
        return Convert.ToBase64String(w.Buffer, 0, w.Length);
    }

    private static T Read<T>(string base64, Func<PayloadReader, T> read, string path)
    {
        byte[] bytes = Convert.FromBase64String(base64);
        var r = new PayloadReader(bytes, 0, bytes.Length);
        T value = read(r);
        if (!r.Ok) throw new LinkException($"--from {path}: a saved payload does not parse ({r.FailedField}: {r.FailedWhy})");
        return value;
    }
}
