using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using ScottPlot;

namespace OpenIdds.Simulator.Campaigns;

/// <summary>
/// A campaign folder: campaign.json, runs.csv and runs.json (one row a run), aggregates.csv and
/// aggregates.json (one row a cell), the histograms and ECDFs of time to the first alarm and of the
/// delivery error, and index.html over all of it. Written the same whether the runs came from one
/// process or from merged shards.
/// </summary>
public static class CampaignWriter
{
    public static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static IReadOnlyList<CellAggregate> Write(CampaignManifest manifest, IReadOnlyList<RunOutcome> outcomes, string folder, bool aggregates)
    {
        Directory.CreateDirectory(folder);
        var ordered = outcomes.OrderBy(o => o.Index).ToList();
        File.WriteAllText(Path.Combine(folder, "campaign.json"), JsonSerializer.Serialize(manifest, Json));
        File.WriteAllText(Path.Combine(folder, "runs.json"), JsonSerializer.Serialize(ordered, Json));
        File.WriteAllText(Path.Combine(folder, "runs.csv"), RunsCsv(ordered));
        if (!aggregates) return Array.Empty<CellAggregate>();
        var cells = CellAggregate.Of(ordered);
        File.WriteAllText(Path.Combine(folder, "aggregates.csv"), CellAggregate.CsvHeader + "\n" + string.Concat(cells.Select(c => c.ToCsv() + "\n")));
        File.WriteAllText(Path.Combine(folder, "aggregates.json"), JsonSerializer.Serialize(cells, Json));
        File.WriteAllText(Path.Combine(folder, "alarms.csv"), AlarmRate.CsvHeader + "\n" + string.Concat(AlarmRate.Of(ordered).Select(a => a.ToCsv() + "\n")));
        var plots = Plots(ordered, folder);
        File.WriteAllText(Path.Combine(folder, "index.html"), Html(manifest, cells, plots));
        return cells;
    }

    public static IReadOnlyList<RunOutcome> ReadRuns(string folder) =>
        JsonSerializer.Deserialize<List<RunOutcome>>(File.ReadAllText(Path.Combine(folder, "runs.json")), Json)!;

    public static CampaignManifest ReadManifest(string folder) =>
        JsonSerializer.Deserialize<CampaignManifest>(File.ReadAllText(Path.Combine(folder, "campaign.json")), Json)!;

    private static string RunsCsv(IEnumerable<RunOutcome> runs)
    {
        var sb = new StringBuilder("index,cell,seed,simulated_days,prescribed_ul,pumped_ul,delivery_error_pct,steps_missed,alarm_raises,first_alarm,first_alarm_ms,released_after_clear_ul,expectations_met,alarms,event_log_sha256\n");
        foreach (var r in runs)
            sb.Append(string.Create(CultureInfo.InvariantCulture,
                $"{r.Index},\"{r.Cell}\",{r.Seed},{r.SimulatedDays:0.######},{r.PrescribedMicroliters:0.###},{r.PumpedMicroliters:0.###},{r.DeliveryErrorPercent:0.####},{r.StepsMissed},{r.AlarmsRaised.Count},{r.FirstAlarm},{r.FirstAlarmMilliseconds},{r.ReleasedAfterClearMicroliters:0.###},{(r.ExpectationsMet == null ? "" : r.ExpectationsMet.Value ? "true" : "false")},\"{string.Join(' ', r.AlarmsRaised)}\",{r.EventLogHash}\n"));
        return sb.ToString();
    }

    private static List<(string File, string Caption)> Plots(IReadOnlyList<RunOutcome> runs, string folder)
    {
        var list = new List<(string, string)>();
        var firsts = runs.Where(r => r.FirstAlarmMilliseconds != null).Select(r => r.FirstAlarmMilliseconds!.Value / 3_600_000.0).ToArray();
        var errors = runs.Select(r => r.DeliveryErrorPercent).ToArray();
        if (firsts.Length > 0)
        {
            list.Add(Histogram(folder, "time-to-alarm-histogram.png", "Time to the first alarm", "hours", firsts));
            list.Add(Ecdf(folder, "time-to-alarm-ecdf.png", "Time to the first alarm, ECDF", "hours", firsts));
        }
        list.Add(Histogram(folder, "delivery-error-histogram.png", "Delivery error (pumped vs prescribed)", "%", errors));
        list.Add(Ecdf(folder, "delivery-error-ecdf.png", "Delivery error, ECDF", "%", errors));
        return list;
    }

