using System;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Safety
{
    /// <summary>
    /// One rolling window of the over-infusion guard: forward steps and the allowed volume, kept in the
    /// same equal buckets and compared over the same buckets, so a bucket leaving the window takes its
    /// steps and its allowance with it. The window is the current bucket plus the
    /// <c>buckets - 1</c> before it. Allowance is in nL/h x ms (the allowed rate integrated exactly, the
    /// scheduler's unit), so nothing is lost to rounding. Storage is allocated once: counting a step
    /// never allocates.
    /// The limit is the allowed volume plus a proportional and an absolute tolerance. The absolute part
    /// covers step quantization and the moments a rate change reaches the scheduler and the guard in
    /// different order; the proportional part lets a long window ignore nothing but noise.
    /// </summary>
    public sealed class GuardWindow
    {
        private readonly long[] _steps;
        private readonly long[] _allowed;
        private readonly long _bucketLength;
        private readonly long _toleranceUnits;
        private readonly int _tolerancePercent;
        private long _stepSum;
        private long _allowedSum;
        private long _bucketStart;
        private int _bucket;
        private long _accountedTo;

        /// <param name="buckets">Buckets in the window (at least 1).</param>
        /// <param name="bucketMilliseconds">Length of one bucket, ms.</param>
        /// <param name="tolerance">The absolute tolerance.</param>
        /// <param name="tolerancePercent">The proportional tolerance, percent of the allowed volume in the window (0..100).</param>
        /// <param name="start">Where the first bucket starts (the clock now).</param>
        public GuardWindow(int buckets, long bucketMilliseconds, Nanoliters tolerance, int tolerancePercent, long start)
        {
            if (buckets < 1) throw new ArgumentOutOfRangeException("buckets", "guard window buckets " + buckets.ToString() + " must be at least 1");
            if (bucketMilliseconds < 1) throw new ArgumentOutOfRangeException("bucketMilliseconds", "guard bucket length " + bucketMilliseconds.ToString() + " ms must be at least 1 ms");
            if (tolerance.Value < 0) throw new ArgumentOutOfRangeException("tolerance", "over-infusion tolerance " + tolerance.Value.ToString() + " nL must be at least 0 nL");
            if (tolerancePercent < 0 || tolerancePercent > 100)
            {
                throw new ArgumentOutOfRangeException("tolerancePercent", "over-infusion tolerance " + tolerancePercent.ToString() + " % is outside 0..100 %");
            }
            _steps = new long[buckets];
            _allowed = new long[buckets];
            _bucketLength = bucketMilliseconds;
            _toleranceUnits = tolerance.Value * Milliseconds.PerHour;
            _tolerancePercent = tolerancePercent;
            _bucketStart = start;
            _accountedTo = start;
        }

        /// <summary>How far back the window reaches at most (all its buckets).</summary>
        public Milliseconds Length { get { return new Milliseconds(_steps.Length * _bucketLength); } }

        /// <summary>Forward steps counted in the window.</summary>
        public long Steps { get { return _stepSum; } }

        /// <summary>Allowed volume in the window, nL/h x ms.</summary>
        public long AllowedUnits { get { return _allowedSum; } }

        /// <summary>The allowed volume plus both tolerances, nL/h x ms: what the steps in the window may reach.</summary>
        public long LimitUnits
        {
            // Divided before it is multiplied, so even 1 L/h for a whole day cannot overflow; what the
            // division drops is below 100 units (3e-8 nL).
            get { return _allowedSum + _allowedSum / 100 * _tolerancePercent + _toleranceUnits; }
        }

        /// <summary>True if one more step of <paramref name="stepUnits"/> stays within <see cref="LimitUnits"/>.</summary>
        public bool Admits(long stepUnits) { return (_stepSum + 1) * stepUnits <= LimitUnits; }

        /// <summary>Counts one forward step in the current bucket.</summary>
        public void Count()
        {
            _steps[_bucket]++;
            _stepSum++;
        }

        /// <summary>Empties the window (a clinician reset); the buckets keep their place in time.</summary>
        public void Clear()
        {
            for (int i = 0; i < _steps.Length; i++) { _steps[i] = 0; _allowed[i] = 0; }
            _stepSum = 0;
            _allowedSum = 0;
        }

        /// <summary>
        /// Brings the window up to <paramref name="now"/> with <paramref name="rate"/> (nL/h) allowed since
        /// the last call - zero while delivery is not allowed - rolling out the buckets passed.
        /// </summary>
        public void Advance(long now, long rate)
        {
            if (now <= _accountedTo) return;
            long passed = (now - _bucketStart) / _bucketLength;
            if (passed >= _steps.Length)
            {
                // Every bucket of the window lies inside [accounted, now): lay it out in one go, so a
                // pump idle for months does not walk every bucket it slept through.
                _bucketStart += passed * _bucketLength;
                _bucket = (int)((_bucket + passed) % _steps.Length);
                _stepSum = 0;
                _allowedSum = 0;
                for (int i = 0; i < _steps.Length; i++)
                {
                    _steps[i] = 0;
                    _allowed[i] = i == _bucket ? 0 : rate * _bucketLength;
                    _allowedSum += _allowed[i];
                }
                _accountedTo = _bucketStart;
            }
            while (_accountedTo < now)
            {
                long bucketEnd = _bucketStart + _bucketLength;
                long end = now < bucketEnd ? now : bucketEnd;
                long added = rate * (end - _accountedTo);
                _allowed[_bucket] += added;
                _allowedSum += added;
                _accountedTo = end;
                if (end == bucketEnd)
                {
                    _bucket = (_bucket + 1) % _steps.Length;
                    _bucketStart = bucketEnd;
                    _stepSum -= _steps[_bucket];
                    _allowedSum -= _allowed[_bucket];
                    _steps[_bucket] = 0;
                    _allowed[_bucket] = 0;
                }
            }
        }
    }
}
