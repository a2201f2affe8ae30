using OpenIdds.Bench.Analysis;
using OpenIdds.Bench.Balance;
using OpenIdds.Bench.Cli;

namespace OpenIdds.Tests.Host.Bench;

/// <summary>The `bench` command line in-process: bad input gets exit 2 and a sentence naming what to fix, never a stack trace, and leaves no file behind.</summary>
[TestClass]
public class BenchCommandTests
{
    private static (int Code, string Out, string Error) Bench(IBenchClock? clock, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = BenchCommand.Run(args, output, error, clock ?? new FakeBenchClock());
        return (code, output.ToString(), error.ToString());
    }

    private static string TempFolder()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"openidds-cli-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    [TestMethod]
    public void Record_on_a_missing_port_waits_the_connect_timeout_then_exits_2_naming_the_port_and_what_to_check()
    {
        string folder = TempFolder();
        try
        {
            var clock = new FakeBenchClock();
            string csv = Path.Combine(folder, "readings.csv");
            var (code, _, error) = Bench(clock, "record", "--port", "/dev/openidds-no-balance", "--connect-timeout", "20s", "--csv", csv);
            Assert.AreEqual(2, code, error);
            StringAssert.Contains(error, "no balance on /dev/openidds-no-balance");
            StringAssert.Contains(error, "No such file or directory");
            StringAssert.Contains(error, "--port");
            Assert.IsFalse(error.Contains("   at ", StringComparison.Ordinal), "no stack trace");
            Assert.AreEqual(20_000, clock.ElapsedMilliseconds, "it retried for the whole connect timeout");
            Assert.IsFalse(File.Exists(csv), "no CSV for a run that never started");
        }
        finally { Directory.Delete(folder, true); }
    }

    [TestMethod]
    [DataRow("--protocol", "foo", "--protocol 'foo' is not mt-sics or sbi")]
    [DataRow("--parity", "o", "--parity 'o' is not none, odd, even, mark or space")]
    [DataRow("--stop-bits", "3", "--stop-bits '3' is not 1, 1.5 or 2")]
    [DataRow("--data-bits", "9", "--data-bits 9 must be 5 to 8")]
    [DataRow("--handshake", "rts", "--handshake 'rts' is not none, rts-cts or xon-xoff")]
    [DataRow("--baud", "96000000", "--baud 96000000 is outside 300..921600")]
    [DataRow("--interval", "30", "--interval '30' is not a duration: give a number and a unit")]
    [DataRow("--interval", "10ms", "below the least allowed, 100 ms")]
    [DataRow("--duration", "10s", "--duration '10s' is 10000 ms, below the least allowed, 30000 ms")]
    [DataRow("--baud", "fast", "fast")]
    public void Record_with_a_bad_option_exits_2_naming_the_option_and_the_value(string option, string value, string message)
    {
        var (code, _, error) = Bench(null, "record", "--port", "/dev/null", option, value, "--csv", Path.Combine(Path.GetTempPath(), $"never-{Guid.NewGuid():N}.csv"));
        Assert.AreEqual(2, code, error);
        StringAssert.Contains(error, message);
    }

    [TestMethod]
    public void Record_refuses_to_overwrite_an_earlier_run_unless_forced()
    {
        string folder = TempFolder();
        try
        {
            string csv = Path.Combine(folder, "readings.csv");
            File.WriteAllText(csv, "an earlier run\n");
            var (code, _, error) = Bench(null, "record", "--port", "/dev/openidds-no-balance", "--connect-timeout", "0s", "--csv", csv);
            Assert.AreEqual(2, code);
            StringAssert.Contains(error, "already exists");
            StringAssert.Contains(error, "--force");
            Assert.AreEqual("an earlier run\n", File.ReadAllText(csv), "untouched");

            // --force gets past that check to the balance (absent here), and still leaves the file alone until a balance answers.
            (code, _, error) = Bench(null, "record", "--port", "/dev/openidds-no-balance", "--connect-timeout", "0s", "--csv", csv, "--force");
            Assert.AreEqual(2, code);
            StringAssert.Contains(error, "no balance on");
            Assert.AreEqual("an earlier run\n", File.ReadAllText(csv));
        }
        finally { Directory.Delete(folder, true); }
    }

