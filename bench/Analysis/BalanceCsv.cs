using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace OpenIdds.Bench.Analysis;

/// <summary>
/// The balance CSV that `bench record` writes and the simulator's balance model writes too:
/// <c>time_ms,mass_mg,gap,stable,measured_ms,note</c>, one reading per line, time from the start of the
/// run. Only <c>time_ms</c> and <c>mass_mg</c> are required (an older or hand-made file: every reading
/// stable, on time and present). A gap row has an empty mass. A truncated, unsorted or non-numeric file
/// is refused with the line, the field and the value named, and no report is made.
/// </summary>
public static class BalanceCsv
{
    public const string Header = "time_ms,mass_mg,gap,stable,measured_ms,note";

    private const string StartedPrefix = "started ";

    /// <summary>The first row's note: the host's clock at time 0 (ISO 8601 with offset).</summary>
    public static string StartedNote(DateTimeOffset at) => StartedPrefix + at.ToString("o", CultureInfo.InvariantCulture);

    /// <summary>The host time at time 0, from the first row's note; null for a file without it (the simulator's, an older recorder's).</summary>
    public static DateTimeOffset? StartedAt(IReadOnlyList<BalanceReading> readings)
    {
        if (readings.Count == 0 || !readings[0].Note.StartsWith(StartedPrefix, StringComparison.Ordinal)) return null;
        string text = readings[0].Note[StartedPrefix.Length..].Split(';')[0].Trim();
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null;
    }

    public static List<BalanceReading> Read(string path)
    {
        using var reader = new StreamReader(path);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { MissingFieldFound = null, HeaderValidated = null, BadDataFound = null };
        using var csv = new CsvReader(reader, config);
        if (!csv.Read() || !csv.ReadHeader()) throw new InvalidDataException($"{path}: empty file, expected the header '{Header}'");
        string[] header = csv.HeaderRecord ?? Array.Empty<string>();
        if (header.Length < 2 || header[0] != "time_ms" || header[1] != "mass_mg")
            throw new InvalidDataException($"{path} line 1: header must start with 'time_ms,mass_mg' (found '{string.Join(",", header)}')");
        int Column(string name) => Array.IndexOf(header, name);
        int gapColumn = Column("gap"), stableColumn = Column("stable"), measuredColumn = Column("measured_ms"), noteColumn = Column("note");

        var readings = new List<BalanceReading>();
        long previous = long.MinValue, previousMeasured = long.MinValue;
        while (csv.Read())
        {
            int line = csv.Parser.RawRow;
            string? Field(int column) => column >= 0 && column < csv.Parser.Count ? csv.GetField(column) : null;
            string? time = Field(0), mass = Field(1);
            if (time == null || (csv.Parser.Count == 1 && time.Length == 0)) throw new InvalidDataException($"{path} line {line}: empty line, expected time_ms and mass_mg");
            if (mass == null) throw new InvalidDataException($"{path} line {line}: truncated, expected time_ms and mass_mg, found only '{time}'");
            // Columns the header names are not optional row by row: a row cut short (a recorder that lost
            // power mid-line) would otherwise read as a stable, on-time reading of a cut-off mass.
            if (csv.Parser.Count < header.Length)
                throw new InvalidDataException($"{path} line {line}: truncated, {csv.Parser.Count} of the header's {header.Length} fields ({string.Join(",", header)}); delete or complete the line");
            if (!long.TryParse(time, NumberStyles.Integer, CultureInfo.InvariantCulture, out long t) || t < 0)
                throw new InvalidDataException($"{path} line {line}: time_ms '{time}' is not a whole number of milliseconds from 0 up");
            if (t <= previous) throw new InvalidDataException($"{path} line {line}: time_ms {t} is not after the previous reading's {previous} ms");
            bool gap = Flag(path, line, "gap", Field(gapColumn), whenEmpty: false);
            double m = 0;
            if (!gap && (!double.TryParse(mass, NumberStyles.Float, CultureInfo.InvariantCulture, out m) || !double.IsFinite(m)))
                throw new InvalidDataException($"{path} line {line}: mass_mg '{mass}' is not a number (only a gap row, gap = 1, may leave it empty)");
            bool stable = Flag(path, line, "stable", Field(stableColumn), whenEmpty: true);
            long? measured = null;
            string? measuredText = Field(measuredColumn);
            if (!string.IsNullOrEmpty(measuredText))
            {
                if (!long.TryParse(measuredText, NumberStyles.Integer, CultureInfo.InvariantCulture, out long mt) || mt < 0)
                    throw new InvalidDataException($"{path} line {line}: measured_ms '{measuredText}' is not a whole number of milliseconds from 0 up");
                if (mt < previousMeasured) throw new InvalidDataException($"{path} line {line}: measured_ms {mt} is before the previous reading's {previousMeasured} ms (one clock cannot run backwards)");
                measured = previousMeasured = mt;
            }
            readings.Add(new BalanceReading(t, m, gap, stable) { MeasuredMilliseconds = measured, Note = Field(noteColumn) ?? "", Line = line });
            previous = t;
        }
        return readings;
    }

    private static bool Flag(string path, int line, string name, string? text, bool whenEmpty) => text switch
    {
        null or "" => whenEmpty,
        "0" => false,
        "1" => true,
        _ => throw new InvalidDataException($"{path} line {line}: {name} '{text}' must be 0 or 1"),
    };

    /// <summary>One CSV line for a reading (no line end): the recorder writes these one at a time, the simulator a whole file.</summary>
    public static string Row(BalanceReading r) => string.Create(CultureInfo.InvariantCulture,
        $"{r.TimeMilliseconds},{(r.Gap ? "" : r.MassMilligrams.ToString("0.00000", CultureInfo.InvariantCulture))},{(r.Gap ? 1 : 0)},{(r.Gap ? "" : r.Stable ? "1" : "0")},{r.MeasuredOrNominalMilliseconds},{Quote(r.Note)}");

    public static void Write(string path, IEnumerable<BalanceReading> readings)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine(Header);
        foreach (var r in readings) writer.WriteLine(Row(r));
    }

    // A note is a short word, but a raw balance line could carry a comma or a quote.
    private static string Quote(string note) =>
        note.IndexOfAny(new[] { ',', '"', '\n', '\r' }) < 0 ? note : "\"" + note.Replace("\"", "\"\"") + "\"";
}
