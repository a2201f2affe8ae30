using System.CommandLine;
using System.Globalization;
using OpenIdds.Bench.Analysis;
using OpenIdds.Bench.Reporting;

namespace OpenIdds.Bench.Cli;

/// <summary>
/// `bench analyze <csv> --rate <uL/h>`: the IEC 60601-2-24-style analysis of a balance CSV (real or from
/// the simulator) into a report. A profile gives every setting; each option overrides one. Settings and
/// file are checked in full before anything is written, so a bad file or setting leaves no report.
/// Exit 0 PASS, 1 FAIL, 2 bad input.
/// </summary>
public static class AnalyzeCommand
{
    public static Command Build()
    {
        var csv = new Argument<string>("csv") { Description = "balance readings: time_ms,mass_mg[,gap,stable,measured_ms,note]" };
        var rate = new Option<double>("--rate") { Description = "the pump's set rate, uL/h", Required = true };
        var profile = new Option<string>("--profile") { Description = "standard (30s samples, 2h run, 2nd hour, windows 2-31 min) or low-rate (15min samples, 48h run, 2nd day, windows 1-12 h)", DefaultValueFactory = _ => "standard" };
        var interval = new Option<string?>("--interval") { Description = "sample interval S, the one the file was recorded at, e.g. 30s or 15min" };
        var run = new Option<string?>("--run") { Description = "run length, e.g. 2h or 48h" };
        var start = new Option<string?>("--analysis-start") { Description = "start of the analysis period, e.g. 1h" };
        var end = new Option<string?>("--analysis-end") { Description = "end of the analysis period, e.g. 2h" };
        var windows = new Option<string?>("--windows") { Description = "observation windows, e.g. 2min,5min,11min,19min,31min or 1h,2h,4h,6h,12h" };
        var density = new Option<double?>("--density") { Description = "density of the fluid, mg/uL (= g/mL); water 0.998" };
        var claim = new Option<double?>("--claim") { Description = "accuracy claim, percent (default: 5 standard, 10 low-rate)" };
        var unstable = new Option<string>("--unstable") { Description = "unstable (dynamic) readings: use (at their times, the default) or exclude (as gaps)", DefaultValueFactory = _ => "use" };
        var format = new CsvFormatOptions();
        var evaporation = new Option<double?>("--evaporation") { Description = "mass the vessel loses per hour, mg/h (a reference vessel, or `bench drift` with the pump stopped), added back" };
        var evaporationRun = new Option<string?>("--evaporation-run") { Description = "a recording with the pump stopped: its drift is the evaporation to add back" };
        var outDir = new Option<string>("--out") { Description = "report folder", DefaultValueFactory = _ => "out/bench" };
        var command = new Command("analyze", "analyse a balance CSV and write the accuracy report") { csv, rate, profile, interval, run, start, end, windows, density, claim, unstable, evaporation, evaporationRun, outDir };
        format.AddTo(command);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            try
            {
                var settings = parse.GetValue(profile) switch
                {
                    "standard" => AnalysisSettings.Standard,
                    "low-rate" => AnalysisSettings.LowRate,
                    var other => throw new ArgumentException($"--profile '{other}' is not standard or low-rate"),
                };
                if (parse.GetValue(interval) is { } i) settings = settings with { SampleIntervalMinutes = MinutesText.ParseMinutes(i, "--interval") };
                if (parse.GetValue(run) is { } r) settings = settings with { RunMinutes = MinutesText.ParseMinutes(r, "--run") };
                if (parse.GetValue(start) is { } a0) settings = settings with { AnalysisStartMinutes = MinutesText.ParseMinutes(a0, "--analysis-start") };
                if (parse.GetValue(end) is { } a1) settings = settings with { AnalysisEndMinutes = MinutesText.ParseMinutes(a1, "--analysis-end") };
                if (parse.GetValue(windows) is { } w) settings = settings with { WindowsMinutes = MinutesText.ParseMinutesList(w, "--windows") };
                if (parse.GetValue(density) is double d) settings = settings with { DensityMilligramsPerMicroliter = d };
                if (parse.GetValue(claim) is double c) settings = settings with { ClaimPercent = c };
                settings = settings with
                {
                    Unstable = parse.GetValue(unstable) switch
                    {
                        "use" => UnstableReadings.Use,
                        "exclude" => UnstableReadings.Exclude,
                        var other => throw new ArgumentException($"--unstable '{other}' is not use or exclude"),
                    },
                };
                var fileFormat = format.Read(parse);
                if (parse.GetValue(evaporation) is double e)
                {
                    if (parse.GetValue(evaporationRun) != null) throw new ArgumentException("give one of --evaporation (a rate) or --evaporation-run (a recording with the pump stopped), not both");
                    settings = settings with { EvaporationMilligramsPerHour = e, EvaporationSource = "--evaporation" };
                }
                else if (parse.GetValue(evaporationRun) is { } pre)
                {
                    var fit = Drift.Fit(BalanceCsv.Read(pre, fileFormat));
                    settings = settings with
                    {
                        EvaporationMilligramsPerHour = fit.EvaporationMilligramsPerHour,
                        EvaporationSource = string.Create(CultureInfo.InvariantCulture, $"the drift of {pre}, {fit.Readings} readings over {fit.Hours:0.##} h"),
                    };
                }
                settings.Validate();
                string path = parse.GetValue(csv)!;
                var readings = BalanceCsv.Read(path, fileFormat);
                if (readings.Count == 0) throw new InvalidDataException($"{path}: no readings: the file ends after its header (line 1), so the recording stopped before its first reading");
                var result = AccuracyAnalysis.Run(readings, parse.GetValue(rate), settings);
                string folder = parse.GetValue(outDir)!;
                AccuracyReport.Write(result, folder, path);
                output.WriteLine(AccuracyReport.Disclaimer);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"A = {result.MeanErrorPercent:+0.00;-0.00;0.00} % (claim +-{settings.ClaimPercent} %): {(result.Pass ? "PASS" : "FAIL")}"));
                if (result.FailReason != null) output.WriteLine($"FAIL: {result.FailReason}");
                foreach (var t in result.Trumpet)
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  window {t.WindowMinutes,6:0.##} min: Ep(max) {t.MaxPercent,8:+0.00;-0.00;0.00} %  Ep(min) {t.MinPercent,8:+0.00;-0.00;0.00} %  ({t.Windows} of {t.WindowsExpected} windows)"));
                output.WriteLine(AccuracyReport.EvaporationText(result));
                output.WriteLine(AccuracyReport.QualityText(result));
                foreach (string line in AccuracyReport.DisturbanceLines(result)) output.WriteLine(line);
                output.WriteLine($"report: {Path.GetFullPath(Path.Combine(folder, "accuracy.html"))}");
                return result.Pass ? 0 : 1;
            }
            catch (Exception e) when (e is InvalidDataException or ArgumentException or IOException or UnauthorizedAccessException)
            {
                parse.InvocationConfiguration.Error.WriteLine($"error: {e.Message}");
                parse.InvocationConfiguration.Error.WriteLine("no report was written");
                return 2;
            }
        });
        return command;
    }
}
