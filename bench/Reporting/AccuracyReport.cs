using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using OpenIdds.Bench.Analysis;

namespace OpenIdds.Bench.Reporting;

/// <summary>The analysis as JSON, PNG plots (flow-rate graph, start-up graph, trumpet curve) and a short HTML page.</summary>
public static class AccuracyReport
{
    public const string Disclaimer = "IEC 60601-2-24 style analysis. OpenIDDS claims no compliance with the standard.";

    public static void Write(AccuracyResult result, string folder, string source)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "accuracy.json"), JsonSerializer.Serialize(new
        {
            note = Disclaimer,
            source,
            set_rate_ul_per_h = result.SetRateMicrolitersPerHour,
            settings = result.Settings,
            mean_flow_ul_per_h = Math.Round(result.MeanFlowMicrolitersPerHour, 4),
            mean_error_percent_A = Math.Round(result.MeanErrorPercent, 3),
            claim_percent = result.Settings.ClaimPercent,
            pass = result.Pass,
            readings = new
            {
                used = result.Quality.ReadingsUsed,
                gaps = result.Quality.Gaps,
                late = result.Quality.Late,
                missing = result.Quality.Missing,
                unstable_used = result.Quality.UnstableUsed,
                unstable_excluded = result.Quality.UnstableExcluded,
                after_run = result.Quality.AfterRun,
            },
            evaporation = new
            {
                mg_per_h = result.Settings.EvaporationMilligramsPerHour,
                source = result.Settings.EvaporationSource,
                flow_correction_ul_per_h = Math.Round(result.Settings.EvaporationMilligramsPerHour / result.Settings.DensityMilligramsPerMicroliter, 5),
                correction_percent_of_rate = Math.Round(EvaporationPercent(result), 3),
            },
            fail_reason = result.FailReason,
            disturbance_rule = DisturbanceRule(result),
            disturbances = result.Disturbances.Select(x => new { kind = x.Name, time_min = Math.Round(x.Minutes, 4), change_mg = Math.Round(x.ChangeMilligrams, 5), limit_mg = Math.Round(x.LimitMilligrams, 5), where = x.Where, in_analysis_period = x.InAnalysisPeriod }),
            trumpet = result.Trumpet.Select(t => new { window_min = t.WindowMinutes, ep_max_percent = Math.Round(t.MaxPercent, 3), ep_min_percent = Math.Round(t.MinPercent, 3), windows = t.Windows, windows_expected = t.WindowsExpected }),
        }, new JsonSerializerOptions { WriteIndented = true, Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) } }));
        Line(folder, "flow.png", "Flow-rate graph (whole run)", result.Flow, result.SetRateMicrolitersPerHour, result.Disturbances);
        Line(folder, "startup.png", "Start-up graph (first analysis period)", result.StartUp, result.SetRateMicrolitersPerHour,
            result.Disturbances.Where(x => x.Minutes <= result.Settings.AnalysisStartMinutes + 1e-9).ToList());
        Trumpet(result, Path.Combine(folder, "trumpet.png"));
        string rows = string.Join("", result.Trumpet.Select(t => string.Create(CultureInfo.InvariantCulture, $"<tr><td>{t.WindowMinutes:0.##}</td><td>{t.MaxPercent:+0.00;-0.00;0.00}</td><td>{t.MinPercent:+0.00;-0.00;0.00}</td><td>{t.Windows} of {t.WindowsExpected}</td></tr>")));
        File.WriteAllText(Path.Combine(folder, "accuracy.html"), string.Create(CultureInfo.InvariantCulture, $"""
            <!doctype html><html><head><meta charset="utf-8"><title>Delivery accuracy</title></head><body style="font-family:sans-serif;max-width:980px;margin:2em auto">
            <h1>Delivery accuracy</h1><p><b>{Disclaimer}</b></p>
            <p>Source: {System.Net.WebUtility.HtmlEncode(source)}. Set rate {result.SetRateMicrolitersPerHour:0.###} uL/h; mean flow over minutes {result.Settings.AnalysisStartMinutes:0.##}-{result.Settings.AnalysisEndMinutes:0.##}: {result.MeanFlowMicrolitersPerHour:0.###} uL/h.</p>
            <p>Mean error A = <b>{result.MeanErrorPercent:+0.00;-0.00;0.00} %</b> against a claim of +-{result.Settings.ClaimPercent:0.##} %: <b>{(result.Pass ? "PASS" : "FAIL")}</b>.</p>
            {(result.FailReason != null ? $"<p><b>FAIL: {System.Net.WebUtility.HtmlEncode(result.FailReason)}</b></p>" : "")}
            {DisturbancesHtml(result)}
            <p>{System.Net.WebUtility.HtmlEncode(EvaporationText(result))}</p>
            <p>{System.Net.WebUtility.HtmlEncode(QualityText(result))}</p>
            <table border="1" cellpadding="4"><tr><th>window (min)</th><th>Ep(max) %</th><th>Ep(min) %</th><th>windows used</th></tr>{rows}</table>
            <img src="trumpet.png" width="900"><img src="flow.png" width="900"><img src="startup.png" width="900">
            </body></html>
            """));
    }

    /// <summary>One sentence on how the readings were used, for the HTML page and the console.</summary>
    public static string QualityText(AccuracyResult result)
    {
        var q = result.Quality;
        string unstable = result.Settings.Unstable == UnstableReadings.Use
            ? $"{q.UnstableUsed} unstable (dynamic) readings used at their times"
            : $"{q.UnstableExcluded} unstable (dynamic) readings excluded";
        return string.Create(CultureInfo.InvariantCulture,
            $"Readings: {q.ReadingsUsed} used; {q.Gaps} gaps, {q.Late} late, {q.Missing} missing; {unstable}; {q.AfterRun} rows after the end of the run, not analysed. Sample interval {result.Settings.SampleIntervalMinutes:0.####} min, run {result.Settings.RunMinutes:0.####} min, density {result.Settings.DensityMilligramsPerMicroliter:0.####} mg/uL.");
    }

    private static double EvaporationPercent(AccuracyResult result) =>
        Drift.BiasPercent(result.Settings.EvaporationMilligramsPerHour, result.SetRateMicrolitersPerHour, result.Settings.DensityMilligramsPerMicroliter);

    /// <summary>The evaporation correction applied, and what A would be without it.</summary>
    public static string EvaporationText(AccuracyResult result)
    {
        double e = result.Settings.EvaporationMilligramsPerHour, d = result.Settings.DensityMilligramsPerMicroliter;
        if (e == 0)
            return string.Create(CultureInfo.InvariantCulture,
                $"Evaporation: not corrected (--evaporation or --evaporation-run); here each 0.01 mg/h lost biases A by {Drift.BiasPercent(-0.01, result.SetRateMicrolitersPerHour, d):+0.00;-0.00} %.");
        double percent = EvaporationPercent(result);
        return string.Create(CultureInfo.InvariantCulture,
            $"Evaporation: {e:0.####} mg/h added back ({result.Settings.EvaporationSource}): {e / d:+0.#####;-0.#####} uL/h on the flow, {percent:+0.00;-0.00} % of the set rate; A without it: {result.MeanErrorPercent - percent:+0.00;-0.00;0.00} %.");
    }

    /// <summary>The rule DISTURBANCE-LIMIT as it applied to this run, in one sentence.</summary>
    public static string DisturbanceRule(AccuracyResult result) => string.Create(CultureInfo.InvariantCulture,
        $"a mass change between two readings above {DisturbanceDetector.RateFactor:0} x the set rate ({DisturbanceDetector.RateFactor * result.SetRateMicrolitersPerHour * result.Settings.DensityMilligramsPerMicroliter:0.###} mg/h) plus {DisturbanceDetector.AllowanceMilligrams:0.###} mg, or a fall of more than {DisturbanceDetector.AllowanceMilligrams:0.###} mg, is a disturbance");

    /// <summary>The console's lines for the disturbances: none when there are none.</summary>
    public static IEnumerable<string> DisturbanceLines(AccuracyResult result)
    {
        if (result.Disturbances.Count == 0) yield break;
        yield return $"Disturbances ({result.Disturbances.Count}; {DisturbanceRule(result)}):";
        foreach (var x in result.Disturbances)
            yield return $"  {x.Describe()}{(x.InAnalysisPeriod ? " - in the analysis period" : " - before the analysis period: the flow graph only")}";
    }

    private static string DisturbancesHtml(AccuracyResult result) => result.Disturbances.Count == 0 ? "" :
        $"<p>Disturbances ({System.Net.WebUtility.HtmlEncode(DisturbanceRule(result))}):</p><ul>"
        + string.Concat(result.Disturbances.Select(x => $"<li>{System.Net.WebUtility.HtmlEncode(x.Describe())}{(x.InAnalysisPeriod ? " <b>in the analysis period</b>" : "")}</li>"))
        + "</ul>";

    private static void Line(string folder, string file, string title, List<(double Minutes, double MicrolitersPerHour)> series, double setRate, List<Disturbance> disturbances)
    {
        var plot = new ScottPlot.Plot();
        // Only finite points: one infinite value would leave the whole graph blank.
        var points = series.Where(f => double.IsFinite(f.MicrolitersPerHour)).ToList();
        if (points.Count > 0)
        {
            var flow = plot.Add.ScatterLine(points.Select(f => f.Minutes).ToArray(), points.Select(f => f.MicrolitersPerHour).ToArray());
            flow.LegendText = "flow per sample";
        }
        foreach (var x in disturbances)
        {
            var mark = plot.Add.VerticalLine(x.Minutes);
            mark.LabelText = x.Samples == 1
                ? string.Create(CultureInfo.InvariantCulture, $"{x.Name} {x.Minutes:0.##} min")
                : string.Create(CultureInfo.InvariantCulture, $"{x.Name}s {x.Minutes:0.##}-{x.UntilMinutes:0.##} min");
            mark.Color = ScottPlot.Colors.Red;
        }
        var set = plot.Add.HorizontalLine(setRate);
        set.LegendText = "set rate";
        plot.Title(title);
        plot.Axes.Bottom.Label.Text = "minutes";
        plot.Axes.Left.Label.Text = "uL/h";
        plot.ShowLegend();
        plot.SavePng(Path.Combine(folder, file), 1000, 450);
    }

    public static void Trumpet(AccuracyResult result, string path)
    {
        var plot = new ScottPlot.Plot();
        double[] windows = result.Trumpet.Select(t => t.WindowMinutes).ToArray();
        var max = plot.Add.Scatter(windows, result.Trumpet.Select(t => t.MaxPercent).ToArray());
        max.LegendText = "Ep(max)";
        var min = plot.Add.Scatter(windows, result.Trumpet.Select(t => t.MinPercent).ToArray());
        min.LegendText = "Ep(min)";
        var mean = plot.Add.HorizontalLine(result.MeanErrorPercent);
        mean.LegendText = "A (mean error)";
        var inPeriod = result.Disturbances.Where(x => x.InAnalysisPeriod).ToList();
        if (inPeriod.Count > 0)
            plot.Add.Annotation(string.Create(CultureInfo.InvariantCulture, $"NOT THE PUMP'S: {inPeriod.Count} disturbance(s) in the analysis period, the first a {inPeriod[0].Name} at {inPeriod[0].Minutes:0.##} min"));
        plot.Title("Trumpet curve (IEC 60601-2-24 style)");
        plot.Axes.Bottom.Label.Text = "observation window (min)";
        plot.Axes.Left.Label.Text = "error (%)";
        plot.ShowLegend();
        plot.SavePng(path, 1000, 450);
    }
}
