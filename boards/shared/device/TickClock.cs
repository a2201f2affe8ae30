using System;
using OpenIdds.Hal;

namespace OpenIdds.Boards
{
    /// <summary>nanoFramework's 64-bit millisecond tick: monotonic since boot, never wraps in the pump's lifetime.</summary>
    public sealed class TickClock : IMonotonicClock
    {
        public long ElapsedMilliseconds { get { return Environment.TickCount64; } }
    }
}
