using System.Diagnostics;
using OpenIdds.Hal;

namespace OpenIdds.Boards.LinuxSbc;

/// <summary>
/// STEP-TIMING-MET on a Raspberry Pi: .NET IoT's memory-mapped GPIO writes about 100 ns apart, so the
/// hold spins on the high-resolution timer, and records the shortest time it actually held - from the
/// write before it returning to the write after it starting - for the self-test to check against the
/// chip's figure.
/// </summary>
public sealed class StopwatchPinTiming : IPinTiming
{
    public long ShortestHeldNanoseconds { get; private set; } = -1;

    public void HoldNanoseconds(int nanoseconds)
    {
        long start = Stopwatch.GetTimestamp();
        long until = start + (nanoseconds * Stopwatch.Frequency + 999_999_999) / 1_000_000_000;
        long now;
        do now = Stopwatch.GetTimestamp(); while (now < until);
        long held = (now - start) * 1_000_000_000 / Stopwatch.Frequency;
        if (ShortestHeldNanoseconds < 0 || held < ShortestHeldNanoseconds) ShortestHeldNanoseconds = held;
    }
}