    private static (string, string) Histogram(string folder, string file, string title, string unit, double[] values)
    {
        var plot = new Plot();
        double min = values.Min(), max = values.Max();
        if (max - min < 1e-9) { min -= 0.5; max += 0.5; }
        var hist = ScottPlot.Statistics.Histogram.WithBinCount(Math.Clamp(values.Length, 5, 40), min, max);
        hist.AddRange(values);
        plot.Add.Histogram(hist);
        plot.Title(title);
        plot.XLabel(unit);
        plot.YLabel("runs");
        plot.SavePng(Path.Combine(folder, file), 900, 400);
        return (file, $"{title}: {values.Length} runs");
    }

    private static (string, string) Ecdf(string folder, string file, string title, string unit, double[] values)
    {
        var sorted = values.Order().ToArray();
        var fraction = Enumerable.Range(1, sorted.Length).Select(i => (double)i / sorted.Length).ToArray();
        var plot = new Plot();
        var line = plot.Add.Scatter(sorted, fraction);
        line.ConnectStyle = ConnectStyle.StepHorizontal;
        plot.Title(title);
        plot.XLabel(unit);
        plot.YLabel("fraction of runs at or below");
        plot.SavePng(Path.Combine(folder, file), 900, 400);
        return (file, $"{title}: {values.Length} runs");
    }

    private static string Html(CampaignManifest m, IReadOnlyList<CellAggregate> cells, List<(string File, string Caption)> plots)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        static string F(double? v, string format) => v == null ? "-" : v.Value.ToString(format, CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        sb.Append("<!doctype html><html><head><meta charset=\"utf-8\"><title>Campaign ").Append(E(m.Scenario)).Append("</title>");
        sb.Append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}td:first-child{text-align:left}</style></head><body>");
        sb.Append("<h1>Campaign: ").Append(E(m.Scenario)).Append("</h1><p>").Append(m.TotalRuns).Append(" runs: ").Append(m.Seeds.Count).Append(" seeds x ")
          .Append(E(m.Axes.Count == 0 ? "one cell" : string.Join(" x ", m.Axes.Select(a => a.Path + " in {" + string.Join(", ", a.Values) + "}"))))
          .Append(". Intervals are 95 %: exact Poisson (Garwood) for alarm raises per patient-year, Wilson score for the expectations' pass rate; percentiles by nearest rank.</p>");
        sb.Append("<table><tr><th>cell</th><th>runs</th><th>patient-years</th><th>alarm raises</th><th>per 1,000 patient-years (95 %)</th><th>runs with an alarm</th><th>expectations met (95 %)</th><th>first alarm h p5 / p50 / p95</th><th>delivery error % p5 / p50 / p95</th><th>release after clear, max uL</th></tr>");
        foreach (var c in cells)
            sb.Append("<tr><td>").Append(E(c.Cell)).Append("</td><td>").Append(c.Runs).Append("</td><td>").Append(F(c.PatientYears, "0.###"))
              .Append("</td><td>").Append(c.AlarmRaises).Append("</td><td>").Append(F(1000 * c.RaisesPerPatientYear, "0.##")).Append(" (").Append(F(1000 * c.RaisesLow, "0.##")).Append("-").Append(F(1000 * c.RaisesHigh, "0.##"))
              .Append(")</td><td>").Append(c.RunsWithAlarm).Append("</td><td>").Append(c.ExpectationRuns == 0 ? "-" : $"{c.ExpectationPasses}/{c.ExpectationRuns} ({F(100 * c.PassLow, "0.#")}-{F(100 * c.PassHigh, "0.#")} %)")
              .Append("</td><td>").Append(F(c.FirstAlarmHoursP5, "0.##")).Append(" / ").Append(F(c.FirstAlarmHoursP50, "0.##")).Append(" / ").Append(F(c.FirstAlarmHoursP95, "0.##"))
              .Append("</td><td>").Append(F(c.ErrorPercentP5, "0.###")).Append(" / ").Append(F(c.ErrorPercentP50, "0.###")).Append(" / ").Append(F(c.ErrorPercentP95, "0.###")).Append("</td><td>").Append(F(c.ReleaseMaxMicroliters, "0.###")).Append("</td></tr>");
        sb.Append("</table><p>Per run: <a href=\"runs.csv\">runs.csv</a>, <a href=\"runs.json\">runs.json</a>; per cell: <a href=\"aggregates.csv\">aggregates.csv</a>; per cell and alarm: <a href=\"alarms.csv\">alarms.csv</a>.</p>");
        foreach (var (file, caption) in plots) sb.Append("<figure><img src=\"").Append(file).Append("\" alt=\"").Append(E(caption)).Append("\"><figcaption>").Append(E(caption)).Append("</figcaption></figure>");
        sb.Append("</body></html>\n");
        return sb.ToString();
    }
}
