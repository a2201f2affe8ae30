namespace OpenIdds.Bench.Balance;

/// <summary>The first ticks of a recording brought no weight: <see cref="Received"/> holds what the balance sent instead, <see cref="Suggestion"/> the likely cause.</summary>
public sealed class BalanceGivesNoWeightException(int ticks, IReadOnlyList<string> received, string suggestion)
    : IOException($"no weight in the first {ticks} readings")
{
    public int Ticks => ticks;
    public IReadOnlyList<string> Received => received;
    public string Suggestion => suggestion;
}
