using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Protocol
{
    /// <summary>
    /// AUTH-FAILURES-RATE-LIMITED: more than <see cref="FailuresAllowed"/> authentication failures
    /// within <see cref="Window"/> start a lockout that doubles each time, up to an hour; a valid
    /// command resets the doubling. During a lockout ProtocolEndpoint logs no failure, which bounds the
    /// event log to six failure lines and a lockout line per lockout. ProtocolEndpoint keeps one per
    /// role (its bad MACs and replays) and one for wrong-role frames, and never refuses a frame whose
    /// MAC holds because of one (VALID-KEY-NEVER-LOCKED-OUT): a sender without a key can quiet the log,
    /// not deny a role its commands.
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
