using System.Globalization;

namespace OpenIdds.Bench.Analysis;

/// <summary>
/// IEC 60601-2-24-style delivery accuracy from balance readings (this is an analysis in the style of the
/// standard; it claims no compliance):
/// flow per sample Q_i = 60 (W_i - W_i-1) / (S d); the mean error over the analysis period
/// A = 100 (Q_mean - r) / r; and for each observation window P the trumpet: every window of P minutes
/// slid one sample at a time over the analysis period, E_j = 100 (60 (W_end - W_start) / (P d) - r) / r,
/// with Ep(max) and Ep(min) its extremes. Rates are in uL/h, masses in mg, density in mg/uL.
/// <para>
/// Every reading must sit on the sample grid (a multiple of S): one that does not is refused, naming its
/// line, because it means the file was recorded at another interval than the one analysed. The times in
/// the formulas are the measured ones (equal to the grid times when none were recorded), so a reading
/// that came a little late does not bias the flow; one more than S/2 off its tick counts as lost.
/// Lost readings (gaps, late, excluded unstable ones, rows missing from the file) take out the flow
/// samples and trumpet windows that end on them, and the result says how many; the analysis period's
/// own first and last readings cannot be lost, since A is measured between them.
/// </para>
/// </summary>
public static class AccuracyAnalysis
{
    public static AccuracyResult Run(IReadOnlyList<BalanceReading> readings, double setRateMicrolitersPerHour, AnalysisSettings settings)
    {
        if (!(setRateMicrolitersPerHour > 0)) throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"set rate (--rate) {setRateMicrolitersPerHour} uL/h must be above 0 uL/h"));
        settings.Validate();
        if (readings.Count == 0) throw new InvalidDataException("no readings: the file ends after its header (line 1), so the recording stopped before its first reading");
        double s = settings.SampleIntervalMinutes, d = settings.DensityMilligramsPerMicroliter, r = setRateMicrolitersPerHour;
        long step = settings.SampleIntervalMilliseconds, last = settings.Samples(settings.RunMinutes);

        var byIndex = new Dictionary<long, (double Mass, long Measured)>();
        var where = new Dictionary<long, string>();
        var lost = new Dictionary<long, string>();
        int gaps = 0, late = 0, unstableUsed = 0, unstableExcluded = 0, afterRun = 0;
        foreach (var reading in readings)
        {
            if (reading.TimeMilliseconds % step != 0)
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                    $"{reading.Where}: time_ms {reading.TimeMilliseconds} is not on the {s:0.####} min sample grid (a multiple of {step} ms); analyse with --interval set to the interval the file was recorded at"));
            long i = reading.TimeMilliseconds / step;
            if (i > last) { afterRun++; continue; }
            if (reading.Gap) { gaps++; lost[i] = $"a gap ({(reading.Note.Length > 0 ? reading.Note : "marked")}) at {reading.Where}"; continue; }
            long measured = reading.MeasuredOrNominalMilliseconds;
            if (Math.Abs(measured - reading.TimeMilliseconds) > step / 2) { late++; lost[i] = $"a reading {measured - reading.TimeMilliseconds} ms off its tick at {reading.Where}"; continue; }
            if (!reading.Stable)
            {
                if (settings.Unstable == UnstableReadings.Exclude) { unstableExcluded++; lost[i] = $"an unstable reading (excluded) at {reading.Where}"; continue; }
                unstableUsed++;
            }
            // Evaporation added back at the reading's own time: the vessel had lost E x t by then.
            byIndex[i] = (reading.MassMilligrams + settings.EvaporationMilligramsPerHour * measured / 3_600_000.0, measured);
            where[i] = reading.Where;
        }
        // Two readings measured at the same moment (or out of order) have no time between them: the flow
        // would be infinite and its graph blank.
        long previousIndex = -1;
        foreach (long i in byIndex.Keys.Order())
        {
            if (previousIndex >= 0 && byIndex[i].Measured <= byIndex[previousIndex].Measured)
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                    $"{where[i]}, measured_ms: {byIndex[i].Measured} ms is not after the previous reading's ({where[previousIndex]}) {byIndex[previousIndex].Measured} ms: two readings cannot be taken at one moment; correct or delete the line"));
            previousIndex = i;
        }
        int missing = 0;
        for (long i = 0; i <= last; i++)
            if (!byIndex.ContainsKey(i) && !lost.ContainsKey(i)) missing++;

        // Flow between two readings over the time that really passed between them.
        bool TryFlow(long from, long to, out double microlitersPerHour)
        {
            microlitersPerHour = 0;
            if (!byIndex.TryGetValue(from, out var a) || !byIndex.TryGetValue(to, out var b)) return false;
            microlitersPerHour = (b.Mass - a.Mass) / d / ((b.Measured - a.Measured) / 3_600_000.0);
            return true;
        }

        var flow = new List<(double Minutes, double MicrolitersPerHour)>();
        for (long i = 1; i <= last; i++)
            if (TryFlow(i - 1, i, out double q)) flow.Add((i * s, q));

        long a0 = settings.Samples(settings.AnalysisStartMinutes), a1 = settings.Samples(settings.AnalysisEndMinutes);
        long lastPresent = byIndex.Count == 0 ? -1 : byIndex.Keys.Max();
        void Require(long i, string what)
        {
            if (byIndex.ContainsKey(i)) return;
            string minutes = string.Create(CultureInfo.InvariantCulture, $"{i * s:0.####} min");
            if (lastPresent < 0)
                throw new InvalidDataException($"no usable balance reading at all in {readings.Count} rows ({(lost.Count > 0 ? "every one lost, the first: " + lost.OrderBy(l => l.Key).First().Value : "all of them after the end of the run, --run")}): nothing can be measured");
            if (i > lastPresent)
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                    $"no balance reading at {minutes} ({what}): the readings end at {Math.Max(0, lastPresent) * s:0.####} min; record longer, or analyse a shorter period (--run, --analysis-start, --analysis-end, --profile)"));
            throw new InvalidDataException($"no usable balance reading at {minutes} ({what}): {(lost.TryGetValue(i, out string? why) ? why : "no row for it in the file")}; move the analysis period (--analysis-start, --analysis-end) off it");
        }
        Require(a0, "the start of the analysis period");
        Require(a1, "the end of the analysis period");
        TryFlow(a0, a1, out double meanFlow);
        double meanError = 100 * (meanFlow - r) / r;

        var trumpet = new List<TrumpetPoint>();
        foreach (double p in settings.WindowsMinutes)
        {
            long k = settings.Samples(p);
            double max = double.NegativeInfinity, min = double.PositiveInfinity;
            int used = 0, expected = 0;
            for (long start = a0; start + k <= a1; start++)
            {
                expected++;
                if (!TryFlow(start, start + k, out double q)) continue;
                double e = 100 * (q - r) / r;
                max = Math.Max(max, e);
                min = Math.Min(min, e);
                used++;
            }
            if (used == 0)
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"no window of {p:0.####} min in the analysis period has usable readings at both ends ({expected} windows, every one touching a lost reading)"));
            trumpet.Add(new TrumpetPoint(p, max, min, used) { WindowsExpected = expected });
        }
        var usable = byIndex.Keys.Order().Select(i => (i, byIndex[i].Mass, byIndex[i].Measured, where[i])).ToList();
        var disturbances = DisturbanceDetector.Find(usable, r, d, s, a0, a1);
        var failing = disturbances.FirstOrDefault(x => x.InAnalysisPeriod);
        var startup = flow.Where(f => f.Minutes <= settings.AnalysisStartMinutes + 1e-9).ToList();
        var quality = new DataQuality(byIndex.Count, gaps, late, missing, unstableUsed, unstableExcluded) { AfterRun = afterRun };
        bool withinClaim = Math.Abs(meanError) <= settings.ClaimPercent;
        string? failReason = failing != null
            ? $"a disturbance in the analysis period, {failing.Describe()}: A and Ep measure it, not the pump"
            : withinClaim ? null : string.Create(CultureInfo.InvariantCulture, $"A = {meanError:+0.00;-0.00} % is outside the claim of +-{settings.ClaimPercent:0.##} %");
        return new AccuracyResult(r, settings, flow, startup, meanFlow, meanError, trumpet, failReason == null)
        {
            Quality = quality,
            Disturbances = disturbances,
            FailReason = failReason,
        };
    }
}

