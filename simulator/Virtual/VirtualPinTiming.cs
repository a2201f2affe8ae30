using OpenIdds.Hal;

namespace OpenIdds.Simulator.Virtual;

/// <summary>
/// The board's short holds in virtual nanoseconds: a hold advances <see cref="Nanoseconds"/>, which
/// the virtual GPIO driver stamps its edges with, so a pulse is exactly as wide as the driver held it
/// (the writes themselves take no time, the worst case of a fast memory-mapped GPIO).
/// </summary>
public sealed class VirtualPinTiming : IPinTiming
{
    public long Nanoseconds { get; private set; }

    public long ShortestHeldNanoseconds { get; private set; } = -1;

    public void HoldNanoseconds(int nanoseconds)
    {
        Nanoseconds += nanoseconds;
        if (ShortestHeldNanoseconds < 0 || nanoseconds < ShortestHeldNanoseconds) ShortestHeldNanoseconds = nanoseconds;
    }
}
