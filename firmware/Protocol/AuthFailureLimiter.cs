using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Protocol
{
    /// <summary>
    /// AUTH-FAILURES-RATE-LIMITED: more than <see cref="FailuresAllowed"/> authentication failures
    /// (bad MAC, replay, wrong role) within <see cref="Window"/> refuse every authenticated command for
    /// a lockout that doubles each time, up to an hour; a valid command resets it. It bounds a key
    /// search on the line to a few guesses a minute, and (ProtocolEndpoint logs no failure during a
    /// lockout) the event log to six failure lines and a lockout line per lockout. One limiter
    /// for the whole link: a frame's claimed role is the attacker's choice.
    /// </summary>
    public sealed class AuthFailureLimiter
    {
        public const int FailuresAllowed = 5;
        public static readonly Milliseconds Window = Milliseconds.FromMinutes(1);
        public static readonly Milliseconds FirstLockout = Milliseconds.FromMinutes(1);
        public static readonly Milliseconds MaxLockout = Milliseconds.FromHours(1);

        private readonly long[] _failures = new long[FailuresAllowed];
        private int _next;

        public AuthFailureLimiter() { Clear(); }
        private long _lockedUntil = long.MinValue;
        private long _lockout = FirstLockout.Value;

        public bool LockedOut(Milliseconds now) { return now.Value < _lockedUntil; }

        public Milliseconds LockedUntil { get { return new Milliseconds(_lockedUntil); } }

        /// <summary>The lockout the next one will last.</summary>
        public Milliseconds NextLockout { get { return new Milliseconds(_lockout); } }

        /// <summary>Counts a failure; true when it started a lockout.</summary>
        public bool Failed(Milliseconds now)
        {
            long oldest = _failures[_next];
            _failures[_next] = now.Value;
            _next = (_next + 1) % FailuresAllowed;
            bool full = oldest != long.MinValue && now.Value - oldest < Window.Value;
            if (!full || LockedOut(now)) return false;
            _lockedUntil = now.Value + _lockout;
            _lockout = _lockout * 2 > MaxLockout.Value ? MaxLockout.Value : _lockout * 2;
            Clear();
            return true;
        }

        public void Succeeded()
        {
            _lockout = FirstLockout.Value;
            Clear();
        }

        private void Clear()
        {
            for (int i = 0; i < FailuresAllowed; i++) _failures[i] = long.MinValue;
        }
    }
}
