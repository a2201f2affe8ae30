using System.Globalization;

namespace OpenIdds.Simulator.Campaigns;

/// <summary>
/// One cell of a campaign summed up: runs, patient-years, alarm raises per patient-year with the exact
/// Poisson 95 % interval, runs with any alarm, the expectations' pass rate with the Wilson 95 %
/// interval, percentiles (nearest rank) of time to the first alarm and of the delivery error, and the
/// largest volume released after an occlusion cleared.
/// Computed from the runs in their campaign order and written with fixed formats, so one process
/// and any set of merged shards give the same bytes.
/// </summary>
public sealed record CellAggregate(
    string Cell, int Runs, double PatientYears, long AlarmRaises, double RaisesPerPatientYear, double RaisesLow, double RaisesHigh,
    int RunsWithAlarm, int ExpectationRuns, int ExpectationPasses, double PassLow, double PassHigh,
    double? FirstAlarmHoursP5, double? FirstAlarmHoursP50, double? FirstAlarmHoursP95,
    double ErrorPercentP5, double ErrorPercentP50, double ErrorPercentP95, double? ReleaseMaxMicroliters)
{
    public static IReadOnlyList<CellAggregate> Of(IEnumerable<RunOutcome> outcomes) =>
        outcomes.OrderBy(o => o.Index).GroupBy(o => o.Cell).Select(Of).ToList();

    private static CellAggregate Of(IGrouping<string, RunOutcome> cell)
    {
        var runs = cell.ToList();
        double years = runs.Sum(r => r.SimulatedDays) / 365.25;
        long raises = runs.Sum(r => (long)r.AlarmsRaised.Count);
        var (low, high) = ConfidenceInterval.PoissonMean(raises);
        var judged = runs.Where(r => r.ExpectationsMet != null).ToList();
        int passes = judged.Count(r => r.ExpectationsMet == true);
        var (passLow, passHigh) = ConfidenceInterval.Wilson(passes, judged.Count);
        var firsts = runs.Where(r => r.FirstAlarmMilliseconds != null).Select(r => r.FirstAlarmMilliseconds!.Value / 3_600_000.0).Order().ToList();
        var errors = runs.Select(r => r.DeliveryErrorPercent).Order().ToList();
        return new CellAggregate(cell.Key, runs.Count, years, raises, years > 0 ? raises / years : 0, years > 0 ? low / years : 0, years > 0 ? high / years : 0,
            runs.Count(r => r.AlarmsRaised.Count > 0), judged.Count, passes, passLow, passHigh,
            Percentile(firsts, 5), Percentile(firsts, 50), Percentile(firsts, 95),
            Percentile(errors, 5) ?? 0, Percentile(errors, 50) ?? 0, Percentile(errors, 95) ?? 0,
            runs.Any(r => r.ReleasedAfterClearMicroliters != null) ? runs.Where(r => r.ReleasedAfterClearMicroliters != null).Max(r => r.ReleasedAfterClearMicroliters!.Value) : null);
    }

    /// <summary>Nearest rank: the smallest value with at least p % of the values at or below it.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, int p) =>
        sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];

    public const string CsvHeader = "cell,runs,patient_years,alarm_raises,raises_per_patient_year,raises_low95,raises_high95,runs_with_alarm,expectation_runs,expectation_passes,pass_low95,pass_high95,first_alarm_h_p5,first_alarm_h_p50,first_alarm_h_p95,error_pct_p5,error_pct_p50,error_pct_p95,release_ul_max";

    public string ToCsv()
    {
        static string F(double v) => v.ToString("0.######", CultureInfo.InvariantCulture);
        static string O(double? v) => v == null ? "" : F(v.Value);
        return string.Join(",", "\"" + Cell.Replace("\"", "\"\"") + "\"", Runs.ToString(CultureInfo.InvariantCulture), F(PatientYears), AlarmRaises.ToString(CultureInfo.InvariantCulture),
            F(RaisesPerPatientYear), F(RaisesLow), F(RaisesHigh), RunsWithAlarm.ToString(CultureInfo.InvariantCulture), ExpectationRuns.ToString(CultureInfo.InvariantCulture),
            ExpectationPasses.ToString(CultureInfo.InvariantCulture), F(PassLow), F(PassHigh), O(FirstAlarmHoursP5), O(FirstAlarmHoursP50), O(FirstAlarmHoursP95),
            F(ErrorPercentP5), F(ErrorPercentP50), F(ErrorPercentP95), O(ReleaseMaxMicroliters));
    }
}
