using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace OpenIdds.Bench.Analysis;

/// <summary>
/// The balance CSV that `bench record` writes and the simulator's balance model writes too:
/// <c>time_ms,mass_mg,gap,stable,measured_ms,note</c>, one reading per line, time from the start of the
/// run. Only <c>time_ms</c> and <c>mass_mg</c> are required (an older or hand-made file: every reading
/// stable, on time and present). A gap row has an empty mass. Every row has exactly the header's fields.
/// A truncated, unsorted or non-numeric file is refused with the line, the column and the value named,
/// and no report is made. <see cref="BalanceCsvFormat"/> reads a comma-decimal file or another export,
/// when told to: never by guessing.
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

    /// <summary>
    /// The largest mass taken as a reading: no balance weighs 100 kg to a milligram, and a value beyond it
    /// (1e308, a unit slip) would overflow the flow arithmetic into infinities instead of naming the line.
    /// </summary>
    public const double MaxMilligrams = 100_000_000;

    public static List<BalanceReading> Read(string path, BalanceCsvFormat? format = null)
    {
        format ??= BalanceCsvFormat.Recorded;
        using var reader = new StreamReader(path);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = format.Delimiter.ToString(), MissingFieldFound = null, HeaderValidated = null, BadDataFound = null };
        using var csv = new CsvReader(reader, config);
        if (!csv.Read() || !csv.ReadHeader()) throw new InvalidDataException($"{path}: empty file, expected the header '{Header}'");
        string[] header = csv.HeaderRecord ?? Array.Empty<string>();
        string headerText = string.Join(format.Delimiter, header);
        if (format.Decimal == DecimalMark.Point && header.Length == 1 && header[0].Contains(';'))
            throw new InvalidDataException($"{path} line 1: the fields are separated by ';' (found '{headerText}'), as a spreadsheet in a comma-decimal locale saves them: read it with --decimal comma");
        if (format.Decimal == DecimalMark.Comma && header.Length == 1 && header[0].Contains(','))
            throw new InvalidDataException($"{path} line 1: --decimal comma reads fields separated by ';', and this header has none (found '{headerText}'): a ',' between fields with a decimal comma in the numbers cannot be told apart; export with ';' between fields, or with a decimal point and no --decimal option");
        int Column(string name) => Array.IndexOf(header, name);
        int timeColumn = Column(format.TimeColumn), massColumn = Column(format.MassColumn);
        if (format.IsRecorded && (header.Length < 2 || timeColumn != 0 || massColumn != 1))
            throw new InvalidDataException($"{path} line 1: header must start with 'time_ms,mass_mg' (found '{headerText}'); for another export name its columns (--time-column, --mass-column)");
        if (timeColumn < 0) throw new InvalidDataException($"{path} line 1: header has no time column '{format.TimeColumn}' (found '{headerText}')");
        if (massColumn < 0) throw new InvalidDataException($"{path} line 1: header has no mass column '{format.MassColumn}' (found '{headerText}')");
        int gapColumn = Column("gap"), stableColumn = Column("stable"), measuredColumn = Column("measured_ms"), noteColumn = Column("note");
        var numbers = format.Numbers;
        string At(int line, int column) => $"{path} line {line}, column {column + 1}";

        var readings = new List<BalanceReading>();
        long previous = long.MinValue, previousMeasured = long.MinValue;
        while (csv.Read())
        {
            int line = csv.Parser.RawRow;
            int count = csv.Parser.Count;
            string? Field(int column) => column >= 0 && column < count ? csv.GetField(column) : null;
            if (count == 1 && (Field(0) ?? "").Length == 0) throw new InvalidDataException($"{path} line {line}: empty line, expected {headerText}");
            // A row has exactly the header's fields. One short is a row cut off (a recorder that lost power
            // mid-line would otherwise read as a stable, on-time reading of a cut-off mass); one long is most
            // often a decimal comma in a comma-separated file (30000,8,32 is not 8 mg), never to be ignored.
            if (count < header.Length)
                throw new InvalidDataException($"{At(line, count)}: truncated, {count} of the header's {header.Length} fields ({headerText}); delete or complete the line");
            if (count > header.Length)
                throw new InvalidDataException($"{At(line, header.Length)}: {count} fields where the header has {header.Length} ({headerText}), found '{csv.Parser.RawRecord.TrimEnd('\r', '\n')}'"
                    + (format.Decimal == DecimalMark.Point ? "; a decimal comma? A file with ',' between fields cannot carry decimal commas: export with a decimal point, or with ';' between fields and read it with --decimal comma" : ""));
            string time = Field(timeColumn)!, mass = Field(massColumn)!;
            long t;
            if (format.TimeUnit == TimeUnit.Milliseconds)
            {
                if (!long.TryParse(time, NumberStyles.Integer, numbers, out t) || t < 0)
                    throw new InvalidDataException($"{At(line, timeColumn)}: {format.TimeColumn} '{time}' is not a whole number of milliseconds from 0 up");
            }
            else
            {
                // Another export's unit: to the nearest millisecond.
                if (!double.TryParse(time, NumberStyles.Float, numbers, out double value) || !(value >= 0) || value * format.MillisecondsPer > long.MaxValue / 2)
                    throw new InvalidDataException($"{At(line, timeColumn)}: {format.TimeColumn} '{time}' is not a time from 0 up");
                t = (long)Math.Round(value * format.MillisecondsPer);
            }
            if (t <= previous) throw new InvalidDataException($"{At(line, timeColumn)}: {format.TimeColumn} {time}{(format.TimeUnit == TimeUnit.Milliseconds ? "" : $" ({t} ms)")} is not after the previous reading's {previous} ms");
            bool gap = Flag(At(line, gapColumn), "gap", Field(gapColumn), whenEmpty: false);
            double m = 0;
            if (!gap)
            {
                if (!double.TryParse(mass, NumberStyles.Float, numbers, out double value) || !double.IsFinite(value))
                    throw new InvalidDataException($"{At(line, massColumn)}: {format.MassColumn} '{mass}' is not a number"
                        + (format.Decimal == DecimalMark.Point && mass.Contains(',') ? " with a decimal point (for a decimal comma, give --decimal comma)" : format.Decimal == DecimalMark.Comma && mass.Contains('.') ? " with a decimal comma (--decimal comma reads no '.')" : "")
                        + " (only a gap row, gap = 1, may leave it empty)");
                m = value * format.MilligramsPer;
                if (!(Math.Abs(m) <= MaxMilligrams))
                    throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{At(line, massColumn)}: {format.MassColumn} '{mass}'{(format.MassUnit == MassUnit.Milligrams ? "" : $" ({m:G6} mg)")} is outside -{MaxMilligrams:0}..{MaxMilligrams:0} mg (100 kg): no balance reading, a unit slip or a corrupted line"));
            }
            bool stable = Flag(At(line, stableColumn), "stable", Field(stableColumn), whenEmpty: true);
            long? measured = null;
            string? measuredText = Field(measuredColumn);
            if (!string.IsNullOrEmpty(measuredText))
            {
                if (!long.TryParse(measuredText, NumberStyles.Integer, CultureInfo.InvariantCulture, out long mt) || mt < 0)
                    throw new InvalidDataException($"{At(line, measuredColumn)}: measured_ms '{measuredText}' is not a whole number of milliseconds from 0 up");
                if (mt < previousMeasured) throw new InvalidDataException($"{At(line, measuredColumn)}: measured_ms {mt} is before the previous reading's {previousMeasured} ms (one clock cannot run backwards)");
                measured = previousMeasured = mt;
            }
            readings.Add(new BalanceReading(t, m, gap, stable) { MeasuredMilliseconds = measured, Note = Field(noteColumn) ?? "", Line = line });
            previous = t;
        }
        return readings;
    }

    private static bool Flag(string where, string name, string? text, bool whenEmpty) => text switch
    {
        null or "" => whenEmpty,
        "0" => false,
        "1" => true,
        _ => throw new InvalidDataException($"{where}: {name} '{text}' must be 0 or 1"),
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
