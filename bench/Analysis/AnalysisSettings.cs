namespace OpenIdds.Bench.Analysis;

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

    /// <summary>The accuracy claimed for the pump: pass when |A| is within it (percent).</summary>
    public double ClaimPercent { get; init; } = 5;

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
}