    [TestMethod]
    [Timeout(30_000)]
    public void Record_waits_for_a_balance_plugged_in_after_it_started()
    {
        if (!OperatingSystem.IsLinux()) Assert.Inconclusive("pseudo-terminals from libc openpty: Linux");
        string folder = TempFolder();
        try
        {
            var clock = new ScaledClock(50);
            using var balance = new SimulatedBalance(Path.Combine(folder, "balance"), BalanceProtocol.MtSics, clock, 100);
            string csv = Path.Combine(folder, "readings.csv");
            // The recorder writes from its own thread; the synchronized writer locks on itself.
            var text = new StringWriter();
            var output = TextWriter.Synchronized(text);
            string Said() { lock (output) return text.ToString(); }
            var error = new StringWriter();
            var record = System.Threading.Tasks.Task.Run(() => BenchCommand.Run(["record", "--port", balance.LinkPath, "--interval", "10s", "--duration", "30s", "--reply-timeout", "8s", "--connect-timeout", "2min", "--csv", csv], output, error, clock));
            while (!Said().Contains("waiting for the balance", StringComparison.Ordinal) && !record.IsCompleted) System.Threading.Thread.Sleep(5);
            clock.WaitUntil(clock.ElapsedMilliseconds + 5_000);
            Assert.IsFalse(record.IsCompleted, $"still waiting for the balance: {Said()}");
            balance.Plug();
            Assert.IsTrue(record.Wait(TimeSpan.FromSeconds(20)));
            Assert.AreEqual(0, record.Result, Said() + error);
            StringAssert.Contains(Said(), "balance connected after");
            StringAssert.Contains(Said(), "4 readings (1 unstable), 0 gaps");
        }
        finally { Directory.Delete(folder, true); }
    }

    private static string StandardCsv(string folder, double minutes = 120, double intervalMinutes = 0.5, double rate = 100)
    {
        string csv = Path.Combine(folder, "readings.csv");
        BalanceCsv.Write(csv, AccuracyAnalysisTests.Readings(t => rate * t / 60, minutes, intervalMinutes));
        return csv;
    }

    [TestMethod]
    [DataRow("--windows", "2", "--windows '2' is not a duration: give a number and a unit")]
    [DataRow("--windows", "2min,,5min", "--windows '2min,,5min' is not a list of durations")]
    [DataRow("--windows", "2min,90min", "observation window (--windows) 90 min is longer than the analysis period 60 min")]
    [DataRow("--analysis-end", "3h", "analysis end (--analysis-end) 180 min is after the end of the run (--run) 120 min")]
    [DataRow("--analysis-start", "2h", "must be after the analysis start 120 min")]
    [DataRow("--interval", "1min", "line 3: time_ms 30000 is not on the 1 min sample grid")]
    [DataRow("--run", "100s", "run length (--run) 1.6667 min is not a whole number of sample intervals")]
    [DataRow("--density", "998", "density (--density) 998 mg/uL is outside 0.5..2.5 mg/uL")]
    [DataRow("--claim", "-5", "accuracy claim (--claim) -5 %")]
    [DataRow("--unstable", "keep", "--unstable 'keep' is not use or exclude")]
    [DataRow("--profile", "implant", "--profile 'implant' is not standard or low-rate")]
    [DataRow("--rate", "0", "set rate (--rate) 0 uL/h must be above 0")]
    [DataRow("--no-such-option", "1", "--no-such-option")]
    public void Analyze_with_a_bad_setting_exits_2_names_it_and_writes_no_report(string option, string value, string message)
    {
        string folder = TempFolder();
        try
        {
            string csv = StandardCsv(folder), report = Path.Combine(folder, "report");
            string[] args = option == "--rate" ? ["analyze", csv, "--rate", value, "--out", report] : ["analyze", csv, "--rate", "100", option, value, "--out", report];
            var (code, _, error) = Bench(null, args);
            Assert.AreEqual(2, code, error);
            StringAssert.Contains(error, message);
            Assert.IsFalse(Directory.Exists(report), "no report");
        }
        finally { Directory.Delete(folder, true); }
    }

