using System.Diagnostics;
using System.Threading;
using OpenIdds.Bench.Balance;

namespace OpenIdds.Tests.Host.Bench;

/// <summary>Accelerated real time: <c>Factor</c> milliseconds of run for each wall millisecond, so minutes of recording take seconds.</summary>
public sealed class ScaledClock(double factor) : IBenchClock
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();

    public double Factor => factor;

    public long ElapsedMilliseconds => (long)(_watch.Elapsed.TotalMilliseconds * factor);

    public void Sleep(long milliseconds)
    {
        if (milliseconds > 0) Thread.Sleep(TimeSpan.FromMilliseconds(milliseconds / factor));
    }

    /// <summary>Blocks until the clock reads <paramref name="milliseconds"/>.</summary>
    public void WaitUntil(long milliseconds)
    {
        while (ElapsedMilliseconds < milliseconds) Thread.Sleep(1);
    }
}
