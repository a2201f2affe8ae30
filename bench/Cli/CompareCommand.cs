using System.CommandLine;
using System.Globalization;
using OpenIdds.Bench.Analysis;

namespace OpenIdds.Bench.Cli;

/// <summary>
/// `bench compare (--pump-log <csv> | --pump-events <csv>) --balance <csv> [--rate uL/h] [--nl-per-step X]`:
/// mechanism error against scheduling error, hour by hour. --pump-log is the simulator's delivery.csv;
/// --pump-events a real pump's `iddsctl log export`, lined up with a `bench record` CSV on the host clock.
/// </summary>
public static class CompareCommand
{
    public static Command Build()
    {
        var pumpLog = new Option<string?>("--pump-log") { Description = "the pump's hourly delivery log: hour_end_ms,commanded_ul[,prescribed_ul] (the simulator's delivery.csv)" };
        var pumpEvents = new Option<string?>("--pump-events") { Description = "a real pump's event log: `iddsctl log export --format csv` (its hourly-delivery lines), taken after a `bench record` run" };
        var perStep = new Option<double?>("--nl-per-step") { Description = "the calibration, nL/step, for a --pump-events log with no calibrated event" };
        var balanceCsv = new Option<string>("--balance") { Description = "the balance readings", Required = true };
        var rate = new Option<double?>("--rate") { Description = "the set rate, uL/h: only for a pump log without prescribed_ul" };
        var density = new Option<double>("--density") { Description = "density of the fluid, mg/uL", DefaultValueFactory = _ => AnalysisSettings.Standard.DensityMilligramsPerMicroliter };
        var format = new CsvFormatOptions();
        var command = new Command("compare", "separate mechanism error from scheduling error, hour by hour") { pumpLog, pumpEvents, perStep, balanceCsv, rate, density };
        format.AddTo(command);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            try
            {
                double d = parse.GetValue(density);
                if (!(d >= AnalysisSettings.MinDensity && d <= AnalysisSettings.MaxDensity))
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"--density {d} mg/uL is outside {AnalysisSettings.MinDensity}..{AnalysisSettings.MaxDensity} mg/uL"));
                if (parse.GetValue(rate) is double r && !(r > 0)) throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"--rate {r} uL/h must be above 0 uL/h"));
                string? logPath = parse.GetValue(pumpLog), eventsPath = parse.GetValue(pumpEvents);
                if ((logPath == null) == (eventsPath == null)) throw new ArgumentException("give one of --pump-log (an hourly delivery log) or --pump-events (an `iddsctl log export` CSV)");
                var balance = BalanceCsv.Read(parse.GetValue(balanceCsv)!, format.Read(parse));
                List<PumpLogHour> log;
                if (eventsPath != null)
                {
                    var started = BalanceCsv.StartedAt(balance) ?? throw new ArgumentException($"{parse.GetValue(balanceCsv)} has no 'started' time in its first row: record it with `bench record`, which notes the host time at 0 ms");
                    log = MechanismComparison.ReadPumpEvents(eventsPath, started, parse.GetValue(perStep));
                }
                else log = MechanismComparison.ReadPumpLog(logPath!);
                var hours = MechanismComparison.Compare(log, balance, parse.GetValue(rate), d);
                output.WriteLine($"prescribed volume per hour: {(log.All(h => h.PrescribedMicroliters != null) ? "from the pump log" : "from --rate")}");
                output.WriteLine("hour  prescribed uL  commanded uL  delivered uL  scheduling %  mechanism %");
                foreach (var h in hours)
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{h.Index,4}  {h.PrescribedMicroliters,13:0.000}  {h.CommandedMicroliters,12:0.000}  {Number(h.DeliveredMicroliters, "0.000"),12}  {Number(h.SchedulingErrorPercent, "+0.00;-0.00;0.00"),12}  {Number(h.MechanismErrorPercent, "+0.00;-0.00;0.00"),11}"));
                return 0;
            }
            catch (Exception e) when (e is InvalidDataException or ArgumentException or IOException or UnauthorizedAccessException)
            {
                parse.InvocationConfiguration.Error.WriteLine($"error: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    private static string Number(double value, string format) => double.IsNaN(value) ? "n/a" : value.ToString(format, CultureInfo.InvariantCulture);
}
