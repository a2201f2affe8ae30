using System;
using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Units;
using OpenIdds.Hal;

namespace OpenIdds.Firmware.Safety
{
    /// <summary>
    /// OVER-INFUSION-GUARD, independent of the scheduler (like Prometra's flow-activated valve): it sits
    /// between the controller and the motor, counts every forward step that reaches the motor in a
    /// rolling one-hour window, and compares it with what the prescription allows in that window (the
    /// allowed rate, set by the therapy, integrated over time) plus a tolerance. One step over, and it
    /// disables the motor in the same call, drops every further step, and stays latched until a
    /// clinician resets it. It never asks the scheduler anything, so a broken scheduler cannot fool it.
    /// </summary>
    public sealed class OverInfusionGuard : IMotorDriver
    {
        /// <summary>Prometra's valve closes after at most 10 uL of over-flow; the same volume is the default tolerance.</summary>
        public static readonly Nanoliters DefaultTolerance = Nanoliters.FromMicroliters(10);

        public const int Buckets = 60;
        public const long BucketMilliseconds = 60000;

        private readonly IMotorDriver _motor;
        private readonly long _stepUnits;          // one step in nL/h x ms
        private readonly long _toleranceUnits;
        private readonly long[] _steps = new long[Buckets];
        private readonly long[] _allowed = new long[Buckets];
        private long _stepSum;
        private long _allowedSum;
        private long _bucketStart;                 // start of the current bucket
        private int _bucket;
        private long _accountedTo;
        private long _allowedRate;
        private bool _tripped;
        private long _trippedAt;
        private readonly IMonotonicClock _clock;

        public OverInfusionGuard(IMotorDriver motor, IMonotonicClock clock, Calibration calibration, Nanoliters tolerance)
        {
            if (tolerance.Value < 0) throw new ArgumentOutOfRangeException("tolerance", "over-infusion tolerance " + tolerance.Value.ToString() + " nL must be at least 0 nL");
            _motor = motor;
            _clock = clock;
            _stepUnits = calibration.StepThreshold;
            _toleranceUnits = tolerance.Value * Milliseconds.PerHour;
            long now = clock.ElapsedMilliseconds;
            _bucketStart = now;
            _accountedTo = now;
        }

        /// <summary>True once the guard has cut the motor; only <see cref="ClinicianReset"/> clears it.</summary>
        public bool Tripped { get { return _tripped; } }

        public Milliseconds TrippedAt { get { return new Milliseconds(_trippedAt); } }

        /// <summary>Steps counted in the current window.</summary>
        public long StepsInWindow { get { return _stepSum; } }

        /// <summary>
        /// What the prescription allows from now on: the highest basal rate plus every running bolus's
        /// rate. The therapy sets it whenever the prescription or a bolus changes - never the scheduler.
        /// </summary>
        public void SetAllowedRate(NanolitersPerHour rate)
        {
            Account(_clock.ElapsedMilliseconds);
            _allowedRate = rate.Value;
        }

        public void ClinicianReset()
        {
            _tripped = false;
            for (int i = 0; i < Buckets; i++) { _steps[i] = 0; _allowed[i] = 0; }
            _stepSum = 0;
            _allowedSum = 0;
        }

        public bool Enabled { get { return _motor.Enabled; } }
        public MotorDirection Direction { get { return _motor.Direction; } }
        public long CompletedSteps { get { return _motor.CompletedSteps; } }
        public bool CanDetectStall { get { return _motor.CanDetectStall; } }
        public bool Stalled { get { return _motor.Stalled; } }

        public void Enable()
        {
            if (!_tripped) _motor.Enable();
        }

        public void Disable() { _motor.Disable(); }

        public void SetDirection(MotorDirection direction) { _motor.SetDirection(direction); }

        public void Step()
        {
            if (_tripped) return;
            if (_motor.Direction != MotorDirection.Forward)
            {
                _motor.Step();
                return;
            }
            Account(_clock.ElapsedMilliseconds);
            if ((_stepSum + 1) * _stepUnits > _allowedSum + _toleranceUnits)
            {
                _motor.Disable();
                _tripped = true;
                _trippedAt = _accountedTo;
                return;
            }
            _steps[_bucket]++;
            _stepSum++;
            _motor.Step();
        }

        /// <summary>Integrates the allowed rate up to <paramref name="now"/>, rolling buckets out of the window.</summary>
        private void Account(long now)
        {
            while (_accountedTo < now)
            {
                long bucketEnd = _bucketStart + BucketMilliseconds;
                long end = now < bucketEnd ? now : bucketEnd;
                long added = _allowedRate * (end - _accountedTo);
                _allowed[_bucket] += added;
                _allowedSum += added;
                _accountedTo = end;
                if (end == bucketEnd)
                {
                    _bucket = (_bucket + 1) % Buckets;
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
