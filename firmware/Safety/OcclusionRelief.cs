using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Units;
using OpenIdds.Hal;

namespace OpenIdds.Firmware.Safety
{
    /// <summary>
    /// OCCLUSION-RELIEF-PACED: the held strokes are taken back through a dosing scheduler on a ramp, a
    /// step at a time as the supervisor ticks, never back to back. A motor with a pump head cannot start
    /// at the rate of consecutive GPIO writes: it loses step and stays put, while a step/dir driver
    /// counts every pulse as done. The ramp starts at <see cref="StartStepsPerSecond"/> and doubles every
    /// <see cref="RampStageMilliseconds"/> up to <see cref="MaximumStepsPerSecond"/> (512 strokes in
    /// about 13 s). Both stay at or below the rate the head starts at from rest (the simulator's
    /// `head_start_steps_per_second`, 50): a rate the head can start at needs no acceleration, whereas a
    /// step up beyond it needs more than a loaded head has (docs/simulator.md).
    /// </summary>
    public sealed class OcclusionRelief
    {
        public const int StartStepsPerSecond = 20;
        public const int MaximumStepsPerSecond = 40;
        public const long RampStageMilliseconds = 250;

        /// <summary>A stroke due longer ago than this is dropped by the scheduler (NO-CATCH-UP), never bunched with the next.</summary>
        public const long LateMilliseconds = 1000 / StartStepsPerSecond;

        private readonly IMotorDriver _motor;
        private Calibration _calibration;
        private DosingScheduler? _scheduler;
        private int _remaining;

        public OcclusionRelief(IMotorDriver motor, Calibration calibration)
        {
            _motor = motor;
            _calibration = calibration;
        }

        /// <summary>A new step volume for the next relief (a calibration is taken only while stopped, with no relief running).</summary>
        public void Recalibrate(Calibration calibration) { _calibration = calibration; }

        /// <summary>True from <see cref="Start"/> until the last stroke is taken back and the motor disabled.</summary>
        public bool Active { get { return _remaining > 0; } }

        /// <summary>Reverse strokes still to give.</summary>
        public int Remaining { get { return _remaining; } }

        /// <summary>True when <see cref="Tick"/> at <paramref name="now"/> would give a stroke (or drop one too late for it).</summary>
        public bool StrokeDue(Milliseconds now) { return _remaining > 0 && _scheduler != null && _scheduler.NextStepDue.Value <= now.Value; }

        /// <summary>When the next stroke is due, or <see cref="Milliseconds.Never"/> when none is.</summary>
        public Milliseconds NextWake { get { return _remaining > 0 && _scheduler != null ? _scheduler.NextStepDue : Milliseconds.Never; } }

        /// <summary>Begins taking back <paramref name="strokes"/> strokes from <paramref name="now"/>: the motor reverses and is enabled, nothing moves yet.</summary>
        public void Start(int strokes, Milliseconds now)
        {
            _remaining = strokes;
            if (strokes <= 0) return;
            _scheduler = new DosingScheduler(new ReliefRamp(_calibration, now), _calibration, now, new Milliseconds(LateMilliseconds));
            _motor.SetDirection(MotorDirection.Reverse);
            _motor.Enable();
        }

        /// <summary>Gives the strokes due by <paramref name="now"/>; after the last, disables the motor and turns it forward again.</summary>
        public void Tick(Milliseconds now)
        {
            if (_remaining <= 0 || _scheduler == null) return;
            int missed;
            // One stroke a tick at most: steps a late wake-up finds due are dropped, not bunched (the
            // relief then takes longer, and the remaining count is unchanged by them).
            if (_scheduler.Advance(now, out missed) > 0)
            {
                // A stop in between (the controller's, after a reset) leaves the driver disabled or forward.
                if (_motor.Direction != MotorDirection.Reverse) _motor.SetDirection(MotorDirection.Reverse);
                if (!_motor.Enabled) _motor.Enable();
                _motor.Step();
                _remaining--;
            }
            if (_remaining > 0) return;
            _motor.Disable();
            _motor.SetDirection(MotorDirection.Forward);
        }

        /// <summary>The ramp as a rate profile: the stage's step rate in the calibration's nL/h.</summary>
        private sealed class ReliefRamp : IRateProfile
        {
            private readonly Calibration _calibration;
            private readonly long _start;

            public ReliefRamp(Calibration calibration, Milliseconds start)
            {
                _calibration = calibration;
                _start = start.Value;
            }

            public NanolitersPerHour RateAt(Milliseconds t, out Milliseconds nextChange)
            {
                long stage = (t.Value - _start) / RampStageMilliseconds;
                if (stage < 0) stage = 0;
                long stepsPerSecond = StartStepsPerSecond;
                for (long i = 0; i < stage && stepsPerSecond < MaximumStepsPerSecond; i++) stepsPerSecond *= 2;
                if (stepsPerSecond >= MaximumStepsPerSecond)
                {
                    stepsPerSecond = MaximumStepsPerSecond;
                    nextChange = Milliseconds.Never;
                }
                else nextChange = new Milliseconds(_start + (stage + 1) * RampStageMilliseconds);
                // steps/s x pL/step x 3600 s/h / 1000 pL/nL
                return new NanolitersPerHour(stepsPerSecond * _calibration.PicolitersPerStep * 36 / 10);
            }
        }
    }
}
