using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OpenIdds.Bench.Balance;
using OpenIdds.Bench.Cli;

namespace OpenIdds.Tests.Host.Bench;

/// <summary>
/// The path a bench technician takes, through the tool's own entry point: `bench record` on a simulated
/// balance on a real pseudo-terminal for 8 minutes of run in about 12 s of wall time (x40), with the cable
/// pulled and plugged back in mid-run; then `bench analyze` of the CSV it wrote; then the report.
/// Run apart from the other test classes: the accelerated clock turns a wall millisecond of CPU contention
/// into 40 ms of run.
/// </summary>
[TestClass]
[DoNotParallelize]
public class BenchEndToEndTests
{
    // 40 ms of run per wall millisecond: a 30 s tick every 0.75 s, 8 min in 12 s - slow enough that a
    // loaded CI machine (2 cores, other test classes running) keeps every reply inside its tick.
    private const double Acceleration = 40;
    private const double SetRate = 600, Gain = -2;   // uL/h; the pump delivers 2 % short

    [TestMethod]
    [Timeout(60_000)]
    [DataRow("mt-sics", BalanceProtocol.MtSics)]
    [DataRow("sbi", BalanceProtocol.Sbi)]
    public void Record_with_the_cable_pulled_mid_run_then_analyze_then_the_report(string protocolName, BalanceProtocol protocol)
    {
        if (!OperatingSystem.IsLinux()) Assert.Inconclusive("pseudo-terminals from libc openpty: Linux");
        string folder = Path.Combine(Path.GetTempPath(), $"openidds-e2e-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var clock = new ScaledClock(Acceleration);
            using var balance = new SimulatedBalance(Path.Combine(folder, "balance"), protocol, clock, SetRate * (1 + Gain / 100));
            balance.Plug();
            string csv = Path.Combine(folder, "readings.csv");
            var recordOut = new StringWriter();
            var recordErr = new StringWriter();
            var record = Task.Run(() => BenchCommand.Run(
                ["record", "--port", balance.LinkPath, "--protocol", protocolName, "--interval", "30s", "--duration", "8min", "--reply-timeout", "20s", "--csv", csv],
                recordOut, recordErr, clock));

            // Pull the cable once the 5.0 min reading is in, plug it back once the 6.0 min tick is past.
            WaitForRow(csv, "300000,", record);
            balance.Unplug();
            WaitForRow(csv, "360000,", record);
            balance.Plug();
            Assert.IsTrue(record.Wait(TimeSpan.FromSeconds(30)), "record did not finish");
            Assert.AreEqual(0, record.Result, $"record: {recordOut}{recordErr}");

            string[] rows = File.ReadAllLines(csv);
            Assert.AreEqual("time_ms,mass_mg,gap,stable,measured_ms,note", rows[0]);
            var cells = rows.Skip(1).Select(r => r.Split(',')).ToList();
            CollectionAssert.AreEqual(Enumerable.Range(0, 17).Select(i => (i * 30_000).ToString()).ToArray(), cells.Select(c => c[0]).ToArray(), "every tick of the 8 min has its row");
            var gapTimes = cells.Where(c => c[2] == "1").Select(c => long.Parse(c[0])).ToList();
            CollectionAssert.AreEqual(new long[] { 330_000, 360_000 }, gapTimes, $"the ticks while the cable was out, and only those:\n{string.Join("\n", rows)}");
            Assert.IsTrue(cells.Where(c => c[2] == "1").All(c => c[5] == "disconnected" && c[1] == ""), "a gap keeps no mass and says why");
            Assert.IsTrue(cells.Any(c => c[2] == "0" && c[3] == "0"), "dynamic readings are written as unstable");
            Assert.IsTrue(cells.All(c => Math.Abs(long.Parse(c[4]) - long.Parse(c[0])) < 15_000), "measured within half a tick of its time");
            StringAssert.Contains(recordOut.ToString(), "0:08:00 elapsed, 0:00:00 left |", "not a terminal: the live status as a plain line per tick");
            StringAssert.Contains(recordOut.ToString(), "15 readings");
            StringAssert.Contains(recordOut.ToString(), "2 gaps, 1 reconnects");

            string report = Path.Combine(folder, "report");
            var analyzeOut = new StringWriter();
            var analyzeErr = new StringWriter();
            int analyzed = BenchCommand.Run(
                ["analyze", csv, "--rate", "600", "--interval", "30s", "--run", "8min", "--analysis-start", "4min", "--analysis-end", "8min", "--windows", "1min,2min", "--out", report],
                analyzeOut, analyzeErr);
            Assert.AreEqual(0, analyzed, $"analyze: {analyzeOut}{analyzeErr}");
            foreach (string file in new[] { "accuracy.json", "accuracy.html", "trumpet.png", "flow.png", "startup.png" })
                Assert.IsTrue(new FileInfo(Path.Combine(report, file)).Length > 0, $"{file} missing from the report");
            StringAssert.Contains(File.ReadAllText(Path.Combine(report, "accuracy.html")), "IEC 60601-2-24 style");

            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(report, "accuracy.json")));
            double a = json.RootElement.GetProperty("mean_error_percent_A").GetDouble();
            // 40 mg delivered over the analysis period against 0.02 mg noise: A is the pump's -2 % within 0.5 %.
            Assert.AreEqual(Gain, a, 0.5, $"A = {a} %");
            Assert.AreEqual(2, json.RootElement.GetProperty("readings").GetProperty("gaps").GetInt32());
            foreach (var point in json.RootElement.GetProperty("trumpet").EnumerateArray())
            {
                Assert.IsTrue(point.GetProperty("windows").GetInt32() < point.GetProperty("windows_expected").GetInt32(), "windows touching the gaps are out, and counted");
                Assert.AreEqual(Gain, point.GetProperty("ep_max_percent").GetDouble(), 3.0);
                Assert.AreEqual(Gain, point.GetProperty("ep_min_percent").GetDouble(), 3.0);
            }
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    /// <summary>
    /// `bench record` at a 5 s interval (x20: a tick every 250 ms of wall time, the 4 s reply timeout 200 ms)
    /// on a balance whose replies, after three prompt ones, leave <paramref name="replyDelay"/> after their
    /// request: only the three prompt readings, and the late replies as gaps named late with their text.
    /// </summary>
    private static void RecordOnALateBalance(long replyDelay, string duration)
    {
        if (!OperatingSystem.IsLinux()) Assert.Inconclusive("pseudo-terminals from libc openpty: Linux");
        string folder = Path.Combine(Path.GetTempPath(), $"openidds-late-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var clock = new ScaledClock(20);
            using var balance = new SimulatedBalance(Path.Combine(folder, "balance"), BalanceProtocol.MtSics, clock, SetRate) { PromptReplies = 3, ReplyDelayMilliseconds = replyDelay };
            balance.Plug();
            string csv = Path.Combine(folder, "readings.csv");
            var output = new StringWriter();
            var error = new StringWriter();
            int code = BenchCommand.Run(["record", "--port", balance.LinkPath, "--interval", "5s", "--duration", duration, "--reply-timeout", "4s", "--csv", csv], output, error, clock);
            Assert.AreEqual(0, code, $"{output}{error}");
            var cells = File.ReadAllLines(csv).Skip(1).Select(r => r.Split(',')).ToList();
            string table = string.Join("\n", cells.Select(c => string.Join(",", c)));
            CollectionAssert.AreEqual(new[] { "0", "5000", "10000" }, cells.Where(c => c[2] == "0").Select(c => c[0]).ToArray(),
                $"readings only while the balance answered in time; every later reply answers an earlier request:\n{table}");
            Assert.IsTrue(cells.Count(c => c[5].StartsWith("late 'S ", StringComparison.Ordinal)) >= 2, $"the late replies are gaps named late, with their text:\n{table}");
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [TestMethod]
    [Timeout(60_000)]
    public void A_balance_that_starts_answering_6_s_late_at_a_5_s_interval_never_has_a_reply_taken_for_the_next_request() =>
        RecordOnALateBalance(6_000, "40s");

    /// <summary>Replies leaving 2.2 or 2.7 intervals after their request: after the tick that listened for them, once the next request is out.</summary>
    [TestMethod]
    [Timeout(60_000)]
    [DataRow(11_000L)]
    [DataRow(13_500L)]
    public void A_balance_answering_2_to_3_intervals_late_never_has_a_reply_taken_for_a_later_request(long replyDelay) =>
        RecordOnALateBalance(replyDelay, "60s");

    [TestMethod]
    [Timeout(60_000)]
    [DataRow("sbi", 0L, "received: 'ES', 'ES', 'ES'", "likely cause: the balance answers in mt-sics: give --protocol mt-sics")]
    [DataRow("mt-sics", 36_000_000L, "received: nothing", "likely cause: nothing came back: check the cable")]
    public void Record_stops_within_three_ticks_when_the_balance_gives_no_weight_printing_what_came_and_the_likely_cause(string protocol, long replyDelay, string received, string cause)
    {
        if (!OperatingSystem.IsLinux()) Assert.Inconclusive("pseudo-terminals from libc openpty: Linux");
        string folder = Path.Combine(Path.GetTempPath(), $"openidds-noweight-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            // An MT-SICS balance asked in SBI (it answers ES), or one that never answers (its replies are 10 h late).
            var clock = new ScaledClock(Acceleration);
            using var balance = new SimulatedBalance(Path.Combine(folder, "balance"), BalanceProtocol.MtSics, clock, SetRate) { ReplyDelayMilliseconds = replyDelay };
            balance.Plug();
            string csv = Path.Combine(folder, "readings.csv");
            var output = new StringWriter();
            var error = new StringWriter();
            int code = BenchCommand.Run(["record", "--port", balance.LinkPath, "--protocol", protocol, "--interval", "30s", "--duration", "2h", "--reply-timeout", "20s", "--csv", csv], output, error, clock);
            Assert.AreEqual(2, code, $"{output}{error}");
            StringAssert.Contains(error.ToString(), "gave no weight in the first 3 readings");
            StringAssert.Contains(error.ToString(), received);
            StringAssert.Contains(error.ToString(), cause);
            Assert.IsTrue(clock.ElapsedMilliseconds < 3 * 60_000, $"stopped after {clock.ElapsedMilliseconds} ms of a 2 h run");
            Assert.HasCount(4, File.ReadAllLines(csv), "the header and three gap rows");
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    /// <summary>Waits until the recorder has written the row starting with <paramref name="prefix"/>: the run's own time, not the clock's, which started before it.</summary>
    private static void WaitForRow(string csv, string prefix, Task<int> record)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline && !record.IsCompleted)
        {
            if (File.Exists(csv))
            {
                using var reader = new StreamReader(new FileStream(csv, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
                if (reader.ReadToEnd().Split('\n').Any(l => l.StartsWith(prefix, StringComparison.Ordinal))) return;
            }
            Thread.Sleep(2);
        }
        Assert.Fail($"the recorder never wrote the row at {prefix.TrimEnd(',')} ms");
    }

    [TestMethod]
    [DataRow("time_ms,mass_mg,gap,stable,measured_ms,note\n0,0.00000,0,1,0,\n30000\n", "line 3")]
    [DataRow("time_ms,mass_mg,gap,stable,measured_ms,note\n0,0.00000,0,1,0,\n60000,1.0,0,1,60000,\n30000,2.0,0,1,30000,\n", "line 4")]
    [DataRow("time_ms,mass_mg,gap,stable,measured_ms,note\n0,0.00000,0,1,0,\n30000,1,0,1,30000,\n45000,1.5,0,1,45000,\n", "line 4")]
    [DataRow("time_ms,mass_mg\n0,0\n30000,8,32\n", "line 3, column 3")]
    [DataRow("time_ms,mass_mg\n0,0\n30000,1e308\n", "line 3, column 2")]
    [DataRow("time_ms,mass_mg,gap,stable,measured_ms,note\n", "no readings: the file ends after its header (line 1)")]
    public void A_bad_csv_gets_exit_2_the_line_named_and_no_report_at_all(string content, string line)
    {
        string folder = Path.Combine(Path.GetTempPath(), $"openidds-bad-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            string csv = Path.Combine(folder, "readings.csv"), report = Path.Combine(folder, "report");
            File.WriteAllText(csv, content);
            var error = new StringWriter();
            Assert.AreEqual(2, BenchCommand.Run(["analyze", csv, "--rate", "100", "--out", report], new StringWriter(), error));
            StringAssert.Contains(error.ToString(), line);
            Assert.IsFalse(error.ToString().Contains("   at ", StringComparison.Ordinal), "no stack trace");
            Assert.IsFalse(Directory.Exists(report) && Directory.EnumerateFileSystemEntries(report).Any(), "no report folder content");
        }
        finally { Directory.Delete(folder, recursive: true); }
    }
}
