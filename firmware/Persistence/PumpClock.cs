using OpenIdds.Hal;

namespace OpenIdds.Firmware.Persistence
{
    /// <summary>
    /// Pump time: the board's monotonic clock plus the time recovered from the journal, so times stored
    /// before a reset (scheduler position, bolus end, lockouts) stay valid after it. Time with the power
    /// off does not count (the board cannot know it), which is the safe direction: no catch-up for the
    /// off time, lockouts and 24 h windows last longer, never shorter.
    /// </summary>
    public sealed class PumpClock : IMonotonicClock
    {
        private readonly IMonotonicClock _board;
        private readonly long _offset;

        public PumpClock(IMonotonicClock board, long recoveredPumpTime)
        {
            _board = board;
            _offset = recoveredPumpTime - board.ElapsedMilliseconds;
        }

        public long ElapsedMilliseconds { get { return _board.ElapsedMilliseconds + _offset; } }
    }
}