    [TestMethod]
    [DataRow(2000.0, false, "spike of +2000.832 mg at 75.5 min")]
    [DataRow(500.0, true, "step of +500.832 mg at 75.5 min")]
    [DataRow(-5.0, true, "negative step of -4.168 mg at 75.5 min")]
    public void Analyze_fails_a_run_with_a_disturbance_and_reports_its_time_in_the_console_json_and_html(double milligrams, bool stays, string described)
    {
        string folder = TempFolder();
        try
        {
            string csv = Path.Combine(folder, "readings.csv"), report = Path.Combine(folder, "report");
            var readings = AccuracyAnalysisTests.Readings(t => 100 * t / 60);
            for (int i = 151; i < readings.Count && (stays || i == 151); i++) readings[i] = readings[i] with { MassMilligrams = readings[i].MassMilligrams + milligrams };
            BalanceCsv.Write(csv, readings);
            var (code, output, error) = Bench(null, "analyze", csv, "--rate", "100", "--out", report);
            Assert.AreEqual(1, code, output + error);
            StringAssert.Contains(output, "FAIL: a disturbance in the analysis period, " + described);
            StringAssert.Contains(output, "line 153");
            string json = File.ReadAllText(Path.Combine(report, "accuracy.json"));
            StringAssert.Contains(json, "\"time_min\": 75.5");
            StringAssert.Contains(json, "\"in_analysis_period\": true");
            StringAssert.Contains(File.ReadAllText(Path.Combine(report, "accuracy.html")), described);
        }
        finally { Directory.Delete(folder, true); }
    }

    [TestMethod]
    public void Analyze_refuses_two_readings_measured_at_the_same_moment_instead_of_a_blank_flow_graph()
    {
        string folder = TempFolder();
        try
        {
            string csv = Path.Combine(folder, "readings.csv"), report = Path.Combine(folder, "report");
            var readings = AccuracyAnalysisTests.Readings(t => 100 * t / 60);
            // 315 000 ms is within half an interval of both the 300 000 and the 330 000 ms ticks.
            readings[10] = readings[10] with { MeasuredMilliseconds = 315_000 };
            readings[11] = readings[11] with { MeasuredMilliseconds = 315_000 };
            BalanceCsv.Write(csv, readings);
            var (code, _, error) = Bench(null, "analyze", csv, "--rate", "100", "--out", report);
            Assert.AreEqual(2, code, error);
            StringAssert.Contains(error, "line 13, measured_ms");
            Assert.IsFalse(Directory.Exists(report), "no report, so no blank flow.png");
        }
        finally { Directory.Delete(folder, true); }
    }

