using System;
using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Units;
using OpenIdds.Hal;

namespace OpenIdds.Firmware.Control
{
    /// <summary>
    /// Runs the dosing scheduler against the hardware. A board (or the simulator) calls
    /// <see cref="Tick"/> whenever it wakes, and sleeps until <see cref="NextWake"/>; the controller
    /// reads time from the HAL clock and touches the world only through hal/ contracts.
    ///
    /// Safety rules kept here:
    /// - MOTOR-OFF-UNLESS-RUNNING: the motor is enabled only while running, and disabled in the same
    ///   tick that stops or faults the pump.
    /// - NO-CATCH-UP: steps the scheduler reports missed are counted and never taken.
    /// - STALL-STOPS: a stall reported by the motor driver stops delivery (SynchroMed recalls: a stalled
    ///   motor must raise a critical alarm and stop, never silently resume with a burst).
    /// </summary>
    public sealed class PumpController
    {
        /// <summary>
        /// The longest the controller sleeps when no step is due: the watchdog is kicked and the sensors
        /// are read at least this often. 30 s keeps an implanted pump's MCU asleep &gt; 99.9 % of the time
        /// between strokes minutes apart; the watchdog's timeout is a multiple of it.
        /// </summary>
        public static readonly Milliseconds MaxSleep = Milliseconds.FromSeconds(30);

        /// <summary>A step more than this late is missed, not taken (see DosingScheduler).</summary>
        public static readonly Milliseconds DefaultLateTolerance = Milliseconds.FromSeconds(2);

        private readonly PumpHardware _hardware;
        private Calibration _calibration;
        private DosingScheduler? _scheduler;
        private PumpState _state;
        private long _stepsTaken;
        private long _stepsMissed;
        private long _deadlineMisses;
        private Milliseconds _now;

        public PumpController(PumpHardware hardware, Calibration calibration)
        {
            _hardware = hardware;
            _calibration = calibration;
            _state = PumpState.Stopped;
            _hardware.Motor.Disable();
            _now = new Milliseconds(_hardware.Clock.ElapsedMilliseconds);
        }

        public PumpState State { get { return _state; } }

        public Calibration Calibration { get { return _calibration; } }

        /// <summary>A new step volume, taken only while stopped: the next start builds its scheduler on it.</summary>
        public void Recalibrate(Calibration calibration)
        {
            if (_state == PumpState.Running) throw new InvalidOperationException("calibration while running; the limit is stopped");
            _calibration = calibration;
        }

        /// <summary>The scheduler of the running therapy, null when stopped.</summary>
        public DosingScheduler? Scheduler { get { return _scheduler; } }

        /// <summary>Steps the motor was commanded to take, forward, since start-up.</summary>
        public long StepsTaken { get { return _stepsTaken; } }

        /// <summary>Steps that fell due but were dropped because they were late (never made up).</summary>
        public long StepsMissed { get { return _stepsMissed; } }

        /// <summary>Ticks in which at least one step was missed.</summary>
        public long DeadlineMisses { get { return _deadlineMisses; } }

        /// <summary>Volume delivered by commanded steps (computed from the calibration, not measured).</summary>
        public Nanoliters Delivered { get { return _calibration.VolumeOf(_stepsTaken); } }

        /// <summary>When the board should call <see cref="Tick"/> next.</summary>
        public Milliseconds NextWake
        {
            get
            {
                Milliseconds latest = _now + MaxSleep;
                if (_state != PumpState.Running || _scheduler == null) return latest;
                return Milliseconds.Min(_scheduler.NextStepDue, latest);
            }
        }

        /// <summary>Starts delivering <paramref name="profile"/> from now.</summary>
        public void Start(IRateProfile profile)
        {
            if (_state == PumpState.Faulted)
            {
                throw new InvalidOperationException("pump is faulted: a clinician must clear the fault before therapy restarts");
            }
            _now = new Milliseconds(_hardware.Clock.ElapsedMilliseconds);
            _scheduler = new DosingScheduler(profile, _calibration, _now, DefaultLateTolerance);
            _hardware.Motor.SetDirection(MotorDirection.Forward);
            _hardware.Motor.Enable();
            _state = PumpState.Running;
        }

        /// <summary>
        /// Resumes delivery after a reset from a stored scheduler position: the schedule goes on exactly
        /// where the journal vouched for it, so no step is taken twice (RESUME-NEVER-REPEATS).
        /// </summary>
        public void Resume(IRateProfile profile, SchedulerPosition position, long stepsTaken)
        {
            if (_state == PumpState.Faulted)
            {
                throw new InvalidOperationException("pump is faulted: a clinician must clear the fault before therapy restarts");
            }
            _now = new Milliseconds(_hardware.Clock.ElapsedMilliseconds);
            _scheduler = new DosingScheduler(profile, _calibration, position, DefaultLateTolerance);
            _stepsTaken = stepsTaken;
            _hardware.Motor.SetDirection(MotorDirection.Forward);
            _hardware.Motor.Enable();
            _state = PumpState.Running;
        }

        /// <summary>After a reset with delivery stopped: the step count goes on from what the journal recorded.</summary>
        public void RestoreStepCount(long stepsTaken)
        {
            if (_state == PumpState.Running) throw new InvalidOperationException("RestoreStepCount needs a stopped pump; state is running");
            _stepsTaken = stepsTaken;
        }

        /// <summary>Switches the running therapy to a new profile, carrying the part-step over.</summary>
        public void ChangeProfile(IRateProfile profile)
        {
            if (_scheduler == null || _state != PumpState.Running)
            {
                throw new InvalidOperationException("ChangeProfile needs a running pump; state is " + PumpStateName(_state));
            }
            Tick();
            if (_state != PumpState.Running) return;
            _scheduler.ChangeProfile(profile, _now);
        }

        /// <summary>Stops delivery now; the motor is disabled before this returns.</summary>
        public void Stop()
        {
            _hardware.Motor.Disable();
            if (_state == PumpState.Running) _state = PumpState.Stopped;
            _scheduler = null;
        }

        /// <summary>A clinician acknowledged a fault: the pump may be started again.</summary>
        public void ClearFault()
        {
            if (_state == PumpState.Faulted) _state = PumpState.Stopped;
        }

        /// <summary>Does everything due now: kicks the watchdog, takes due steps, checks the motor.</summary>
        public void Tick()
        {
            _now = new Milliseconds(_hardware.Clock.ElapsedMilliseconds);
            _hardware.Watchdog.Kick();
            if (_state != PumpState.Running || _scheduler == null) return;

            int missed;
            int due = _scheduler.Advance(_now, out missed);
            if (missed > 0)
            {
                _stepsMissed += missed;
                _deadlineMisses++;
            }
            IMotorDriver motor = _hardware.Motor;
            for (int i = 0; i < due; i++)
            {
                if (motor.Stalled)
                {
                    Fault();
                    return;
                }
                motor.Step();
                _stepsTaken++;
            }
            if (motor.Stalled) Fault();
        }

        private void Fault()
        {
            _hardware.Motor.Disable();
            _state = PumpState.Faulted;
            _scheduler = null;
        }

        /// <summary>nanoFramework's Enum.ToString() gives the number, so names are mapped here.</summary>
        public static string PumpStateName(PumpState state)
        {
            switch (state)
            {
                case PumpState.Stopped: return "stopped";
                case PumpState.Running: return "running";
                case PumpState.Faulted: return "faulted";
                default: return "unknown";
            }
        }
    }
}