/// <summary>Ep(max) and Ep(min) for one observation window, over <c>Windows</c> positions (of <c>WindowsExpected</c>: fewer when lost readings took some out).</summary>
public sealed record TrumpetPoint(double WindowMinutes, double MaxPercent, double MinPercent, int Windows)
{
    public int WindowsExpected { get; init; } = Windows;
}

/// <summary>How the readings of the run were used: the report states it, so a trumpet drawn from fewer windows never looks like a full one.</summary>
public sealed record DataQuality(int ReadingsUsed, int Gaps, int Late, int Missing, int UnstableUsed, int UnstableExcluded)
{
    public int Lost => Gaps + Late + Missing + UnstableExcluded;

    /// <summary>Rows after the end of the run (--run), which nothing in the analysis uses.</summary>
    public int AfterRun { get; init; }
}

public sealed record AccuracyResult(
    double SetRateMicrolitersPerHour,
    AnalysisSettings Settings,
    List<(double Minutes, double MicrolitersPerHour)> Flow,
    List<(double Minutes, double MicrolitersPerHour)> StartUp,
    double MeanFlowMicrolitersPerHour,
    double MeanErrorPercent,
    List<TrumpetPoint> Trumpet,
    bool Pass)
{
    public DataQuality Quality { get; init; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>Mass changes no pump at the set rate can make (rule DISTURBANCE-LIMIT, <see cref="DisturbanceDetector"/>), over the whole run.</summary>
    public List<Disturbance> Disturbances { get; init; } = new();

    /// <summary>Why the run fails (a disturbance in the analysis period, or A outside the claim); null on a pass.</summary>
    public string? FailReason { get; init; }
}