    [TestMethod]
    public void Analyze_adds_back_the_evaporation_given_or_measured_in_a_pre_run_and_reports_the_correction()
    {
        string folder = TempFolder();
        try
        {
            // 2.5 uL/h delivered exactly; the vessel loses 0.05 mg/h.
            string csv = Path.Combine(folder, "readings.csv"), stopped = Path.Combine(folder, "stopped.csv");
            BalanceCsv.Write(csv, AccuracyAnalysisTests.Readings(t => 2.5 * t / 60 - 0.05 * t / 60 / 0.998));
            BalanceCsv.Write(stopped, AccuracyAnalysisTests.Readings(t => 3000 - 0.05 * t / 60 / 0.998, minutes: 30));
            var (code, output, error) = Bench(null, "analyze", csv, "--rate", "2.5", "--out", Path.Combine(folder, "r0"));
            Assert.AreEqual(0, code, error);
            StringAssert.Contains(output, "A = -2.00 %");
            StringAssert.Contains(output, "Evaporation: not corrected (--evaporation or --evaporation-run); here each 0.01 mg/h lost biases A by -0.40 %.");

            (code, output, error) = Bench(null, "analyze", csv, "--rate", "2.5", "--evaporation", "0.05", "--out", Path.Combine(folder, "r1"));
            Assert.AreEqual(0, code, error);
            StringAssert.Contains(output, "A = 0.00 %");
            StringAssert.Contains(output, "Evaporation: 0.05 mg/h added back (--evaporation): +0.0501 uL/h on the flow, +2.00 % of the set rate; A without it: -2.00 %.");
            StringAssert.Contains(File.ReadAllText(Path.Combine(folder, "r1", "accuracy.json")), "\"correction_percent_of_rate\": 2.004");

            (code, output, error) = Bench(null, "analyze", csv, "--rate", "2.5", "--evaporation-run", stopped, "--out", Path.Combine(folder, "r2"));
            Assert.AreEqual(0, code, error);
            StringAssert.Contains(output, "A = 0.00 %");
            StringAssert.Contains(output, $"added back (the drift of {stopped}, 61 readings over 0.5 h)");

            (code, _, error) = Bench(null, "analyze", csv, "--rate", "2.5", "--evaporation", "0.05", "--evaporation-run", stopped, "--out", Path.Combine(folder, "r3"));
            Assert.AreEqual(2, code);
            StringAssert.Contains(error, "not both");
            (code, _, error) = Bench(null, "analyze", csv, "--rate", "2.5", "--evaporation", "50000", "--out", Path.Combine(folder, "r4"));
            Assert.AreEqual(2, code);
            StringAssert.Contains(error, "evaporation (--evaporation) 50000 mg/h is outside -1000..1000 mg/h");
        }
        finally { Directory.Delete(folder, true); }
    }

    [TestMethod]
    public void Drift_prints_the_bias_a_drift_causes_at_the_rate_against_a_tenth_of_the_claim()
    {
        string folder = TempFolder();
        try
        {
            string stopped = Path.Combine(folder, "stopped.csv");
            BalanceCsv.Write(stopped, AccuracyAnalysisTests.Readings(t => 3000 - 0.05 * t / 60 / 0.998, minutes: 30));
            var (code, output, error) = Bench(null, "drift", stopped, "--rate", "2.5");
            Assert.AreEqual(1, code, error);
            StringAssert.Contains(output, "drift -0.0500 mg/h over 0.5 h (61 readings): evaporation 0.0500 mg/h");
            StringAssert.Contains(output, "a drift of -0.0500 mg/h biases A by -2.00 % at 2.5 uL/h; allowed: +-0.0125 mg/h (a bias of +-0.5 %, a tenth of the +-5 % claim): FAIL");
            StringAssert.Contains(output, "bench analyze ... --evaporation 0.0500");

            (code, output, error) = Bench(null, "drift", "--mg-per-h", "-0.01", "--rate", "2.5", "--claim", "10");
            Assert.AreEqual(0, code, error);
            StringAssert.Contains(output, "a drift of -0.0100 mg/h biases A by -0.40 % at 2.5 uL/h; allowed: +-0.0250 mg/h (a bias of +-1 %, a tenth of the +-10 % claim): PASS");

            (code, _, error) = Bench(null, "drift", "--rate", "2.5");
            Assert.AreEqual(2, code);
            StringAssert.Contains(error, "give a recording made with the pump stopped, or --mg-per-h");
        }
        finally { Directory.Delete(folder, true); }
    }

