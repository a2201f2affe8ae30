using System.Globalization;
using System.Net;
using System.Text;
using OpenIdds.Firmware.Safety;
using OpenIdds.Programmer.Cli;

namespace OpenIdds.Programmer.Records;

/// <summary>
/// The session report as one printable HTML page, the doses-per-day plot embedded as a PNG. The print
/// stylesheet sets no paper size: the content is at most 180 mm wide, which fits A4 (210 mm) and
/// Letter (216 mm) with their margins, so the page prints on whichever paper the printer holds.
/// Each section has an id (device, prescription, reservoir, refill, battery, alarms, doses, boluses,
/// diary, programming).
/// </summary>
public static class ReportPage
{
    public static readonly string[] SectionIds = { "device", "prescription", "reservoir", "refill", "battery", "alarms", "doses", "boluses", "diary", "programming" };

    private const string Style = """
        body{font-family:"DejaVu Sans",Arial,sans-serif;font-size:10pt;color:#111;max-width:180mm;margin:1em auto}
        h1{font-size:15pt;margin:0 0 2pt}h2{font-size:11.5pt;margin:10pt 0 3pt;border-bottom:1px solid #888}
        table{border-collapse:collapse;width:100%}td,th{padding:1.5pt 5pt;text-align:left;vertical-align:top;border-bottom:1px solid #ddd}
        th{font-weight:600;background:#f0f0f0}td.n{text-align:right;white-space:nowrap}
        .kv th{width:34%;background:none}.note{color:#555;font-size:8.5pt}.warn{color:#a00;font-weight:600}
        img{width:100%;height:auto}
        @page{margin:14mm 15mm}
        @media print{body{margin:0;max-width:none;width:180mm}section{break-inside:avoid-page}h2{break-after:avoid}thead{display:table-header-group}tr{break-inside:avoid}a{color:inherit;text-decoration:none}}
        """;

