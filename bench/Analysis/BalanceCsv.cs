using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace OpenIdds.Bench.Analysis;

/// <summary>
/// The balance CSV that `bench record` writes and the simulator's balance model writes too:
/// <c>time_ms,mass_mg[,gap]</c>, one reading per line, time from the start of the run. A truncated,
/// unsorted or non-numeric file is refused with the line named, and no report is made.
/// </summary>
public static class BalanceCsv
{
    public const string Header = "time_ms,mass_mg,gap";

    public static List<BalanceReading> Read(string path)
    {
        using var reader = new StreamReader(path);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { MissingFieldFound = null, HeaderValidated = null };
        using var csv = new CsvReader(reader, config);
        if (!csv.Read() || !csv.ReadHeader()) throw new InvalidDataException($"{path}: empty file, expected the header '{Header}'");
        if (csv.HeaderRecord is not { } header || header.Length < 2 || header[0] != "time_ms" || header[1] != "mass_mg")
            throw new InvalidDataException($"{path} line 1: header must start with 'time_ms,mass_mg'");
        var readings = new List<BalanceReading>();
        long previous = long.MinValue;
        while (csv.Read())
        {
            int line = csv.Parser.RawRow;
            string? time = csv.GetField(0), mass = csv.Parser.Count > 1 ? csv.GetField(1) : null;
            if (mass == null) throw new InvalidDataException($"{path} line {line}: truncated, expected time_ms and mass_mg");
            if (!long.TryParse(time, NumberStyles.Integer, CultureInfo.InvariantCulture, out long t))
                throw new InvalidDataException($"{path} line {line}: time_ms '{time}' is not a whole number of milliseconds");
            if (!double.TryParse(mass, NumberStyles.Float, CultureInfo.InvariantCulture, out double m))
                throw new InvalidDataException($"{path} line {line}: mass_mg '{mass}' is not a number");
            if (t <= previous) throw new InvalidDataException($"{path} line {line}: time {t} ms is not after the previous reading's {previous} ms");
            bool gap = csv.Parser.Count > 2 && csv.GetField(2) is "1" or "true" or "gap";
            readings.Add(new BalanceReading(t, m, gap));
            previous = t;
        }
        return readings;
    }

    public static void Write(string path, IEnumerable<BalanceReading> readings)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine(Header);
        foreach (var r in readings)
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.TimeMilliseconds},{r.MassMilligrams:0.00000},{(r.Gap ? 1 : 0)}"));
    }
}
