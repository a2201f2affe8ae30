using System;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Dosing
{
    /// <summary>
    /// The deterministic dosing scheduler: it turns a rate profile and a calibration into the exact
    /// due time of every motor step, with integer arithmetic only.
    ///
    /// It integrates the profile in an accumulator whose unit is nL/h x ms: each millisecond adds the
    /// rate in nL/h, and a step is due the first millisecond the sum reaches a step's threshold
    /// (<see cref="Calibration.StepThreshold"/>). The ideal delivered volume at t is therefore exactly
    /// accumulated(t) / 3.6e6 nL, and steps due by t are exactly floor(accumulated(t) / threshold):
    /// delivered volume is always within one step of the ideal integral, across any number of rate
    /// changes and for any length of time, because only the remainder below one step is kept
    /// (Klipper's rule: absolute integer schedule, never accumulated sleeps). EXACT-INTEGRAL: so no
    /// rounding error can build up over years of rate changes.
    ///
    /// It is pull-based: <see cref="NextStepDue"/> says when to wake, and <see cref="Advance"/> says
    /// how many steps to take now. A step more than <see cref="LateTolerance"/> late is reported as
    /// missed and dropped, never made up with a burst (hazard H-STALL-BURST, docs/hazards.md).
    /// NO-STEADY-STATE-ALLOCATION: nothing here allocates after construction, so the device's garbage
    /// collector never pauses the dosing loop.
    /// </summary>
    public sealed class DosingScheduler
    {
        /// <summary>
        /// No scheduling piece is longer than this, so rate x piece stays below 2^62 even at twice
        /// <see cref="NanolitersPerHour.MaxSchedulable"/> - a basal at the limit plus boluses that
        /// together stay within it (BolusOverlays refuses more).
        /// </summary>
        public const long MaxPieceMilliseconds = 1L << 31;

        /// <summary>How far ahead <see cref="NextStepDue"/> looks; beyond it the scheduler asks to be woken to look again.</summary>
        public static readonly Milliseconds Horizon = Milliseconds.FromDays(2);

        private readonly Calibration _calibration;
        private readonly long _threshold;
        private readonly Milliseconds _lateTolerance;
        private IRateProfile _profile;

        private long _integratedTo;   // the accumulator holds the integral up to this time
        private long _remainder;      // accumulated - steps x threshold, always in [0, threshold)
        private long _nextDue;
        private long _stepsDue;
        private long _stepsMissed;

        public DosingScheduler(IRateProfile profile, Calibration calibration, Milliseconds start, Milliseconds lateTolerance)
            : this(profile, calibration, new SchedulerPosition(start, 0, 0, 0), lateTolerance)
        {
        }

        /// <summary>Resumes from a stored position (after a reset the delivered count goes on, never restarts).</summary>
        public DosingScheduler(IRateProfile profile, Calibration calibration, SchedulerPosition position, Milliseconds lateTolerance)
        {
            if (lateTolerance.Value < 0)
            {
                throw new ArgumentOutOfRangeException("lateTolerance", "lateTolerance " + lateTolerance.Value.ToString() + " ms must be at least 0 ms");
            }
            _calibration = calibration;
            _threshold = calibration.StepThreshold;
            if (position.Remainder < 0 || position.Remainder >= _threshold)
            {
                throw new ArgumentOutOfRangeException("position", "position remainder " + position.Remainder.ToString() + " is outside 0.." + (_threshold - 1).ToString());
            }
            _lateTolerance = lateTolerance;
            _profile = profile;
            _integratedTo = position.IntegratedTo.Value;
            _remainder = position.Remainder;
            _stepsDue = position.StepsDue;
            _stepsMissed = position.StepsMissed;
            _nextDue = FindNextDue();
        }

        public Calibration Calibration { get { return _calibration; } }
        public Milliseconds LateTolerance { get { return _lateTolerance; } }
        public IRateProfile Profile { get { return _profile; } }

        /// <summary>When the next step is due; a device may sleep until then. <see cref="Milliseconds.Never"/> if no step ever is.</summary>
        public Milliseconds NextStepDue { get { return new Milliseconds(_nextDue); } }

        /// <summary>Steps that fell due and were handed out to be taken.</summary>
        public long StepsTaken { get { return _stepsDue - _stepsMissed; } }

        /// <summary>Steps that fell due but were more than the late tolerance late, and were dropped.</summary>
        public long StepsMissed { get { return _stepsMissed; } }

        /// <summary>Every step that has fallen due, taken or missed: floor(ideal integral / step).</summary>
        public long StepsDue { get { return _stepsDue; } }

        /// <summary>Where the scheduler stands, to store and to resume from.</summary>
        public SchedulerPosition Position { get { return new SchedulerPosition(new Milliseconds(_integratedTo), _remainder, _stepsDue, _stepsMissed); } }

        /// <summary>
        /// Brings the schedule up to <paramref name="now"/>. Returns the steps to take now; steps that
        /// were due more than the late tolerance ago are counted in <paramref name="missed"/> instead.
        /// </summary>
        public int Advance(Milliseconds now, out int missed)
        {
            missed = 0;
            if (now.Value <= _integratedTo) return 0;
            long lateBoundary = now.Value - _lateTolerance.Value - 1;
            long lost = 0;
            if (_nextDue <= lateBoundary) lost = IntegrateTo(lateBoundary);
            long take = IntegrateTo(now.Value);
            _stepsMissed += lost;
            _nextDue = FindNextDue();
            missed = lost > int.MaxValue ? int.MaxValue : (int)lost;
            return take > int.MaxValue ? int.MaxValue : (int)take;
        }

        /// <summary>
        /// Switches to a new profile from <paramref name="now"/> on. Call <see cref="Advance"/> with the
        /// same <paramref name="now"/> first, so that every step due under the old profile is accounted.
        /// REMAINDER-CARRIES: the remainder carries over, so a rate change never loses or repeats a
        /// part-step.
        /// </summary>
        public void ChangeProfile(IRateProfile profile, Milliseconds now)
        {
            if (now.Value > _integratedTo)
            {
                throw new InvalidOperationException("ChangeProfile at " + now.Value.ToString() + " ms: Advance to that time first (integrated to " + _integratedTo.ToString() + " ms)");
            }
            _profile = profile;
            _nextDue = FindNextDue();
        }

        /// <summary>Moves this scheduler to a stored position (a scratch copy looking ahead, or a recovery) without allocating.</summary>
        public void MoveTo(SchedulerPosition position, IRateProfile profile)
        {
            if (position.Remainder < 0 || position.Remainder >= _threshold)
            {
                throw new ArgumentOutOfRangeException("position", "position remainder " + position.Remainder.ToString() + " is outside 0.." + (_threshold - 1).ToString());
            }
            _profile = profile;
            _integratedTo = position.IntegratedTo.Value;
            _remainder = position.Remainder;
            _stepsDue = position.StepsDue;
            _stepsMissed = position.StepsMissed;
            _nextDue = FindNextDue();
        }

        /// <summary>Re-reads the current profile from the present on (after its future changed, e.g. a bolus overlay).</summary>
        public void Replan() { _nextDue = FindNextDue(); }

        private long IntegrateTo(long target)
        {
            long steps = 0;
            while (_integratedTo < target)
            {
                Milliseconds change;
                long rate = _profile.RateAt(new Milliseconds(_integratedTo), out change).Value;
                long end = target;
                if (change.Value < end) end = change.Value;
                if (end - _integratedTo > MaxPieceMilliseconds) end = _integratedTo + MaxPieceMilliseconds;
                long total = _remainder + rate * (end - _integratedTo);
                steps += total / _threshold;
                _remainder = total % _threshold;
                _integratedTo = end;
            }
            _stepsDue += steps;
            return steps;
        }

        private long FindNextDue()
        {
            long t = _integratedTo;
            long remainder = _remainder;
            long horizon = _integratedTo + Horizon.Value;
            while (t < horizon)
            {
                Milliseconds change;
                long rate = _profile.RateAt(new Milliseconds(t), out change).Value;
                long end = change.Value;
                if (end - t > MaxPieceMilliseconds) end = t + MaxPieceMilliseconds;
                if (rate > 0)
                {
                    long wait = (_threshold - remainder + rate - 1) / rate;
                    if (wait <= end - t) return t + wait;
                    remainder += rate * (end - t);
                }
                else if (change.IsNever)
                {
                    return long.MaxValue;
                }
                t = end;
            }
            return horizon;
        }
    }
}
