namespace OpenIdds.Bench.Balance;

/// <summary>
/// The wait before the next attempt to open a balance that is not there: 250 ms, doubling, capped at
/// 8 s. Short at first because a USB-serial adapter plugged back in reappears within a second; capped so
/// that the recording resumes within a few seconds of the balance coming back, however long it was away.
/// </summary>
public sealed class ReconnectBackoff
{
    public const long FirstMilliseconds = 250, CapMilliseconds = 8_000;

    private long _next = FirstMilliseconds;

    public int Attempts { get; private set; }

    public long Next()
    {
        long wait = _next;
        _next = Math.Min(CapMilliseconds, _next * 2);
        Attempts++;
        return wait;
    }

    public void Reset()
    {
        _next = FirstMilliseconds;
        Attempts = 0;
    }
}
