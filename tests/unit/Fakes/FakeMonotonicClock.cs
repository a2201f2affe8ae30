using OpenIdds.Hal;

namespace OpenIdds.Tests.Unit.Fakes
{
    /// <summary>The HAL's monotonic clock, moved by hand.</summary>
    public sealed class FakeMonotonicClock : IMonotonicClock
    {
        public long ElapsedMilliseconds { get; set; }
    }
}
