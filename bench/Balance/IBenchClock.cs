namespace OpenIdds.Bench.Balance;

/// <summary>
/// The recorder's time: milliseconds since an arbitrary start, and a way to wait. Injected so that tests
/// run a two-hour recording in no time (a fake clock) or a few minutes in a few seconds (a scaled one),
/// and the measured times they check are deterministic.
/// </summary>
public interface IBenchClock
{
    long ElapsedMilliseconds { get; }

    void Sleep(long milliseconds);
}

/// <summary>The real clock: a monotonic stopwatch (never the wall-clock date, which NTP can step) and Thread.Sleep.</summary>
public sealed class WallClock : IBenchClock
{
    private readonly System.Diagnostics.Stopwatch _watch = System.Diagnostics.Stopwatch.StartNew();

    public long ElapsedMilliseconds => _watch.ElapsedMilliseconds;

    public void Sleep(long milliseconds)
    {
        if (milliseconds > 0) System.Threading.Thread.Sleep(TimeSpan.FromMilliseconds(milliseconds));
    }
}
