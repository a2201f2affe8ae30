namespace OpenIdds.Bench.Analysis;

/// <summary>
/// One row of the balance CSV. <c>TimeMilliseconds</c> is the reading's place on the sample grid (n x the
/// interval, from the start of the run); <c>MeasuredMilliseconds</c> is when the reply actually came, on
/// the same clock (null: exactly on time, as in the simulator or a synthetic file). <c>Gap</c> marks a
/// reading lost (overload, an error reply, silence, a pulled cable: <c>Note</c> says which), whose mass
/// is not invented; <c>Stable</c> is false for a dynamic (unsettled) reading. <c>Line</c> is the CSV
/// line it came from, 0 when it came from no file.
/// </summary>
public sealed record BalanceReading(long TimeMilliseconds, double MassMilligrams, bool Gap = false, bool Stable = true)
{
    public long? MeasuredMilliseconds { get; init; }
    public string Note { get; init; } = "";
    public int Line { get; init; }

    public long MeasuredOrNominalMilliseconds => MeasuredMilliseconds ?? TimeMilliseconds;

    /// <summary>Where an error about this reading points: its CSV line, or its time when it has none.</summary>
    public string Where => Line > 0 ? $"line {Line}" : $"the reading at {TimeMilliseconds} ms";
}
