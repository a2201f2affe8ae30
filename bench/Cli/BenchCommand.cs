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
        var root = new RootCommand("OpenIDDS bench: delivery accuracy from a lab balance, IEC 60601-2-24 style");
        root.Subcommands.Add(analyze);
        return root;
    }
}
