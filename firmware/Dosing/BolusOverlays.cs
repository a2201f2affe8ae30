using System;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Dosing
{
    /// <summary>
    /// A basal profile with boluses laid over it: each bolus adds its own rate on [start, end).
    /// The slots are allocated once, so granting, ending and expiring boluses never allocates.
    /// Overlays may only change the future (a start before "now" is the caller's bug), which keeps
    /// the scheduler's past integral true.
    /// </summary>
    public sealed class BolusOverlays : IRateProfile
    {
        public const int Capacity = 4;

        private IRateProfile _basal;
        private readonly long[] _start = new long[Capacity];
        private readonly long[] _end = new long[Capacity];
        private readonly NanolitersPerHour[] _rate = new NanolitersPerHour[Capacity];
        private readonly bool[] _used = new bool[Capacity];

        public BolusOverlays(IRateProfile basal) { _basal = basal; }

        public IRateProfile Basal { get { return _basal; } set { _basal = value; } }

        public int ActiveCount
        {
            get
            {
                int n = 0;
                for (int i = 0; i < Capacity; i++) if (_used[i]) n++;
                return n;
            }
        }

        /// <summary>Slot <paramref name="slot"/>'s bolus if it is in use (for storing a bolus in progress).</summary>
        public bool TryGet(int slot, out Milliseconds start, out Milliseconds end, out NanolitersPerHour rate)
        {
            start = new Milliseconds(_start[slot]);
            end = new Milliseconds(_end[slot]);
            rate = _rate[slot];
            return _used[slot];
        }

        /// <summary>Lays a bolus of <paramref name="rate"/> over [start, start + duration). Returns its slot.</summary>
        public int Add(Milliseconds start, Milliseconds duration, NanolitersPerHour rate)
        {
            RateLimit.Check(rate, "bolus rate");
            // OVERLAYS-BOUNDED: the boluses together stay within the schedulable rate, so basal plus
            // boluses is at most twice it and the scheduler's rate x piece cannot overflow 64 bits.
            long together = rate.Value;
            for (int i = 0; i < Capacity; i++) if (_used[i]) together += _rate[i].Value;
            if (together > NanolitersPerHour.MaxSchedulable)
            {
                throw new ArgumentOutOfRangeException("rate", "bolus rates together " + together.ToString() + " nL/h are above the limit " + NanolitersPerHour.MaxSchedulable.ToString() + " nL/h");
            }
            if (duration.Value <= 0)
            {
                throw new ArgumentOutOfRangeException("duration", "bolus duration " + duration.Value.ToString() + " ms must be above 0 ms");
            }
            for (int i = 0; i < Capacity; i++)
            {
                if (_used[i]) continue;
                _used[i] = true;
                _start[i] = start.Value;
                _end[i] = start.Value + duration.Value;
                _rate[i] = rate;
                return i;
            }
            throw new InvalidOperationException("bolus overlays: all " + Capacity.ToString() + " slots are in use");
        }

        /// <summary>Ends a bolus at <paramref name="now"/> (a stop, an alarm); the volume not yet due is never given.</summary>
        public void EndAt(int slot, Milliseconds now)
        {
            if (!_used[slot]) return;
            if (_end[slot] > now.Value) _end[slot] = now.Value > _start[slot] ? now.Value : _start[slot];
            if (_end[slot] <= _start[slot]) _used[slot] = false;
        }

        /// <summary>Frees the slots of boluses that ended at or before <paramref name="now"/>.</summary>
        public void Expire(Milliseconds now)
        {
            for (int i = 0; i < Capacity; i++)
            {
                if (_used[i] && _end[i] <= now.Value) _used[i] = false;
            }
        }

        public NanolitersPerHour RateAt(Milliseconds t, out Milliseconds nextChange)
        {
            long rate = _basal.RateAt(t, out nextChange).Value;
            long next = nextChange.Value;
            for (int i = 0; i < Capacity; i++)
            {
                if (!_used[i]) continue;
                if (t.Value < _start[i])
                {
                    if (_start[i] < next) next = _start[i];
                }
                else if (t.Value < _end[i])
                {
                    rate += _rate[i].Value;
                    if (_end[i] < next) next = _end[i];
                }
            }
            nextChange = new Milliseconds(next);
            return new NanolitersPerHour(rate);
        }
    }
}