    [TestMethod]
    public void Analyze_reads_another_labs_export_through_an_explicit_column_and_unit_mapping()
    {
        string folder = TempFolder();
        try
        {
            // time_min,mass_g,temp_C: minutes and grams, a temperature column beside them, 1 % over 100 uL/h.
            string export = Path.Combine(folder, "export.csv");
            File.WriteAllLines(export, new[] { "time_min,mass_g,temp_C" }.Concat(AccuracyAnalysisTests.Readings(t => 101 * t / 60).Select(r =>
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{r.TimeMilliseconds / 60_000.0},{10 + r.MassMilligrams / 1000:0.0000000},21.5"))));
            var (code, _, error) = Bench(null, "analyze", export, "--rate", "100", "--out", Path.Combine(folder, "r0"));
            Assert.AreEqual(2, code);
            StringAssert.Contains(error, "line 1: header must start with 'time_ms,mass_mg' (found 'time_min,mass_g,temp_C'); for another export name its columns (--time-column, --mass-column)");

            (code, var output, error) = Bench(null, "analyze", export, "--rate", "100", "--time-column", "time_min", "--time-unit", "min", "--mass-column", "mass_g", "--mass-unit", "g", "--out", Path.Combine(folder, "r1"));
            Assert.AreEqual(0, code, error);
            StringAssert.Contains(output, "A = +1.00 %");
            StringAssert.Contains(output, "Readings: 241 used");

            (code, _, error) = Bench(null, "analyze", export, "--rate", "100", "--time-column", "time_min", "--mass-column", "mass_g", "--mass-unit", "g", "--out", Path.Combine(folder, "r2"));
            Assert.AreEqual(2, code);
            StringAssert.Contains(error, "--time-column and --time-unit go together");
            (code, _, error) = Bench(null, "analyze", export, "--rate", "100", "--time-column", "time_min", "--time-unit", "fortnight", "--mass-column", "mass_g", "--mass-unit", "g", "--out", Path.Combine(folder, "r3"));
            Assert.AreEqual(2, code);
            StringAssert.Contains(error, "--time-unit 'fortnight' is not ms, s, min or h");
            (code, _, error) = Bench(null, "analyze", export, "--rate", "100", "--time-column", "time_s", "--time-unit", "s", "--mass-column", "mass_g", "--mass-unit", "g", "--out", Path.Combine(folder, "r4"));
            Assert.AreEqual(2, code);
            StringAssert.Contains(error, "line 1: header has no time column 'time_s' (found 'time_min,mass_g,temp_C')");
        }
        finally { Directory.Delete(folder, true); }
    }

    [TestMethod]
    public void Analyze_says_how_many_rows_were_after_the_end_of_the_run()
    {
        string folder = TempFolder();
        try
        {
            string csv = StandardCsv(folder, minutes: 125);
            var (code, output, error) = Bench(null, "analyze", csv, "--rate", "100", "--out", Path.Combine(folder, "report"));
            Assert.AreEqual(0, code, error);
            StringAssert.Contains(output, "10 rows after the end of the run, not analysed");
            StringAssert.Contains(File.ReadAllText(Path.Combine(folder, "report", "accuracy.json")), "\"after_run\": 10");
        }
        finally { Directory.Delete(folder, true); }
    }

    [TestMethod]
    public void Analyze_reads_a_comma_decimal_file_only_with_decimal_comma()
    {
        string folder = TempFolder();
        try
        {
            string csv = Path.Combine(folder, "komma.csv");
            File.WriteAllLines(csv, new[] { "time_ms;mass_mg" }.Concat(AccuracyAnalysisTests.Readings(t => 102 * t / 60).Select(r =>
                $"{r.TimeMilliseconds};{r.MassMilligrams.ToString("0.00000", System.Globalization.CultureInfo.InvariantCulture).Replace('.', ',')}")));
            var (code, _, error) = Bench(null, "analyze", csv, "--rate", "100", "--out", Path.Combine(folder, "r1"));
            Assert.AreEqual(2, code, error);
            StringAssert.Contains(error, "line 1");
            StringAssert.Contains(error, "--decimal comma");
            var (ok, output, okError) = Bench(null, "analyze", csv, "--rate", "100", "--decimal", "comma", "--out", Path.Combine(folder, "r2"));
            Assert.AreEqual(0, ok, okError);
            StringAssert.Contains(output, "A = +2.00 %");
            (code, _, error) = Bench(null, "analyze", csv, "--rate", "100", "--decimal", "komma", "--out", Path.Combine(folder, "r3"));
            Assert.AreEqual(2, code);
            StringAssert.Contains(error, "--decimal 'komma' is not point or comma");
        }
        finally { Directory.Delete(folder, true); }
    }

    [TestMethod]
    public void Analyze_maps_every_option_onto_the_settings()
    {
        string folder = TempFolder();
        try
        {
            string csv = StandardCsv(folder, minutes: 30, intervalMinutes: 1, rate: 50);
            var (code, output, error) = Bench(null, "analyze", csv, "--rate", "50", "--interval", "1min", "--run", "30min", "--analysis-start", "10min", "--analysis-end", "30min",
                "--windows", "2min,10min", "--density", "0.998", "--claim", "1", "--unstable", "exclude", "--out", Path.Combine(folder, "report"));
            Assert.AreEqual(0, code, error);
            StringAssert.Contains(output, "A = 0.00 % (claim +-1 %): PASS");
            StringAssert.Contains(output, "window      2 min: Ep(max)     0.00 %  Ep(min)     0.00 %  (19 of 19 windows)");
            StringAssert.Contains(output, "window     10 min");
            StringAssert.Contains(output, "0 unstable (dynamic) readings excluded");
            StringAssert.Contains(output, "Sample interval 1 min, run 30 min");
        }
        finally { Directory.Delete(folder, true); }
    }

    [TestMethod]
    public void Low_rate_profile_on_a_standard_two_hour_recording_is_refused_and_on_a_48_hour_one_passes()
    {
        string folder = TempFolder();
        try
        {
            string shortCsv = StandardCsv(folder, rate: 2.5);
            var (code, _, error) = Bench(null, "analyze", shortCsv, "--rate", "2.5", "--profile", "low-rate", "--out", Path.Combine(folder, "r1"));
            Assert.AreEqual(2, code);
            StringAssert.Contains(error, "15 min sample grid");
            (code, _, error) = Bench(null, "analyze", shortCsv, "--rate", "2.5", "--profile", "low-rate", "--interval", "30s", "--out", Path.Combine(folder, "r2"));
            Assert.AreEqual(2, code);
            StringAssert.Contains(error, "the readings end at 120 min");

            string longCsv = Path.Combine(folder, "low-rate.csv");
            BalanceCsv.Write(longCsv, AccuracyAnalysisTests.Readings(t => 2.5 * t / 60, 48 * 60, 15));
            var (ok, output, okError) = Bench(null, "analyze", longCsv, "--rate", "2.5", "--profile", "low-rate", "--out", Path.Combine(folder, "r3"));
            Assert.AreEqual(0, ok, okError);
            StringAssert.Contains(output, "claim +-10 %");
            StringAssert.Contains(output, "window    720 min");
        }
        finally { Directory.Delete(folder, true); }
    }

    [TestMethod]
    public void Compare_takes_the_prescribed_volume_from_the_pump_log_and_needs_no_rate()
    {
        string folder = TempFolder();
        try
        {
            string log = Path.Combine(folder, "delivery.csv"), balance = Path.Combine(folder, "balance.csv");
            File.WriteAllText(log, "hour_end_ms,commanded_ul,prescribed_ul\n3600000,20.750,20.833\n7200000,2.500,2.500\n");
            BalanceCsv.Write(balance, new[] { new BalanceReading(0, 0), new BalanceReading(3_600_000, 20.75 * 0.998), new BalanceReading(7_200_000, 23.25 * 0.998) });
            var (code, output, error) = Bench(null, "compare", "--pump-log", log, "--balance", balance);
            Assert.AreEqual(0, code, error);
            StringAssert.Contains(output, "from the pump log");
            StringAssert.Contains(output, "   2          2.500         2.500         2.500          0.00         0.00");

            File.WriteAllText(log, "hour_end_ms,commanded_ul\n3600000,20.750\n");
            (code, _, error) = Bench(null, "compare", "--pump-log", log, "--balance", balance);
            Assert.AreEqual(2, code);
            StringAssert.Contains(error, "no prescribed_ul and no --rate");
        }
        finally { Directory.Delete(folder, true); }
    }
}
