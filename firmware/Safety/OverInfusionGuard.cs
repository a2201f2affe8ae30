using System;
using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Units;
using OpenIdds.Hal;

namespace OpenIdds.Firmware.Safety
{
    /// <summary>
    /// OVER-INFUSION-GUARD, independent of the scheduler (like Prometra's flow-activated valve): it sits
    /// between the controller and the motor, counts every forward step that reaches the motor in two
    /// rolling windows, and compares each with what the prescription allows in it (the allowed rate,
    /// set by the therapy, integrated over time) plus that window's tolerance:
    /// - one hour (60 one-minute buckets), allowance + 10 uL: a burst or a fast runaway is cut within
    ///   minutes;
    /// - 24 hours (24 one-hour buckets), allowance + 10 % + 10 uL: a modest, sustained over-infusion
    ///   (1.4x at 20 uL/h stays inside the hour's 10 uL for ever) is cut within hours
    ///   (OVER-INFUSION-OVER-24H).
    /// The allowance accrues only while delivery is allowed - while the motor is enabled through the
    /// guard - so an hour stopped, suspended or alarm-stopped banks nothing that a burst could spend
    /// later (NO-IDLE-ALLOWANCE). One step over either limit, and it disables the motor in the same
    /// call, drops every further step, and stays latched until a clinician resets it. It never asks the
    /// scheduler anything, so a broken scheduler cannot fool it.
    /// </summary>
    public sealed class OverInfusionGuard : IMotorDriver
    {
        /// <summary>Prometra's valve closes after at most 10 uL of over-flow; the same volume is the default tolerance.</summary>
        public static readonly Nanoliters DefaultTolerance = Nanoliters.FromMicroliters(10);

        /// <summary>
        /// The 24 h window's proportional tolerance. SynchroMed calls more than +14.5 % an over-infusion;
        /// 10 % stays below that, so a sustained error at that bound trips the guard at every rate from
        /// 10 uL / (4.5 % x 24 h) = 9.3 uL/h up. The guard counts commanded steps, not fluid, so the
        /// mechanism's own error does not use any of it; the scheduler never runs ahead of the allowed
        /// rate by more than a step, so the prescribed therapy never comes near it.
        /// </summary>
        public const int DefaultDailyTolerancePercent = 10;

        public const int Buckets = 60;
        public const long BucketMilliseconds = 60000;
        public const int DailyBuckets = 24;
        public const long DailyBucketMilliseconds = 3600000;

        private readonly IMotorDriver _motor;
        private readonly IMonotonicClock _clock;
        private long _stepUnits;          // one step in nL/h x ms
        private readonly GuardWindow _hour;
        private readonly GuardWindow _day;
        private long _allowedRate;
        private bool _accruing;
        private bool _tripped;
        private long _trippedAt;
        private Milliseconds _trippedWindow;

        public OverInfusionGuard(IMotorDriver motor, IMonotonicClock clock, Calibration calibration, Nanoliters tolerance)
            : this(motor, clock, calibration, tolerance, DefaultDailyTolerancePercent)
        {
        }

        /// <param name="tolerance">Absolute tolerance of both windows.</param>
        /// <param name="dailyTolerancePercent">Proportional tolerance of the 24 h window (0..100 %).</param>
        public OverInfusionGuard(IMotorDriver motor, IMonotonicClock clock, Calibration calibration, Nanoliters tolerance, int dailyTolerancePercent)
        {
            if (tolerance.Value < 0) throw new ArgumentOutOfRangeException("tolerance", "over-infusion tolerance " + tolerance.Value.ToString() + " nL must be at least 0 nL");
            _motor = motor;
            _clock = clock;
            _stepUnits = calibration.StepThreshold;
            long now = clock.ElapsedMilliseconds;
            _hour = new GuardWindow(Buckets, BucketMilliseconds, tolerance, 0, now);
            _day = new GuardWindow(DailyBuckets, DailyBucketMilliseconds, tolerance, dailyTolerancePercent, now);
            _accruing = motor.Enabled;
        }

        /// <summary>True once the guard has cut the motor; only <see cref="ClinicianReset"/> clears it.</summary>
        public bool Tripped { get { return _tripped; } }

        public Milliseconds TrippedAt { get { return new Milliseconds(_trippedAt); } }

        /// <summary>The length of the window that tripped the guard (1 h or 24 h); zero while not tripped.</summary>
        public Milliseconds TrippedWindow { get { return _trippedWindow; } }

        /// <summary>Steps counted in the current one-hour window.</summary>
        public long StepsInWindow { get { return _hour.Steps; } }

        /// <summary>The one-hour window (bursts).</summary>
        public GuardWindow HourWindow { get { return _hour; } }

        /// <summary>The 24-hour window (sustained over-infusion).</summary>
        public GuardWindow DayWindow { get { return _day; } }

        /// <summary>
        /// What the prescription allows from now on: the highest basal rate plus every running bolus's
        /// rate. The therapy sets it whenever the prescription or a bolus changes - never the scheduler.
        /// It accrues only while the motor is enabled.
        /// </summary>
        public void SetAllowedRate(NanolitersPerHour rate)
        {
            Account(_clock.ElapsedMilliseconds);
            _allowedRate = rate.Value;
        }

        /// <summary>A new step volume: the windows start again empty, since steps counted at the old volume are no measure of the new.</summary>
        public void Recalibrate(Calibration calibration)
        {
            Account(_clock.ElapsedMilliseconds);
            _stepUnits = calibration.StepThreshold;
            _hour.Clear();
            _day.Clear();
        }

        public void ClinicianReset()
        {
            Account(_clock.ElapsedMilliseconds);
            _tripped = false;
            _trippedWindow = Milliseconds.Zero;
            _hour.Clear();
            _day.Clear();
        }

        public bool Enabled { get { return _motor.Enabled; } }
        public MotorDirection Direction { get { return _motor.Direction; } }
        public long CompletedSteps { get { return _motor.CompletedSteps; } }
        public bool CanDetectStall { get { return _motor.CanDetectStall; } }
        public bool Stalled { get { return _motor.Stalled; } }

        public void Enable()
        {
            if (_tripped) return;
            Account(_clock.ElapsedMilliseconds);
            _motor.Enable();
            _accruing = true;
        }

        public void Disable()
        {
            Account(_clock.ElapsedMilliseconds);
            _motor.Disable();
            _accruing = false;
        }

        public void SetDirection(MotorDirection direction) { _motor.SetDirection(direction); }

        public void Step()
        {
            if (_tripped) return;
            if (_motor.Direction != MotorDirection.Forward)
            {
                _motor.Step();
                return;
            }
            long now = _clock.ElapsedMilliseconds;
            Account(now);
            bool hourOk = _hour.Admits(_stepUnits);
            if (!hourOk || !_day.Admits(_stepUnits))
            {
                _motor.Disable();
                _accruing = false;
                _tripped = true;
                _trippedAt = now;
                _trippedWindow = hourOk ? _day.Length : _hour.Length;
                return;
            }
            _hour.Count();
            _day.Count();
            _motor.Step();
        }

        /// <summary>Integrates the allowed rate up to <paramref name="now"/> - zero while delivery is not allowed.</summary>
        private void Account(long now)
        {
            long rate = _accruing ? _allowedRate : 0;
            _hour.Advance(now, rate);
            _day.Advance(now, rate);
        }
    }
}
