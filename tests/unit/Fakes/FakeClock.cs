using OpenIdds.Hal;

namespace OpenIdds.Tests.Unit.Fakes
{
    /// <summary>A clock the test moves by hand.</summary>
    public sealed class FakeClock : IMonotonicClock
    {
        public long ElapsedMilliseconds { get; set; }
    }
}
