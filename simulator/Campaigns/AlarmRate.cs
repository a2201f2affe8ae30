using System.Globalization;

namespace OpenIdds.Simulator.Campaigns;

/// <summary>
/// How often one alarm condition was raised in one cell: raises per patient-year with the exact Poisson
/// (Garwood) 95 % interval. The false-alarm and flapping figures (THRESHOLD-HYSTERESIS) read it per condition.
/// </summary>
public sealed record AlarmRate(string Cell, string Alarm, long Raises, double PatientYears, double PerPatientYear, double Low, double High)
{
    public static IReadOnlyList<AlarmRate> Of(IEnumerable<RunOutcome> outcomes) =>
        outcomes.OrderBy(o => o.Index).GroupBy(o => o.Cell).SelectMany(cell =>
        {
            double years = cell.Sum(r => r.SimulatedDays) / 365.25;
            return cell.SelectMany(r => r.AlarmsRaised).GroupBy(a => a).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
            {
                long raises = g.LongCount();
                var (low, high) = ConfidenceInterval.PoissonMean(raises);
                return new AlarmRate(cell.Key, g.Key, raises, years, years > 0 ? raises / years : 0, years > 0 ? low / years : 0, years > 0 ? high / years : 0);
            });
        }).ToList();

    public const string CsvHeader = "cell,alarm,raises,patient_years,raises_per_patient_year,low95,high95";

    public string ToCsv()
    {
        static string F(double v) => v.ToString("0.######", CultureInfo.InvariantCulture);
        return string.Join(",", "\"" + Cell.Replace("\"", "\"\"") + "\"", Alarm, Raises.ToString(CultureInfo.InvariantCulture), F(PatientYears), F(PerPatientYear), F(Low), F(High));
    }
}
