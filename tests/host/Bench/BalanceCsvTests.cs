using OpenIdds.Bench.Analysis;

namespace OpenIdds.Tests.Host.Bench;

/// <summary>The balance CSV: what it keeps, and the line, field and value it names when it refuses a file.</summary>
[TestClass]
public class BalanceCsvTests
{
    private static string Temp(string content)
    {
        string path = Path.Combine(Path.GetTempPath(), $"openidds-csv-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, content);
        return path;
    }

    [TestMethod]
    [DataRow("time_ms,mass_mg\n0,0\n30000\n", "line 3", "truncated")]
    [DataRow("time_ms,mass_mg\n0,0\n60000,1\n30000,2\n", "line 4", "30000 is not after the previous reading's 60000")]
    [DataRow("time_ms,mass_mg\n0,0\n30000,abc\n", "line 3", "mass_mg 'abc'")]
    [DataRow("time_ms,mass_mg\n0,0\n3e4,1\n", "line 3", "time_ms '3e4'")]
    [DataRow("time_ms,mass_mg\n-30000,0\n", "line 2", "time_ms '-30000'")]
    [DataRow("time,mass\n0,0\n", "line 1", "header")]
    [DataRow("time_ms,mass_mg,gap\n0,0,0\n30000,1,2\n", "line 3", "gap '2' must be 0 or 1")]
    [DataRow("time_ms,mass_mg,gap,stable\n0,0,0,yes\n", "line 2", "stable 'yes' must be 0 or 1")]
    [DataRow("time_ms,mass_mg,gap\n0,0,0\n30000,,0\n", "line 3", "only a gap row")]
    [DataRow("time_ms,mass_mg,gap,stable,measured_ms\n0,0,0,1,20\n30000,1,0,1,10\n", "line 3", "measured_ms 10 is before")]
    [DataRow("time_ms,mass_mg,gap,stable,measured_ms\n0,0,0,1,x\n", "line 2", "measured_ms 'x'")]
    [DataRow("time_ms,mass_mg,gap,stable,measured_ms,note\n0,0,0,1,0,\n30000,52.1\n", "line 3", "truncated, 2 of the header's 6 fields")]
    [DataRow("time_ms,mass_mg\n0,0\n30000,8,32\n", "line 3, column 3", "3 fields where the header has 2")]
    [DataRow("time_ms,mass_mg\n0,0\n30000,8,32\n", "line 3, column 3", "--decimal comma")]
    [DataRow("time_ms,mass_mg,gap,stable,measured_ms,note\n0,0,0,1,0,,extra\n", "line 2, column 7", "7 fields where the header has 6")]
    [DataRow("time_ms,mass_mg\n0,0\n30000,1e308\n", "line 3, column 2", "outside -100000000..100000000 mg")]
    [DataRow("time_ms,mass_mg\n0,0\n30000,-1e308\n", "line 3, column 2", "outside")]
    [DataRow("time_ms,mass_mg\n0,0\n30000,\"8,32\"\n", "line 3, column 2", "for a decimal comma, give --decimal comma")]
    [DataRow("time_ms;mass_mg\n0;0\n30000;8,32\n", "line 1", "read it with --decimal comma")]
    [DataRow("time_ms,mass_mg\n0,0\n30000,abc\n", "line 3, column 2", "mass_mg 'abc'")]
    [DataRow("time_ms,mass_mg,gap\n0,0,0\n30000,1,2\n", "line 3, column 3", "gap '2'")]
    public void A_bad_csv_is_refused_naming_the_line(string content, string line, string why)
    {
        string path = Temp(content);
        try
        {
            var e = Assert.ThrowsExactly<InvalidDataException>(() => BalanceCsv.Read(path));
            StringAssert.Contains(e.Message, line);
            StringAssert.Contains(e.Message, why);
        }
        finally { File.Delete(path); }
    }

    [TestMethod]
    [DataRow("time_ms,mass_mg\n0,0\n", "line 1", "this header has none")]
    [DataRow("time_ms;mass_mg\n0;0\n30000;8.32\n", "line 3, column 2", "'8.32' is not a number with a decimal comma")]
    [DataRow("time_ms;mass_mg\n0;0\n30000;8;32\n", "line 3, column 3", "3 fields where the header has 2")]
    public void A_comma_decimal_reading_refuses_what_it_cannot_read_unambiguously(string content, string line, string why)
    {
        string path = Temp(content);
        try
        {
            var e = Assert.ThrowsExactly<InvalidDataException>(() => BalanceCsv.Read(path, BalanceCsvFormat.Recorded with { Decimal = DecimalMark.Comma }));
            StringAssert.Contains(e.Message, line);
            StringAssert.Contains(e.Message, why);
        }
        finally { File.Delete(path); }
    }

    [TestMethod]
    public void A_comma_decimal_file_is_read_only_when_told_and_then_every_decimal_is_kept()
    {
        string path = Temp("time_ms;mass_mg;gap;stable;measured_ms;note\n0;0,00000;0;1;12;\n30000;8,32000;0;0;30019;\n60000;;1;;62000;no-reply\n");
        try
        {
            Assert.ThrowsExactly<InvalidDataException>(() => BalanceCsv.Read(path));
            var back = BalanceCsv.Read(path, BalanceCsvFormat.Recorded with { Decimal = DecimalMark.Comma });
            Assert.HasCount(3, back);
            Assert.AreEqual(8.32, back[1].MassMilligrams, 1e-9, "8,32 is 8.32 mg, not 8");
            Assert.IsFalse(back[1].Stable);
            Assert.AreEqual(30_019L, back[1].MeasuredMilliseconds);
            Assert.IsTrue(back[2].Gap);
        }
        finally { File.Delete(path); }
    }

    [TestMethod]
    public void An_export_in_seconds_and_grams_with_decimal_commas_reads_through_its_mapping_to_the_nearest_millisecond()
    {
        string path = Temp("Zeit_s;Masse_g;Temp\n0;10,0000000;21,5\n30,0004;10,0008317;21,5\n");
        try
        {
            var back = BalanceCsv.Read(path, new BalanceCsvFormat { Decimal = DecimalMark.Comma, TimeColumn = "Zeit_s", TimeUnit = TimeUnit.Seconds, MassColumn = "Masse_g", MassUnit = MassUnit.Grams });
            Assert.AreEqual((0L, 30_000L), (back[0].TimeMilliseconds, back[1].TimeMilliseconds));
            Assert.AreEqual(10_000.8317, back[1].MassMilligrams, 1e-6);
            Assert.IsTrue(back.All(b => b.Stable && !b.Gap && b.MeasuredMilliseconds == null), "no recorder columns: stable readings on time");
        }
        finally { File.Delete(path); }
    }

    [TestMethod]
    public void Every_column_round_trips_and_a_gap_keeps_no_mass()
    {
        string path = Path.Combine(Path.GetTempPath(), $"openidds-{Guid.NewGuid():N}.csv");
        try
        {
            BalanceCsv.Write(path, new[]
            {
                new BalanceReading(0, 0) { MeasuredMilliseconds = 12 },
                new BalanceReading(30_000, 0.83, Stable: false) { MeasuredMilliseconds = 30_019 },
                new BalanceReading(60_000, 0, Gap: true) { MeasuredMilliseconds = 62_000, Note = "no-reply" },
            });
            string[] lines = File.ReadAllLines(path);
            CollectionAssert.AreEqual(new[] { BalanceCsv.Header, "0,0.00000,0,1,12,", "30000,0.83000,0,0,30019,", "60000,,1,,62000,no-reply" }, lines);
            var back = BalanceCsv.Read(path);
            Assert.HasCount(3, back);
            Assert.AreEqual(0.83, back[1].MassMilligrams, 1e-9);
            Assert.IsFalse(back[1].Stable);
            Assert.AreEqual(30_019L, back[1].MeasuredMilliseconds);
            Assert.IsTrue(back[2].Gap);
            Assert.AreEqual("no-reply", back[2].Note);
            Assert.AreEqual(4, back[2].Line, "the line is kept for errors that come later, in the analysis");
        }
        finally { File.Delete(path); }
    }

    [TestMethod]
    public void A_two_column_file_is_read_as_stable_readings_on_time()
    {
        string path = Temp("time_ms,mass_mg\n0,0\n30000,0.5\n");
        try
        {
            var back = BalanceCsv.Read(path);
            Assert.IsTrue(back.All(b => b.Stable && !b.Gap && b.MeasuredOrNominalMilliseconds == b.TimeMilliseconds));
        }
        finally { File.Delete(path); }
    }
}
