using System.Globalization;

namespace OpenIdds.Bench.Balance;

/// <summary>
/// Where a recording stands after a tick: what the live display shows. The flow is over the readings of
/// the last <see cref="FlowWindowMilliseconds"/>, in uL/h at the density of water, against the set rate
/// when one was given.
/// </summary>
public sealed record RecordingStatus(long ElapsedMilliseconds, long DurationMilliseconds, double? LastMilligrams, double? FlowMicrolitersPerHour, double? SetRateMicrolitersPerHour, int Readings, int Gaps, int Reconnects, string? LastGap)
{
    public const long FlowWindowMilliseconds = 5 * 60_000;
    public const double WaterMilligramsPerMicroliter = 0.998;

    public long RemainingMilliseconds => Math.Max(0, DurationMilliseconds - ElapsedMilliseconds);

    /// <summary>One line: elapsed and remaining, the last mass, the recent flow against the rate, gaps and reconnects.</summary>
    public string Line()
    {
        string mass = LastMilligrams is double m ? string.Create(CultureInfo.InvariantCulture, $"{m / 1000:0.00000} g") : "no weight yet";
        string flow = FlowMicrolitersPerHour is double q
            ? string.Create(CultureInfo.InvariantCulture, $"flow {q:0.###} uL/h over the last {FlowWindowMilliseconds / 60_000} min")
              + (SetRateMicrolitersPerHour is double r ? string.Create(CultureInfo.InvariantCulture, $" (--rate {r:0.###}: {100 * (q - r) / r:+0.0;-0.0;0.0} %)") : "")
            : "flow: not yet";
        return $"{Clock(ElapsedMilliseconds)} elapsed, {Clock(RemainingMilliseconds)} left | {mass} | {flow} | {Readings} readings, {Gaps} gaps, {Reconnects} reconnects"
            + (LastGap != null ? $" | last gap: {LastGap}" : "");
    }

    private static string Clock(long ms) => string.Create(CultureInfo.InvariantCulture, $"{ms / 3_600_000}:{ms / 60_000 % 60:00}:{ms / 1000 % 60:00}");
}
