using System.Globalization;
using System.Text.Json;
using OpenIdds.Simulator.Running;

namespace OpenIdds.Simulator.Reporting;

/// <summary>
/// The report folder of a run: summary.json, the event log as CSV, the balance readings as CSV,
/// PNG plots and an HTML page that embeds them.
/// </summary>
public static class ReportWriter
{
    public static void Write(ScenarioResult result, IReadOnlyList<string> expectationFailures, string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "events.csv"), result.EventLogCsv());
        // The same CSV `bench record` writes for a real balance, so `bench analyze` reads both.
        OpenIdds.Bench.Analysis.BalanceCsv.Write(Path.Combine(folder, "balance.csv"), result.BalanceReadings.Select(b => new OpenIdds.Bench.Analysis.BalanceReading(b.Time, b.Milligrams)));
        File.WriteAllText(Path.Combine(folder, "delivery.csv"), OpenIdds.Bench.Analysis.MechanismComparison.Header + "\n" + string.Concat(result.HourlyCommanded.Select(h => string.Create(CultureInfo.InvariantCulture, $"{h.HourEnd},{h.CommandedMicroliters:0.000},{h.PrescribedMicroliters:0.000}\n"))));
        File.WriteAllText(Path.Combine(folder, "summary.json"), JsonSerializer.Serialize(Summary(result, expectationFailures), new JsonSerializerOptions { WriteIndented = true }));
        var plots = Plots.WriteAll(result, folder);
        var sessionReports = SessionReports.Write(result, folder);
        File.WriteAllText(Path.Combine(folder, "index.html"), Html(result, expectationFailures, plots, sessionReports));
    }

    public static object Summary(ScenarioResult r, IReadOnlyList<string> failures) => new
    {
        scenario = r.Scenario,
        board = r.Board,
        simulated_days = r.DurationMilliseconds / 86_400_000.0,
        prescribed_ul = Math.Round(r.PrescribedMicroliters, 3),
        delivered_computed_ul = Math.Round(r.ComputedDeliveredMicroliters, 3),
        delivered_pumped_ul = Math.Round(r.PumpedMicroliters, 3),
        delivered_to_csf_ul = Math.Round(r.ToCsfMicroliters, 3),
        delivered_to_csf_ug = Math.Round(r.ToCsfMicrograms, 3),
        step_pulses = r.StepPulses,
        scheduler_error_pl = r.SchedulerErrorPicoliters,
        scheduler_error_steps = Math.Round((double)r.SchedulerErrorPicoliters / r.CalibrationPicolitersPerStep, 3),
        devices = r.Devices,
        released_after_occlusion_clear = r.ReleasesAfterClear.Select(x => new { cleared_at_ms = x.ClearedAt, window_min = Running.ScenarioSession.ReleaseWindowMilliseconds / 60_000, ul_beyond_prescription = Math.Round(x.Microliters, 3) }),
        steps_taken = r.StepsTaken,
        steps_missed = r.StepsMissed,
        end_state = r.EndState,
        alarms = r.Events.Where(e => e.Source == "alarm").Select(e => new { time_ms = e.Time, kind = e.Kind, detail = e.Detail }),
        refusals = r.Events.Where(e => e.Kind.Contains("refused", StringComparison.Ordinal)).Select(e => new { time_ms = e.Time, detail = e.Detail }),
        event_counts = r.Events.GroupBy(e => $"{e.Source}/{e.Kind}").OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
        event_log_sha256 = r.EventLogHash,
        expectations_failed = failures,
    };

    private static string Html(ScenarioResult r, IReadOnlyList<string> failures, IReadOnlyList<(string File, string Caption)> plots, IReadOnlyList<(string File, string Caption)> sessionReports)
    {
        var sb = new System.Text.StringBuilder();
        sb.Append("<!doctype html><html><head><meta charset=\"utf-8\"><title>OpenIDDS simulation: ").Append(Esc(r.Scenario)).Append("</title>")
          .Append("<style>body{font-family:sans-serif;max-width:980px;margin:2em auto}td,th{padding:2px 10px;text-align:right}th{text-align:left}</style></head><body>");
        sb.Append("<h1>Simulation: ").Append(Esc(r.Scenario)).Append("</h1>");
        sb.Append("<p>OpenIDDS is a research platform, not a medical device. Computed values are what the firmware believes; pumped and delivered-to-CSF values come from the physics model.</p><table>");
        void Row(string k, string v) => sb.Append("<tr><th>").Append(Esc(k)).Append("</th><td>").Append(Esc(v)).Append("</td></tr>");
        Row("board", r.Board + " (pin numbering)");
        Row("simulated days", (r.DurationMilliseconds / 86_400_000.0).ToString("0.###", CultureInfo.InvariantCulture));
        Row("prescribed", r.PrescribedMicroliters.ToString("0.000 uL", CultureInfo.InvariantCulture));
        Row("delivered (computed)", r.ComputedDeliveredMicroliters.ToString("0.000 uL", CultureInfo.InvariantCulture));
        Row("pumped (measured)", r.PumpedMicroliters.ToString("0.000 uL", CultureInfo.InvariantCulture));
        Row("reached CSF (measured)", r.ToCsfMicroliters.ToString("0.000 uL", CultureInfo.InvariantCulture));
        Row("steps taken / missed", $"{r.StepsTaken} / {r.StepsMissed}");
        Row("end state", r.EndState);
        Row("expectations", failures.Count == 0 ? "all met" : string.Join("; ", failures));
        sb.Append("</table>");
        foreach (var (file, caption) in sessionReports)
            sb.Append("<p>Printable <a href=\"").Append(file).Append("\">").Append(Esc(caption)).Append("</a> (what <code>iddsctl report</code> prints).</p>");
        foreach (var (file, caption) in plots)
            sb.Append("<figure><img src=\"").Append(file).Append("\" width=\"900\"><figcaption>").Append(Esc(caption)).Append("</figcaption></figure>");
        sb.Append("<p>Event log: <a href=\"events.csv\">events.csv</a> (SHA-256 ").Append(r.EventLogHash).Append("); balance readings: <a href=\"balance.csv\">balance.csv</a>.</p></body></html>");
        return sb.ToString();
    }

    private static string Esc(string s) => System.Net.WebUtility.HtmlEncode(s);
}
