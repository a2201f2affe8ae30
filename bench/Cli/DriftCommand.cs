using System.CommandLine;
using System.Globalization;
using OpenIdds.Bench.Analysis;

namespace OpenIdds.Bench.Cli;

/// <summary>
/// `bench drift <csv> --rate <uL/h>`: the drift of a recording made with the pump stopped, the bias it
/// would put on A at the rate, and whether that is within rule DRIFT-TOLERANCE (a tenth of the claim).
/// `bench drift --mg-per-h X --rate R` prints the same for a drift given by hand. Exit 0 within the
/// tolerance, 1 outside it, 2 bad input.
/// </summary>
public static class DriftCommand
{
    public static Command Build()
    {
        var csv = new Argument<string?>("csv") { Description = "a recording with the pump stopped (bench record --duration 30min or longer)", Arity = ArgumentArity.ZeroOrOne };
        var rate = new Option<double>("--rate") { Description = "the rate the pump will be tested at, uL/h", Required = true };
        var given = new Option<double?>("--mg-per-h") { Description = "a drift given by hand, mg/h (negative: mass lost), instead of a recording" };
        var claim = new Option<double>("--claim") { Description = "the accuracy claimed, percent (5 standard, 10 low-rate)", DefaultValueFactory = _ => AnalysisSettings.Standard.ClaimPercent };
        var density = new Option<double>("--density") { Description = "density of the fluid, mg/uL", DefaultValueFactory = _ => AnalysisSettings.Standard.DensityMilligramsPerMicroliter };
        var format = new CsvFormatOptions();
        var command = new Command("drift", "the drift of a pump-stopped recording, and the bias it puts on A at a rate") { csv, rate, given, claim, density };
        format.AddTo(command);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            try
            {
                double r = parse.GetValue(rate), c = parse.GetValue(claim), d = parse.GetValue(density);
                if (!(r > 0)) throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"--rate {r} uL/h must be above 0 uL/h"));
                if (!(c > 0 && c <= 100)) throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"--claim {c} % must be above 0 % and at most 100 %"));
                if (!(d >= AnalysisSettings.MinDensity && d <= AnalysisSettings.MaxDensity)) throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"--density {d} mg/uL is outside {AnalysisSettings.MinDensity}..{AnalysisSettings.MaxDensity} mg/uL"));
                string? path = parse.GetValue(csv);
                double drift;
                if (parse.GetValue(given) is double g)
                {
                    if (path != null) throw new ArgumentException("give a recording or --mg-per-h, not both");
                    if (!double.IsFinite(g)) throw new ArgumentException($"--mg-per-h {g} is not a number");
                    drift = g;
                }
                else
                {
                    if (path == null) throw new ArgumentException("give a recording made with the pump stopped, or --mg-per-h");
                    var fit = Drift.Fit(BalanceCsv.Read(path, format.Read(parse)));
                    drift = fit.MilligramsPerHour;
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"drift {drift:+0.0000;-0.0000;0.0000} mg/h over {fit.Hours:0.##} h ({fit.Readings} readings): evaporation {fit.EvaporationMilligramsPerHour:0.0000} mg/h"));
                }
                bool within = Math.Abs(drift) <= Drift.AllowedMilligramsPerHour(r, d, c);
                output.WriteLine(Drift.Describe(drift, r, d, c) + (within ? ": PASS" : ": FAIL"));
                if (drift != 0)
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"to add it back: bench analyze ... --evaporation {-drift:0.0000}"));
                return within ? 0 : 1;
            }
            catch (Exception e) when (e is InvalidDataException or ArgumentException or IOException or UnauthorizedAccessException)
            {
                parse.InvocationConfiguration.Error.WriteLine($"error: {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
