namespace OpenIdds.Bench.Analysis;

/// <summary>One balance reading: time since the start of the run and the mass on the pan. <c>Gap</c> marks a reading lost to a disconnection.</summary>
public sealed record BalanceReading(long TimeMilliseconds, double MassMilligrams, bool Gap = false);
