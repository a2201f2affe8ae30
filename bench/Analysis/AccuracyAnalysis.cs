namespace OpenIdds.Bench.Analysis;

/// <summary>
/// IEC 60601-2-24-style delivery accuracy from balance readings (this is an analysis in the style of the
/// standard; it claims no compliance):
/// flow per sample Q_i = 60 (W_i - W_i-1) / (S d); the mean error over the analysis period
/// A = 100 (Q_mean - r) / r; and for each observation window P the trumpet: every window of P minutes
/// slid one sample at a time over the analysis period, E_j = 100 (60 (W_end - W_start) / (P d) - r) / r,
/// with Ep(max) and Ep(min) its extremes. Rates are in uL/h, masses in mg, density in mg/uL.
/// </summary>
public static class AccuracyAnalysis
{
    public static AccuracyResult Run(IReadOnlyList<BalanceReading> readings, double setRateMicrolitersPerHour, AnalysisSettings settings)
    {
        if (setRateMicrolitersPerHour <= 0) throw new ArgumentOutOfRangeException(nameof(setRateMicrolitersPerHour), $"set rate {setRateMicrolitersPerHour} uL/h must be above 0 uL/h");
        double s = settings.SampleIntervalMinutes, d = settings.DensityMilligramsPerMicroliter, r = setRateMicrolitersPerHour;
        long step = (long)Math.Round(s * 60_000);
        // Index the readings by sample number; a reading off the grid or missing is an error of the run.
        var byIndex = new Dictionary<long, double>();
        foreach (var reading in readings)
        {
            if (reading.Gap) continue;
            if (reading.TimeMilliseconds % step != 0) continue;
            byIndex[reading.TimeMilliseconds / step] = reading.MassMilligrams;
        }
        long last = (long)Math.Round(settings.RunMinutes / s);
        var flow = new List<(double Minutes, double MicrolitersPerHour)>();
        for (long i = 1; i <= last; i++)
        {
            if (byIndex.TryGetValue(i, out double w) && byIndex.TryGetValue(i - 1, out double previous))
                flow.Add((i * s, 60 * (w - previous) / (s * d)));
        }
        double Mass(double minutes)
        {
            long i = (long)Math.Round(minutes / s);
            return byIndex.TryGetValue(i, out double w) ? w : throw new InvalidDataException($"no balance reading at {minutes} min (sample {i}): the run is shorter than the analysis needs, or has a gap there");
        }
        double a0 = settings.AnalysisStartMinutes, a1 = settings.AnalysisEndMinutes;
        double meanFlow = 60 * (Mass(a1) - Mass(a0)) / ((a1 - a0) * d);
        double meanError = 100 * (meanFlow - r) / r;
        var trumpet = new List<TrumpetPoint>();
        foreach (double p in settings.WindowsMinutes)
        {
            double max = double.NegativeInfinity, min = double.PositiveInfinity;
            int windows = 0;
            for (double start = a0; start + p <= a1 + 1e-9; start += s)
            {
                double e = 100 * (60 * (Mass(start + p) - Mass(start)) / (p * d) - r) / r;
                max = Math.Max(max, e);
                min = Math.Min(min, e);
                windows++;
            }
            trumpet.Add(new TrumpetPoint(p, max, min, windows));
        }
        var startup = flow.Where(f => f.Minutes <= a0).ToList();
        return new AccuracyResult(r, settings, flow, startup, meanFlow, meanError, trumpet, Math.Abs(meanError) <= settings.ClaimPercent);
    }
}

/// <summary>Ep(max) and Ep(min) for one observation window, over <c>Windows</c> positions.</summary>
public sealed record TrumpetPoint(double WindowMinutes, double MaxPercent, double MinPercent, int Windows);

public sealed record AccuracyResult(
    double SetRateMicrolitersPerHour,
    AnalysisSettings Settings,
    List<(double Minutes, double MicrolitersPerHour)> Flow,
    List<(double Minutes, double MicrolitersPerHour)> StartUp,
    double MeanFlowMicrolitersPerHour,
    double MeanErrorPercent,
    List<TrumpetPoint> Trumpet,
    bool Pass);
