using System.Globalization;

namespace OpenIdds.Bench.Analysis;

/// <summary>What the analysis does with a dynamic (unsettled) reading.</summary>
public enum UnstableReadings
{
    /// <summary>Use it at its time, as the gravimetric method does: it reads at fixed times and cannot wait for stability, and a vessel that is being filled is rarely "stable".</summary>
    Use,

    /// <summary>Treat it as a gap (for a bench where draughts or vibration, not the filling, unsettle the balance).</summary>
    Exclude,
}

/// <summary>
/// The settings of an IEC 60601-2-24-style gravimetric analysis. <see cref="Standard"/> is the
/// standard's: a reading every 0.5 min for 120 min, the second hour analysed, windows of 2, 5, 11, 19
/// and 31 min, water at 0.998 mg/uL. <see cref="LowRate"/> is for implanted rates (ISO 14708-4 uses the
/// same idea with longer intervals): a reading every 15 min over 48 h, the second day, windows in hours.
/// </summary>
public sealed record AnalysisSettings
{
    public double SampleIntervalMinutes { get; init; } = 0.5;
    public double RunMinutes { get; init; } = 120;
    public double AnalysisStartMinutes { get; init; } = 60;
    public double AnalysisEndMinutes { get; init; } = 120;
    public double[] WindowsMinutes { get; init; } = { 2, 5, 11, 19, 31 };
    public double DensityMilligramsPerMicroliter { get; init; } = 0.998;
    public UnstableReadings Unstable { get; init; } = UnstableReadings.Use;

    /// <summary>Mass the vessel loses per hour (mg/h), added back to every reading at its measured time; 0 for none.</summary>
    public double EvaporationMilligramsPerHour { get; init; }

    /// <summary>Where <see cref="EvaporationMilligramsPerHour"/> came from: "none", "--evaporation", or the pre-run file and its fit.</summary>
    public string EvaporationSource { get; init; } = "none";

    // Beyond this it is no evaporation from a beaker (an open 25 mL beaker loses a few mg/h at most), but a unit slip.
    public const double MaxEvaporation = 1000;

    /// <summary>The accuracy claimed for the pump: pass when |A| is within it (percent).</summary>
    public double ClaimPercent { get; init; } = 5;

    // Anything outside this is a unit slip (998 for kg/m3, 0.000998 for mg/nL), not a drug solution.
    public const double MinDensity = 0.5, MaxDensity = 2.5;

    public static AnalysisSettings Standard => new();

    public static AnalysisSettings LowRate => new()
    {
        SampleIntervalMinutes = 15,
        RunMinutes = 48 * 60,
        AnalysisStartMinutes = 24 * 60,
        AnalysisEndMinutes = 48 * 60,
        WindowsMinutes = new double[] { 60, 120, 240, 360, 720 },
        ClaimPercent = 10,
    };

    public long SampleIntervalMilliseconds => (long)Math.Round(SampleIntervalMinutes * 60_000);

    /// <summary>Whole samples in <paramref name="minutes"/> (the settings are validated to be multiples of the interval).</summary>
    public long Samples(double minutes) => (long)Math.Round(minutes / SampleIntervalMinutes);

    /// <summary>
    /// Refuses settings the method cannot use, naming the option, the value and the limit: the windows
    /// slide one sample at a time, so every time in the analysis must fall on the sample grid.
    /// </summary>
    /// <exception cref="ArgumentException">the first setting that is wrong.</exception>
    public void Validate()
    {
        double s = SampleIntervalMinutes;
        if (!(s > 0) || !double.IsFinite(s)) Fail($"sample interval (--interval) {M(s)} must be above 0");
        if (Math.Abs(s * 60_000 - Math.Round(s * 60_000)) > 1e-6) Fail($"sample interval (--interval) {M(s)} must be a whole number of milliseconds");
        if (!(RunMinutes >= s)) Fail($"run length (--run) {M(RunMinutes)} must be at least one sample interval ({M(s)})");
        OnGrid("run length (--run)", RunMinutes);
        if (!(AnalysisStartMinutes >= 0)) Fail($"analysis start (--analysis-start) {M(AnalysisStartMinutes)} must be 0 min or later");
        OnGrid("analysis start (--analysis-start)", AnalysisStartMinutes);
        OnGrid("analysis end (--analysis-end)", AnalysisEndMinutes);
        if (!(AnalysisEndMinutes > AnalysisStartMinutes)) Fail($"analysis end (--analysis-end) {M(AnalysisEndMinutes)} must be after the analysis start {M(AnalysisStartMinutes)}");
        if (AnalysisEndMinutes > RunMinutes + 1e-9) Fail($"analysis end (--analysis-end) {M(AnalysisEndMinutes)} is after the end of the run (--run) {M(RunMinutes)}");
        if (WindowsMinutes is not { Length: > 0 }) Fail("observation windows (--windows): give at least one");
        double period = AnalysisEndMinutes - AnalysisStartMinutes;
        foreach (double p in WindowsMinutes)
        {
            if (!(p > 0)) Fail($"observation window (--windows) {M(p)} must be above 0");
            OnGrid("observation window (--windows)", p);
            if (p > period + 1e-9) Fail($"observation window (--windows) {M(p)} is longer than the analysis period {M(period)} ({M(AnalysisStartMinutes)} to {M(AnalysisEndMinutes)})");
        }
        if (!(DensityMilligramsPerMicroliter >= MinDensity && DensityMilligramsPerMicroliter <= MaxDensity))
            Fail(string.Create(CultureInfo.InvariantCulture, $"density (--density) {DensityMilligramsPerMicroliter} mg/uL is outside {MinDensity}..{MaxDensity} mg/uL (water is 0.998; give it in mg/uL, which is g/mL)"));
        if (!(Math.Abs(EvaporationMilligramsPerHour) <= MaxEvaporation))
            Fail(string.Create(CultureInfo.InvariantCulture, $"evaporation (--evaporation) {EvaporationMilligramsPerHour} mg/h is outside -{MaxEvaporation}..{MaxEvaporation} mg/h (give it in mg per hour)"));
        if (!(ClaimPercent > 0 && ClaimPercent <= 100))
            Fail(string.Create(CultureInfo.InvariantCulture, $"accuracy claim (--claim) {ClaimPercent} % must be above 0 % and at most 100 %"));
    }

    private void OnGrid(string what, double minutes)
    {
        double samples = minutes / SampleIntervalMinutes;
        if (Math.Abs(samples - Math.Round(samples)) > 1e-6)
            Fail($"{what} {M(minutes)} is not a whole number of sample intervals ({M(SampleIntervalMinutes)})");
    }

    private static void Fail(string message) => throw new ArgumentException(message);

    private static string M(double minutes) => string.Create(CultureInfo.InvariantCulture, $"{minutes:0.####} min");
}
