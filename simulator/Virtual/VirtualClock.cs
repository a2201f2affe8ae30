using OpenIdds.Hal;

namespace OpenIdds.Simulator.Virtual;

/// <summary>Event-driven virtual time: it moves only when the simulation moves it, never by sleeping.</summary>
public sealed class VirtualClock : IMonotonicClock
{
    public long ElapsedMilliseconds { get; private set; }

    /// <summary>A reset: the monotonic clock starts again from zero, as a board's tick counter does.</summary>
    public void Reset() => ElapsedMilliseconds = 0;

    public void AdvanceTo(long milliseconds)
    {
        if (milliseconds < ElapsedMilliseconds) throw new System.ArgumentOutOfRangeException(nameof(milliseconds), $"virtual time cannot go back from {ElapsedMilliseconds} ms to {milliseconds} ms");
        ElapsedMilliseconds = milliseconds;
    }
}
