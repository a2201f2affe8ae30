using System.Globalization;

namespace OpenIdds.Bench.Analysis;

/// <summary>The straight line through a recording's masses: its slope is the drift, in mg/h (negative for evaporation).</summary>
public sealed record DriftFit(double MilligramsPerHour, int Readings, double Hours)
{
    /// <summary>The evaporation rate it measures: the mass lost per hour (the negative of the drift).</summary>
    public double EvaporationMilligramsPerHour => -MilligramsPerHour;
}

/// <summary>
/// Drift and evaporation. A vessel loses mass to evaporation while the pump fills it, so the balance
/// under-reads the delivery by E / d uL/h: a bias of -100 E / (r d) percent on A, -2 % for 0.05 mg/h at
/// 2.5 uL/h. It is measured as the drift of a recording with the pump stopped (or in a reference vessel
/// beside the pump's, as labs do for IEC 60601-2-24) and added back (`analyze --evaporation`).
/// Rule DRIFT-TOLERANCE: the drift a set-up may show is the one that biases A by at most a tenth of the
/// accuracy claimed (0.5 % for the standard +-5 %, 1 % for the low-rate +-10 %).
/// </summary>
public static class Drift
{
    /// <summary>What part of the claim a drift may take.</summary>
    public const double ClaimFraction = 0.1;

    /// <summary>Least squares of mass against measured time over the usable (non-gap) readings.</summary>
    /// <exception cref="InvalidDataException">fewer than two usable readings, or no time between them.</exception>
    public static DriftFit Fit(IReadOnlyList<BalanceReading> readings)
    {
        var points = readings.Where(r => !r.Gap).Select(r => (Hours: r.MeasuredOrNominalMilliseconds / 3_600_000.0, Mass: r.MassMilligrams)).ToList();
        if (points.Count < 2) throw new InvalidDataException($"a drift needs at least two readings; there are {points.Count} usable ones");
        double meanT = points.Average(p => p.Hours), meanM = points.Average(p => p.Mass);
        double stt = points.Sum(p => (p.Hours - meanT) * (p.Hours - meanT));
        if (!(stt > 0)) throw new InvalidDataException("a drift needs readings at different times");
        double slope = points.Sum(p => (p.Hours - meanT) * (p.Mass - meanM)) / stt;
        return new DriftFit(slope, points.Count, points.Max(p => p.Hours) - points.Min(p => p.Hours));
    }

    /// <summary>The bias on A, percent, of a drift of <paramref name="milligramsPerHour"/> at the set rate.</summary>
    public static double BiasPercent(double milligramsPerHour, double rateMicrolitersPerHour, double density) =>
        100 * milligramsPerHour / (rateMicrolitersPerHour * density);

    /// <summary>The largest drift, mg/h either way, that rule DRIFT-TOLERANCE allows at this rate and claim.</summary>
    public static double AllowedMilligramsPerHour(double rateMicrolitersPerHour, double density, double claimPercent) =>
        ClaimFraction * claimPercent / 100 * rateMicrolitersPerHour * density;

    public static string Describe(double milligramsPerHour, double rateMicrolitersPerHour, double density, double claimPercent)
    {
        double bias = BiasPercent(milligramsPerHour, rateMicrolitersPerHour, density), allowed = AllowedMilligramsPerHour(rateMicrolitersPerHour, density, claimPercent);
        return string.Create(CultureInfo.InvariantCulture,
            $"a drift of {milligramsPerHour:+0.0000;-0.0000;0.0000} mg/h biases A by {bias:+0.00;-0.00;0.00} % at {rateMicrolitersPerHour:0.###} uL/h; allowed: +-{allowed:0.0000} mg/h (a bias of +-{ClaimFraction * claimPercent:0.##} %, a tenth of the +-{claimPercent:0.##} % claim)");
    }
}
