using OpenIdds.Bench.Balance;

namespace OpenIdds.Tests.Host.Bench;

/// <summary>A clock that moves only when told: a sleep advances it at once, and a transport can charge it for the time a reply takes.</summary>
public sealed class FakeBenchClock : IBenchClock
{
    public long ElapsedMilliseconds { get; set; }
    public List<long> Sleeps { get; } = new();

    public void Sleep(long milliseconds)
    {
        Sleeps.Add(milliseconds);
        ElapsedMilliseconds += milliseconds;
    }
}
