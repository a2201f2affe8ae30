using System.CommandLine;
using System.Globalization;
using OpenIdds.Bench.Analysis;
using OpenIdds.Bench.Reporting;

namespace OpenIdds.Bench.Cli;

/// <summary>
/// `bench analyze <csv> --rate <uL/h> [--profile standard|low-rate] [--claim %] [--out dir]`: the
/// IEC 60601-2-24-style analysis of a balance CSV (real or from the simulator) into a report.
/// (`bench record`, reading a real balance over a serial port, is the next part of this tool.)
/// </summary>
public static class BenchCommand
{
    public static RootCommand Build()
    {
        var csv = new Argument<string>("csv") { Description = "balance readings: time_ms,mass_mg[,gap]" };
        var rate = new Option<double>("--rate") { Description = "the pump's set rate, uL/h", Required = true };
        var profile = new Option<string>("--profile") { Description = "standard (0.5 min, 120 min, 2nd hour) or low-rate (15 min, 48 h, 2nd day)", DefaultValueFactory = _ => "standard" };
        var claim = new Option<double?>("--claim") { Description = "accuracy claim, percent (default: 5 standard, 10 low-rate)" };
        var outDir = new Option<string>("--out") { Description = "report folder", DefaultValueFactory = _ => "out/bench" };
        var analyze = new Command("analyze", "analyse a balance CSV and write the accuracy report") { csv, rate, profile, claim, outDir };
        analyze.SetAction(parse =>
        {
            try
            {
                var settings = parse.GetValue(profile) switch
                {
                    "standard" => AnalysisSettings.Standard,
                    "low-rate" => AnalysisSettings.LowRate,
                    var other => throw new InvalidDataException($"--profile '{other}' is not standard or low-rate"),
                };
                if (parse.GetValue(claim) is double c) settings = settings with { ClaimPercent = c };
                string path = parse.GetValue(csv)!;
                var result = AccuracyAnalysis.Run(BalanceCsv.Read(path), parse.GetValue(rate), settings);
                AccuracyReport.Write(result, parse.GetValue(outDir)!, path);
                Console.WriteLine(AccuracyReport.Disclaimer);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"A = {result.MeanErrorPercent:+0.00;-0.00} % (claim +-{settings.ClaimPercent} %): {(result.Pass ? "PASS" : "FAIL")}"));
                foreach (var t in result.Trumpet)
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  window {t.WindowMinutes,6:0.##} min: Ep(max) {t.MaxPercent,8:+0.00;-0.00} %  Ep(min) {t.MinPercent,8:+0.00;-0.00} %"));
                Console.WriteLine($"report: {Path.GetFullPath(Path.Combine(parse.GetValue(outDir)!, "accuracy.html"))}");
                return result.Pass ? 0 : 1;
            }
            catch (Exception e) when (e is InvalidDataException or ArgumentException or IOException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 2;
            }
        });
        var port = new Option<string>("--port") { Description = "serial device of the balance, e.g. /dev/ttyUSB0 or COM3", Required = true };
        var protocol = new Option<string>("--protocol") { Description = "mt-sics (Mettler Toledo) or sbi (Sartorius)", DefaultValueFactory = _ => "mt-sics" };
        var baud = new Option<int>("--baud") { DefaultValueFactory = _ => 9600 };
        var parity = new Option<System.IO.Ports.Parity>("--parity") { DefaultValueFactory = _ => System.IO.Ports.Parity.None };
        var dataBits = new Option<int>("--data-bits") { DefaultValueFactory = _ => 8 };
        var stopBits = new Option<System.IO.Ports.StopBits>("--stop-bits") { DefaultValueFactory = _ => System.IO.Ports.StopBits.One };
        var interval = new Option<long>("--interval-ms") { Description = "sample interval (the standard's 0.5 min = 30000)", DefaultValueFactory = _ => 30_000 };
        var duration = new Option<long>("--duration-ms") { Description = "run length (the standard's 120 min = 7200000)", DefaultValueFactory = _ => 7_200_000 };
        var output = new Option<string>("--csv") { Description = "where the readings go, line by line", DefaultValueFactory = _ => "readings.csv" };
        var record = new Command("record", "read a balance at a fixed interval into a CSV") { port, protocol, baud, parity, dataBits, stopBits, interval, duration, output };
        record.SetAction(parse =>
        {
            var kind = parse.GetValue(protocol) switch
            {
                "mt-sics" => OpenIdds.Bench.Balance.BalanceProtocol.MtSics,
                "sbi" => OpenIdds.Bench.Balance.BalanceProtocol.Sbi,
                var other => throw new InvalidDataException($"--protocol '{other}' is not mt-sics or sbi"),
            };
            using var transport = new OpenIdds.Bench.Balance.SerialBalanceTransport(parse.GetValue(port)!, parse.GetValue(baud), parse.GetValue(parity), parse.GetValue(dataBits), parse.GetValue(stopBits));
            using var csvFile = new StreamWriter(parse.GetValue(output)!);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var recorder = new OpenIdds.Bench.Balance.Recorder(new OpenIdds.Bench.Balance.BalanceDevice(transport, kind), transport, csvFile, () => clock.ElapsedMilliseconds, ms => System.Threading.Thread.Sleep(ms));
            recorder.Run(parse.GetValue(interval), parse.GetValue(duration));
            Console.WriteLine($"{recorder.Readings} readings, {recorder.Gaps} gaps, {recorder.Reconnects} reconnects -> {parse.GetValue(output)}");
            foreach (string note in recorder.Notes) Console.WriteLine("  " + note);
            return 0;
        });
        var pumpLog = new Option<string>("--pump-log") { Description = "the pump's hourly delivery log: hour_end_ms,commanded_ul", Required = true };
        var balanceCsv = new Option<string>("--balance") { Description = "the balance readings", Required = true };
        var compareRate = new Option<double>("--rate") { Description = "the prescribed rate, uL/h", Required = true };
        var compare = new Command("compare", "separate mechanism error from scheduling error, hour by hour") { pumpLog, balanceCsv, compareRate };
        compare.SetAction(parse =>
        {
            try
            {
                var hours = MechanismComparison.Compare(MechanismComparison.ReadPumpLog(parse.GetValue(pumpLog)!), BalanceCsv.Read(parse.GetValue(balanceCsv)!), parse.GetValue(compareRate), AnalysisSettings.Standard.DensityMilligramsPerMicroliter);
                Console.WriteLine("hour  prescribed uL  commanded uL  delivered uL  scheduling %  mechanism %");
                foreach (var h in hours)
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{h.Index,4}  {h.PrescribedMicroliters,13:0.000}  {h.CommandedMicroliters,12:0.000}  {h.DeliveredMicroliters,12:0.000}  {h.SchedulingErrorPercent,12:+0.00;-0.00}  {h.MechanismErrorPercent,11:+0.00;-0.00}"));
                return 0;
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 2;
            }
        });
        var root = new RootCommand("OpenIDDS bench: delivery accuracy from a lab balance, IEC 60601-2-24 style");
        root.Subcommands.Add(compare);
        root.Subcommands.Add(record);
        root.Subcommands.Add(analyze);
        return root;
    }
}