    public static string Html(SessionReport r)
    {
        var h = new StringBuilder();
        var s = r.Status;
        string When(long pumpTime) => pumpTime == long.MaxValue ? "never" : r.Source.WallClock(pumpTime).ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        h.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Interrogation report ").Append(E(r.DeviceId)).Append(' ').Append(When(r.ReadAt)).Append("</title><style>").Append(Style).Append("</style></head><body>");
        h.Append("<h1>OpenIDDS interrogation report</h1><p class=\"note\">Read ").Append(E(When(r.ReadAt)))
         .Append(". OpenIDDS is a research and bench platform, not a medical device. Computed values are what the pump counts (steps x calibration); measured values come from its sensors.</p>");
        string NotInSource = "not in this export (a CSV export holds the event log only; `iddsctl log export --format json` keeps the status)";

        Section(h, "device", "Device and firmware", () =>
        {
            var kv = new List<(string, string)> { ("device", r.DeviceId), ("firmware", r.Source.Firmware.Length == 0 ? "not in this export" : r.Source.Firmware) };
            if (s != null)
            {
                kv.Add(("stage, state", $"{r.StageName} pump, {r.StateName}"));
                kv.Add(("pump time", Units.Duration(s.PumpTime) + " since installation"));
                kv.Add(("delivered since installation", $"{ClinicalText.Micrograms(s.DeliveredNanograms / 1000.0)} at the tip; {(r.DeliveredNanoliters is long nl ? Units.Microliters(nl) : "volume unknown")} ({s.StepsTaken} steps, {s.StepsMissed} missed)"));
                if (s.DevelopmentKeys) kv.Add(("keys", "development keys: bench and simulator only"));
            }
            return KeyValues(kv);
        });
        Section(h, "prescription", "Prescription as the pump runs it", () =>
        {
            if (s == null) return P(NotInSource);
            var p = s.Prescription;
            var kv = new List<(string, string)> { ("drug", ClinicalText.Drug(p.Drug)) };
            foreach (string line in ClinicalText.Delivery(p)) kv.Add(("delivery", line));
            kv.Add(("daily dose", ClinicalText.Micrograms(s.DailyDoseNanograms / 1000.0) + " per day (prescribed)"));
            kv.Add(("rate now", ClinicalText.Rate(s.RateNow, p.Drug)));
            kv.Add(("patient bolus", ClinicalText.PatientBolus(p.PatientBolus)));
            kv.Add(("delivered, last 24 h", ClinicalText.Micrograms(s.RollingDoseNanograms / 1000.0) + " (computed)"));
            return KeyValues(kv);
        });
        Section(h, "reservoir", "Reservoir", () => s == null ? P(NotInSource) : KeyValues(new()
        {
            ("computed", Units.Milliliters(s.ReservoirComputed) + " (fill minus steps x calibration)"),
            ("measured", s.ReservoirMeasuredValid ? Units.Milliliters(s.ReservoirMeasured) + " (level sensor)" : s.LevelSensorFitted ? "not measured: level sensor fault" : "not measured: no level sensor"),
            ("low-reservoir alarm at", Units.Milliliters(s.LowReservoirThreshold)),
        }));
        Section(h, "refill", "Refill due", () => s == null ? P(NotInSource) : KeyValues(new()
        {
            ("refill by", When(s.NextRefillAt) + (s.NextRefillAt == long.MaxValue ? "" : $" (in {Units.Duration(s.NextRefillAt - s.PumpTime)})")),
            ("why", s.NextRefillAt == long.MaxValue
                ? "the prescription delivers nothing, so the reservoir does not run down"
                : $"the computed reservoir ({Units.Milliliters(s.ReservoirComputed)}) reaches the low-reservoir alarm ({Units.Milliliters(s.LowReservoirThreshold)}) then, at the prescription's worst-case daily volume (every patient bolus taken)"),
        }));
        Section(h, "battery", "Battery", () => s == null ? P(NotInSource) : KeyValues(new()
        {
            ("status", s.Battery switch { 3 => "END OF SERVICE", 2 => "elective replacement indicator (ERI): plan the replacement", 1 => "low", _ => "ok, no elective replacement indicator" }),
            ("voltage", s.BatteryMillivolts.ToString(CultureInfo.InvariantCulture) + " mV"),
        }));
        Section(h, "alarms", "Alarms", () =>
        {
            var b = new StringBuilder();
            b.Append(P(r.LastSessionAt == 0 ? "No clinician session in the log: every alarm is listed." : $"Last session (refill, programming, reset or clock sync) {When(r.LastSessionAt)}; alarms marked \u2022 were shown since then."));
            if (s is { AlarmCount: > 0 }) b.Append(P("Shown now: " + string.Join(", ", Enumerable.Range(0, s.AlarmCount).Select(i => AlarmTable.Of((AlarmCode)s.AlarmCodes[i]).Name)), "warn"));
            if (r.Alarms.Count == 0) return b.Append(P("No alarm in the log.")).ToString();
            b.Append(Table(new[] { "", "alarm", "priority", "raised", "cleared", "duration" }, r.Alarms.Select(a => new[]
            {
                a.SinceLastSession ? "\u2022" : "", a.Name + (a.StopsDelivery ? " (stops delivery)" : ""), a.Priority, When(a.RaisedAt),
                a.ClearedAt is long c ? When(c) : "still shown", Units.Duration(a.DurationMilliseconds(r.ReadAt)),
            })));
            return b.ToString();
        });
        Section(h, "doses", "Doses per day", () =>
        {
            if (r.Days.Count == 0) return P("No delivery in the log.");
            string drug = s == null ? "" : ClinicalText.Drug(s.Prescription.Drug);
            var b = new StringBuilder();
            b.Append("<img alt=\"doses per day\" src=\"data:image/png;base64,").Append(Convert.ToBase64String(DosesPerDayPlot.Png(r.Days, drug))).Append("\">");
            b.Append(Table(new[] { "day", "from", "to", "at the tip", "volume (computed)", "steps" }, r.Days.Select(d => new[]
            {
                d.Day.ToString(CultureInfo.InvariantCulture), d.Start.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), d.End.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                ClinicalText.Micrograms(d.Nanograms / 1000.0), d.Nanoliters is long nl ? Units.Microliters(nl) : "unknown", d.Steps.ToString(CultureInfo.InvariantCulture),
            }), numericFrom: 3));
            return b.ToString();
        });
        Section(h, "boluses", "Boluses granted and refused", () =>
        {
            int granted = r.Boluses.Count(b => b.Granted && b.Who == "patient"), refused = r.Boluses.Count(b => !b.Granted && b.Who == "patient");
            var b = new StringBuilder(P($"Patient boluses: {granted} granted, {refused} refused."));
            if (r.Boluses.Count > 0)
                b.Append(Table(new[] { "time", "who", "outcome" }, r.Boluses.Select(x => new[]
                { When(x.At), x.Who, x.Granted ? "granted, " + Units.Microliters(x.Nanoliters) : "refused: " + string.Join(", ", x.Reasons) })));
            return b.ToString();
        });
        Section(h, "diary", "Trial diary", () =>
        {
            var b = new StringBuilder();
            if (r.Trial is { } t)
            {
                static string Entries(int n) => n == 1 ? "1 entry" : $"{n} entries";
                static string Pain(int tenths) => tenths < 0 ? "no entry" : (tenths / 10.0).ToString("0.0", CultureInfo.InvariantCulture);
                b.Append(KeyValues(new()
                {
                    ("relief", $"{t.ReliefPercent} % ({(t.MeetsReliefThreshold ? "meets" : "below")} the {r.Source.TrialThresholdPercent} % threshold: a commonly used figure, not clinical advice)"),
                    ("pain, baseline against trial", $"{Pain(t.BaselinePainTenths)} ({Entries(t.BaselinePainEntries)}) against {Pain(t.TrialPainTenths)} ({Entries(t.TrialPainEntries)})"),
                    ("trial", $"{Units.Duration(t.TrialDuration.Value)}, {ClinicalText.Micrograms(t.DosePerDay.Value / 1000.0)} per day, {t.ActivityMinutesPerDay} min of activity per day"),
                }));
            }
            else b.Append(P(s == null ? "Relief: " + NotInSource : "No trial on this pump (the trial pump's report holds it)."));
            if (r.Diary.Count > 0)
                b.Append(Table(new[] { "time", "entry" }, r.Diary.Select(d => new[] { When(d.At), d.Pain is int p ? $"pain {p}/10" : $"{d.Activity}, {d.Minutes} min" })));
            return b.ToString();
        });
        Section(h, "programming", "Who programmed what, and when", () =>
            r.Programming.Count == 0 ? P("Nothing programmed in the log.")
            : P("The pump logs the key a command was signed with, not a person.", "note") + Table(new[] { "time", "by", "what" }, r.Programming.Select(p => new[] { When(p.At), p.Who, p.What })));
        h.Append("<p class=\"note\">").Append(r.Source.Events.Count).Append(" events read from ").Append(E(r.DeviceId)).Append(".</p></body></html>");
        return h.ToString();
    }

    private static void Section(StringBuilder h, string id, string title, Func<string> body) =>
        h.Append("<section id=\"").Append(id).Append("\"><h2>").Append(E(title)).Append("</h2>").Append(body()).Append("</section>");

    private static string P(string text, string cls = "") => cls.Length == 0 ? $"<p>{E(text)}</p>" : $"<p class=\"{cls}\">{E(text)}</p>";

    private static string KeyValues(List<(string Key, string Value)> rows) =>
        "<table class=\"kv\">" + string.Concat(rows.Select(r => $"<tr><th>{E(r.Key)}</th><td>{E(r.Value)}</td></tr>")) + "</table>";

    private static string Table(string[] header, IEnumerable<string[]> rows, int numericFrom = int.MaxValue) =>
        "<table><thead><tr>" + string.Concat(header.Select(x => $"<th>{E(x)}</th>")) + "</tr></thead><tbody>"
        + string.Concat(rows.Select(row => "<tr>" + string.Concat(row.Select((c, i) => i >= numericFrom ? $"<td class=\"n\">{E(c)}</td>" : $"<td>{E(c)}</td>")) + "</tr>")) + "</tbody></table>";

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
