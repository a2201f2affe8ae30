using OpenIdds.Firmware.Control;
using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Units;
using OpenIdds.Hal;

namespace OpenIdds.Firmware.Safety
{
    /// <summary>
    /// The safety supervisor: it owns the safety state machine and wraps the pump controller. Every tick
    /// it reads the downstream pressure before and after the controller's strokes, then asks each
    /// detector (stall, over-infusion guard, occlusion, pressure sensor, reservoir, battery, missed
    /// deadlines) whether its condition holds, raises or clears the alarms, and - when a shown alarm's
    /// row says so - stops delivery in the same tick (CRITICAL-FAULT-STOPS-IN-TICK).
    /// After an occlusion it takes back the strokes held in the line (OCCLUSION-RELIEF), so that
    /// clearing the occlusion releases almost nothing.
    /// </summary>
    public sealed class SafetySupervisor : IReservoirGauge
    {
        private readonly PumpHardware _hardware;
        private readonly SupervisorSettings _settings;
        private readonly OverInfusionGuard _guard;
        private readonly PumpController _pump;
        private readonly AlarmSystem _alarms;
        private readonly SafetyStateMachine _machine = new SafetyStateMachine();
        private readonly OcclusionDetector _occlusion = new OcclusionDetector();
        private readonly PressureSensorMonitor _pressure = new PressureSensorMonitor();
        private readonly ReservoirMonitor _reservoir;
        private readonly BatteryLifeMonitor _battery;
        private readonly PowerOnSelfTest _selfTest = new PowerOnSelfTest();
        private readonly OcclusionRelief _relief;
        private readonly UnderDeliveryMonitor _underDelivery = new UnderDeliveryMonitor();
        private readonly CatheterIntegrityMonitor _catheter;
        private readonly bool _storageValid;
        private IRateProfile? _profile;
        private NanolitersPerHour _allowedRate;
        private Nanoliters _dailyDraw = new Nanoliters(-1);
        private Nanoliters _fill;
        private long _stepsAtFill;
        private bool _everFilled;
        private long _missedSeen;
        private int _relievedStrokes;
        private readonly ResetCause _resetCause;
        private long _motorStepsSeen;
        private bool _lostSteps;

        public SafetySupervisor(PumpHardware hardware, Calibration calibration, SupervisorSettings settings, IAlarmEventSink sink, bool storageValid)
            : this(hardware, calibration, settings, sink, storageValid, ResetCause.PowerOn)
        {
        }

        /// <param name="resetCause">Why the device started: a watchdog restart raises control-loop-stalled after the self-test.</param>
        public SafetySupervisor(PumpHardware hardware, Calibration calibration, SupervisorSettings settings, IAlarmEventSink sink, bool storageValid, ResetCause resetCause)
        {
            _resetCause = resetCause;
            _hardware = hardware;
            _settings = settings;
            _storageValid = storageValid;
            _guard = new OverInfusionGuard(hardware.Motor, hardware.Clock, calibration, settings.OverInfusionTolerance);
            _pump = new PumpController(hardware.WithMotor(_guard), calibration);
            _alarms = new AlarmSystem(hardware.Annunciator, sink);
            _reservoir = new ReservoirMonitor(hardware.ReservoirLevel, settings.LowReservoir, settings.EmptyReservoir);
            _battery = new BatteryLifeMonitor(hardware.Battery, settings.BatteryMicroampereHours);
            _relief = new OcclusionRelief(hardware.Motor, calibration);
            _catheter = new CatheterIntegrityMonitor(new Milliseconds(hardware.Clock.ElapsedMilliseconds));
        }

        /// <summary>The catheter integrity check (implanted pump with a pressure sensor only: the trial pump's strokes come too often for a clean burst).</summary>
        public CatheterIntegrityMonitor Catheter { get { return _catheter; } }

        public bool CatheterMonitored { get { return _settings.Implanted && _settings.HasPressureSensor; } }

        /// <summary>The catheter was implanted again or revised: the integrity check learns the patient's baseline afresh.</summary>
        public void CatheterRevised()
        {
            _catheter.Relearn(new Milliseconds(_hardware.Clock.ElapsedMilliseconds));
        }

        public SafetyState State { get { return _machine.State; } }

        /// <summary>Running or giving a bolus: the motor is delivering therapy.</summary>
        public bool Delivering { get { return _machine.MayDeliver; } }
        public AlarmSystem Alarms { get { return _alarms; } }

        /// <summary>Steps given and dropped in this hour and the one before (MISSED-DOSE-ALARM-BY-LOSS).</summary>
        public UnderDeliveryMonitor UnderDelivery { get { return _underDelivery; } }
        public PumpController Pump { get { return _pump; } }
        public OverInfusionGuard Guard { get { return _guard; } }
        public ReservoirMonitor Reservoir { get { return _reservoir; } }
        public BatteryLifeMonitor Battery { get { return _battery; } }
        public OcclusionDetector Occlusion { get { return _occlusion; } }
        public SelfTestFailure SelfTestFailures { get { return _selfTest.Failures; } }

        /// <summary>Strokes taken back by the last occlusion relief.</summary>
        public int RelievedStrokes { get { return _relievedStrokes; } }

        /// <summary>Reverse strokes the running relief still has to give (0: none running).</summary>
        public int ReliefStrokesLeft { get { return _relief.Remaining; } }

        /// <summary>True when the next <see cref="Tick"/> at <paramref name="now"/> reaches a relief stroke.</summary>
        public bool ReliefStrokeDue(Milliseconds now) { return _relief.StrokeDue(now); }

        /// <summary>RELIEF-COUNTED-ONCE: after a reset, takes back the strokes the journal says the relief still had to give, paced from the start rate.</summary>
        public void ResumeRelief(int strokes)
        {
            _relief.Start(strokes, new Milliseconds(_hardware.Clock.ElapsedMilliseconds));
        }

        public Milliseconds NextWake
        {
            get
            {
                Milliseconds now = new Milliseconds(_hardware.Clock.ElapsedMilliseconds);
                if (_machine.State == SafetyState.PowerOnSelfTest) return new Milliseconds(now.Value + 1);
                Milliseconds next = Milliseconds.Min(Milliseconds.Min(_pump.NextWake, _alarms.NextWake(now)), _relief.NextWake);
                return CatheterMonitored ? Milliseconds.Min(next, _catheter.NextWake) : next;
            }
        }

        /// <summary>The reservoir was filled (a refill session ended): the computed volume restarts from here.</summary>
        public void Filled(Nanoliters volume)
        {
            Filled(volume, _pump.StepsTaken);
        }

        /// <summary>The fill and the step count it was made at (restored from the journal after a reset).</summary>
        public void Filled(Nanoliters volume, long stepsAtFill)
        {
            _fill = volume;
            _stepsAtFill = stepsAtFill;
            _everFilled = true;
            // A fill below the empty threshold stops the pump now, before its next stroke.
            if (_machine.State == SafetyState.PowerOnSelfTest) return;
            Milliseconds now = new Milliseconds(_hardware.Clock.ElapsedMilliseconds);
            CheckReservoir(now);
            StopOnCriticalAlarm(now);
        }

        /// <summary>A refill with the clinician's low-alarm threshold (RESERVOIR-ONE-MODEL).</summary>
        public void Filled(Nanoliters volume, Nanoliters lowThreshold)
        {
            _reservoir.SetLowThreshold(lowThreshold);
            Filled(volume);
        }

        /// <summary>A new, empty reservoir: nothing is counted from it until its first fill.</summary>
        public void Unfilled()
        {
            _fill = Nanoliters.Zero;
            _stepsAtFill = _pump.StepsTaken;
            _everFilled = false;
        }

        Nanoliters IReservoirGauge.Computed { get { return ComputedReservoir; } }

        public Nanoliters LowThreshold { get { return _reservoir.LowThreshold; } }

        /// <summary>The fill the computed reservoir counts from, and the step count at it (what the journal keeps).</summary>
        public Nanoliters Fill { get { return _fill; } }
        public long StepsAtFill { get { return _stepsAtFill; } }

        /// <summary>
        /// FILLED-IS-A-STATE: a refill happened (of any volume, 0 mL included). The reservoir alarms start
        /// with it; a fill of nothing is an empty reservoir, never a pump "not filled yet".
        /// </summary>
        public bool EverFilled { get { return _everFilled; } }

        /// <summary>
        /// RESERVOIR-NEVER-NEGATIVE: the computed reservoir, fill minus the volume of the steps since it,
        /// floored at zero (steps beyond the fill moved air or nothing, not drug). Every display reads it here.
        /// </summary>
        public Nanoliters ComputedReservoir
        {
            get
            {
                Nanoliters left = _fill - _pump.Calibration.VolumeOf(_pump.StepsTaken - _stepsAtFill);
                return left.Value < 0 ? Nanoliters.Zero : left;
            }
        }

        /// <summary>
        /// A new step volume for the guard, the controller and the relief (the pump
        /// takes one only while stopped with no alarm shown). A filled reservoir is rebased: what was
        /// left at the old volume per step is the new fill, counted from the steps taken so far.
        /// </summary>
        public void Recalibrate(Calibration calibration)
        {
            Nanoliters left = ComputedReservoir;
            long steps = _pump.StepsTaken;
            _guard.Recalibrate(calibration);
            _pump.Recalibrate(calibration);
            _relief.Recalibrate(calibration);
            if (!_everFilled) return;
            _fill = left;
            _stepsAtFill = steps;
        }

        /// <summary>Starts (or changes) therapy. <paramref name="allowedRate"/> is what the prescription allows at most - the guard's limit.</summary>
        public bool Start(IRateProfile profile, NanolitersPerHour allowedRate)
        {
            return Deliver(profile, allowedRate, _machine.State == SafetyState.Bolus);
        }

        /// <summary>
        /// The one way therapy reaches the motor: starts <paramref name="profile"/> (from Stopped) or
        /// switches the running delivery to it, sets what the over-infusion guard allows, and moves
        /// between Running and Bolus. False, and nothing changes, where the state forbids delivery
        /// (self-test, alarm-stopped, safe state, suspended) or while occlusion relief still reverses the motor.
        /// </summary>
        public bool Deliver(IRateProfile profile, NanolitersPerHour allowedRate, bool bolusRunning)
        {
            if (_relief.Active) return false;
            SafetyState state = _machine.State;
            if (state == SafetyState.Running || state == SafetyState.Bolus)
            {
                _guard.SetAllowedRate(allowedRate);
                _allowedRate = allowedRate;
                if (profile != _profile) _pump.ChangeProfile(profile);
                else if (_pump.Scheduler != null) _pump.Scheduler.Replan();
                _profile = profile;
            }
            else
            {
                if (!_machine.Fire(SafetyTrigger.Start)) return false;
                _guard.SetAllowedRate(allowedRate);
                _allowedRate = allowedRate;
                _profile = profile;
                _pump.Start(profile);
            }
            FollowBolus(bolusRunning);
            return true;
        }

        /// <summary>
        /// After a reset: delivery goes on from the journal's scheduler position, so no step it vouched
        /// for is issued again (RESUME-NEVER-REPEATS). Only from Stopped, i.e. after a passed self-test.
        /// </summary>
        public bool ResumeFrom(IRateProfile profile, NanolitersPerHour allowedRate, bool bolusRunning, SchedulerPosition position, long stepsTaken)
        {
            if (_machine.State != SafetyState.Stopped || !_machine.Fire(SafetyTrigger.Start)) return false;
            _guard.SetAllowedRate(allowedRate);
            _allowedRate = allowedRate;
            _profile = profile;
            _pump.Resume(profile, position, stepsTaken);
            FollowBolus(bolusRunning);
            return true;
        }

        private void FollowBolus(bool bolusRunning)
        {
            if (bolusRunning && _machine.State == SafetyState.Running) _machine.Fire(SafetyTrigger.BolusStart);
            else if (!bolusRunning && _machine.State == SafetyState.Bolus) _machine.Fire(SafetyTrigger.BolusEnd);
        }

        public bool Stop()
        {
            if (!_machine.Fire(SafetyTrigger.Stop)) return false;
            _pump.Stop();
            return true;
        }

        /// <summary>Pauses delivery (a refill); <see cref="Resume"/> restarts the same profile.</summary>
        public bool Suspend()
        {
            if (!_machine.Fire(SafetyTrigger.Suspend)) return false;
            _pump.Stop();
            return true;
        }

        public bool Resume()
        {
            if (_profile == null || !_machine.Fire(SafetyTrigger.Resume)) return false;
            _pump.Start(_profile);
            return true;
        }

        /// <summary>A clinician acknowledged everything and reset latches: the pump goes to Stopped and may be restarted.</summary>
        public bool ClinicianReset()
        {
            Milliseconds now = new Milliseconds(_hardware.Clock.ElapsedMilliseconds);
            _guard.ClinicianReset();
            _occlusion.Reset();
            _pump.ClearFault();
            _lostSteps = false;
            _motorStepsSeen = _hardware.Motor.CompletedSteps;
            Condition(AlarmCode.MotorStall, MotorStalled, now);
            Condition(AlarmCode.OverInfusion, _guard.Tripped, now);
            Condition(AlarmCode.Occlusion, _occlusion.Occluded, now);
            for (int i = 0; i < AlarmTable.Count; i++) _alarms.Acknowledge(AlarmTable.At(i).Code, now);
            if (_machine.State != SafetyState.AlarmStopped || _alarms.StopsDelivery) return false;
            return _machine.Fire(SafetyTrigger.ClinicianReset);
        }

        /// <summary>
        /// An alarm reported from outside the detectors (the trial diary): shown and latched until a
        /// clinician reset; if its row stops delivery, the motor stops before this returns.
        /// </summary>
        public void RaiseReported(AlarmCode code)
        {
            Milliseconds now = new Milliseconds(_hardware.Clock.ElapsedMilliseconds);
            _alarms.Raise(code, now);
            _alarms.ConditionGone(code, now);
            if (_machine.State != SafetyState.PowerOnSelfTest) StopOnCriticalAlarm(now);
        }

        public void Tick()
        {
            Milliseconds now = new Milliseconds(_hardware.Clock.ElapsedMilliseconds);
            _relief.Tick(now);
            if (_machine.State == SafetyState.PowerOnSelfTest)
            {
                if (_selfTest.Step(_hardware, _storageValid, _settings.HasPressureSensor))
                {
                    bool passed = _selfTest.Failures == SelfTestFailure.None;
                    _machine.Fire(passed ? SafetyTrigger.SelfTestPassed : SafetyTrigger.SelfTestFailed);
                    if (!passed) _alarms.Raise(AlarmCode.SelfTestFailed, now);
                    if ((_selfTest.Failures & SelfTestFailure.Storage) != 0) _alarms.Raise(AlarmCode.StorageFault, now);
                    if (_logDamaged)
                    {
                        // LOG-DAMAGE-KEEPS-DELIVERING: shown and latched until a clinician reset, never a stop.
                        _alarms.Raise(AlarmCode.LogDamaged, now);
                        _alarms.ConditionGone(AlarmCode.LogDamaged, now);
                    }
                    if (_resetCause == ResetCause.Watchdog)
                    {
                        // WATCHDOG-SAFE-RESTART: after the self-test the pump goes to alarm-stopped, not stopped; the
                        // stall is reported and latched, and only a clinician reset lets therapy start again.
                        _alarms.Raise(AlarmCode.ControlLoopStalled, now);
                        _alarms.ConditionGone(AlarmCode.ControlLoopStalled, now);
                        if (_machine.State == SafetyState.Stopped) _machine.Fire(SafetyTrigger.CriticalFault);
                    }
                    _motorStepsSeen = _hardware.Motor.CompletedSteps;
                }
                _hardware.Watchdog.Kick();
                return;
            }

            int before, after;
            bool beforeOk = ReadPressure(out before);
            if (_settings.HasPressureSensor)
            {
                EstimateNoiseFirst();
                SampleNoise(before);
            }
            long stepsBefore = _pump.StepsTaken;
            _pump.Tick();
            int strokes = (int)(_pump.StepsTaken - stepsBefore);
            bool afterOk = ReadPressure(out after);
            CheckLostSteps(strokes);

            if (_settings.HasPressureSensor)
            {
                if (beforeOk && afterOk) _occlusion.Observe(before, after, strokes);
                else if (_lastPressureStatus == SensorStatus.OutOfRange && (strokes > 0 || _pump.State == PumpState.Running)) _occlusion.AtFullScale(strokes);
                else _occlusion.Delivered(strokes);
                if (_pressure.Faulty) _alarms.Raise(AlarmCode.PressureSensorFault, now); else _alarms.ConditionGone(AlarmCode.PressureSensorFault, now);
            }
            if (CatheterMonitored)
            {
                _catheter.Observe(now, beforeOk, before, strokes, _pump.State == PumpState.Running && _pump.Scheduler != null ? _pump.Scheduler.NextStepDue : Milliseconds.Never);
                _catheter.Resistance.Observe(now, beforeOk, before, afterOk, after, strokes);
                Condition(AlarmCode.CatheterIntegritySuspected, _catheter.Suspected, now);
                Condition(AlarmCode.PartialOcclusion, _catheter.PartiallyOccluded, now);
            }
            Condition(AlarmCode.MotorStall, MotorStalled, now);
            Condition(AlarmCode.OverInfusion, _guard.Tripped, now);
            Condition(AlarmCode.Occlusion, _occlusion.Occluded, now);
            _underDelivery.Observe(now, strokes, _pump.StepsMissed - _missedSeen);
            if (_underDelivery.Severe) _alarms.Raise(AlarmCode.UnderDelivery, now); // MISSED-DOSE-ALARM-BY-LOSS
            else _alarms.ConditionGone(AlarmCode.UnderDelivery, now);
            if (_pump.StepsMissed != _missedSeen)
            {
                _missedSeen = _pump.StepsMissed;
                _alarms.Raise(AlarmCode.DeadlineMissed, now);
                _alarms.ConditionGone(AlarmCode.DeadlineMissed, now);
            }

            CheckReservoir(now);

            _battery.Update(DailyCharge(), _settings.Implanted ? CountedCharge(now) : -1);
            if (_settings.Implanted)
            {
                Condition(AlarmCode.BatteryEndOfService, _battery.EndOfService, now);
                Condition(AlarmCode.BatteryElectiveReplacement, _battery.ElectiveReplacement && !_battery.EndOfService, now);
            }
            else
            {
                Condition(AlarmCode.BatteryEndOfService, _battery.EndOfService, now);
                Condition(AlarmCode.BatteryLow, _battery.Low && !_battery.EndOfService, now);
            }

            StopOnCriticalAlarm(now);
            _alarms.Tick(now);
        }

        private void StopOnCriticalAlarm(Milliseconds now)
        {
            if (_alarms.StopsDelivery && _machine.State != SafetyState.AlarmStopped && _machine.State != SafetyState.SafeState)
            {
                // CRITICAL-FAULT-STOPS-IN-TICK: the motor is disabled before this tick returns.
                _pump.Stop();
                _machine.Fire(SafetyTrigger.CriticalFault);
                if (_occlusion.Occluded) Relieve(now);
            }
        }

        private void CheckReservoir(Milliseconds now)
        {
            _reservoir.Update(ComputedReservoir);
            // FILLED-IS-A-STATE: a reservoir never filled holds no drug to run out of; its alarms start with the first fill.
            bool filled = _everFilled;
            Condition(AlarmCode.ReservoirEmpty, filled && _reservoir.Empty, now);
            Condition(AlarmCode.ReservoirLow, filled && _reservoir.Low && !_reservoir.Empty, now);
            Condition(AlarmCode.ReservoirDiscrepancy, _reservoir.Discrepant, now);
            Condition(AlarmCode.LevelSensorFault, _reservoir.SensorFaulty, now);
        }

        /// <summary>The controller faulted on a stall, the driver still reports one (a stall outlasts a reset), or steps were lost.</summary>
        private bool MotorStalled { get { return _pump.State == PumpState.Faulted || _hardware.Motor.Stalled || _lostSteps; } }

        /// <summary>
        /// LOST-STEPS-ARE-A-STALL: where the driver's completed-step count comes from the mechanism (an
        /// encoder, the implanted pump's motor feedback), fewer completed than commanded forward steps
        /// means the rotor did not follow: treated as a stall. A plain step/dir driver counts its own
        /// pulses, so for it the two always agree.
        /// </summary>
        private void CheckLostSteps(int commanded)
        {
            long completed = _hardware.Motor.CompletedSteps;
            long moved = completed - _motorStepsSeen;
            _motorStepsSeen = completed;
            if (commanded > 0 && moved < commanded) _lostSteps = true;
        }

        /// <summary>
        /// LOG-DAMAGE-KEEPS-DELIVERING: the start-up found a damaged event-log or diary record. The
        /// self-test raises log-damaged (medium, latched), and therapy goes on: the journal that runs it is
        /// checked on its own, and a damaged journal or key store is still a storage fault and the safe state.
        /// </summary>
        public void LogRecordsDamaged() { _logDamaged = true; }

        private bool _logDamaged;

        /// <summary>The therapy's refill session found the residual beyond its tolerance (or, false, within it).</summary>
        public void RefillChecked(bool discrepancy)
        {
            Milliseconds now = new Milliseconds(_hardware.Clock.ElapsedMilliseconds);
            Condition(AlarmCode.RefillDiscrepancy, discrepancy, now);
        }

        private void Condition(AlarmCode code, bool present, Milliseconds now)
        {
            if (present) _alarms.Raise(code, now); else _alarms.ConditionGone(code, now);
        }

        private bool ReadPressure(out int pascals)
        {
            SensorStatus status = _hardware.Pressure.Read(out pascals);
            _lastPressureStatus = status;
            return _settings.HasPressureSensor && _pressure.Accept(status, pascals);
        }

        private SensorStatus _lastPressureStatus;

        /// <summary>
        /// SENSOR-NOISE-MEASURED: a second reading right after the first differs from it by the sensor's
        /// own noise only (no stroke, no drainage in between), so the pair measures the noise the
        /// stroke-by-stroke occlusion detector has to see through.
        /// </summary>
        private void SampleNoise(int first)
        {
            if (_lastPressureStatus != SensorStatus.Ok) return;
            int second;
            if (_hardware.Pressure.Read(out second) != SensorStatus.Ok) return;
            _pressure.NoiseSample(second - first);
        }

        /// <summary>
        /// NOISE-KNOWN-BEFORE-JUDGING: the occlusion detector judges a stroke's jump only against a sensor
        /// whose noise is known. One noise pair a tick fills the estimate only after 64 ticks - six hours of
        /// strokes on an implanted pump, and the whole priming of a trial one - and a sensor noisier than
        /// half the detector's 100 Pa jump shows four "retained" strokes by chance in that time (a false
        /// occlusion at 4x the Nucleo's chain noise, docs/benchmarks.md). So the first tick that reads the
        /// sensor takes all the pairs the estimate lacks at once (128 readings, once a start).
        /// </summary>
        private void EstimateNoiseFirst()
        {
            for (int i = 0; i < PressureSensorMonitor.NoiseSamples && !_pressure.NoiseKnown; i++)
            {
                int first, second;
                if (_hardware.Pressure.Read(out first) != SensorStatus.Ok) return;
                if (_hardware.Pressure.Read(out second) != SensorStatus.Ok) return;
                _pressure.NoiseSample(second - first);
            }
        }

        /// <summary>
        /// OCCLUSION-RELIEF: reverse the strokes the blocked line holds, so its stored pressure is not a
        /// bolus later - on either alarm path (retained run or absolute backstop), every forward stroke
        /// since the line last showed one drain, up to <see cref="OcclusionDetector.MaximumHeldStrokes"/>,
        /// paced and ramped over the ticks that follow (OCCLUSION-RELIEF-PACED, <see cref="OcclusionRelief"/>).
        /// </summary>
        private void Relieve(Milliseconds now)
        {
            _relievedStrokes = _occlusion.HeldStrokes;
            _relief.Start(_relievedStrokes, now);
        }

        /// <summary>
        /// BATTERY-CHARGE-COUNTED: the charge the implanted pump has drawn, uAh, counted from what the
        /// journal keeps across resets - the motor steps taken (each <see cref="SupervisorSettings.StepNanoampereHours"/>)
        /// and pump time (the quiescent current) - and the catheter checks' samples (CATHETER-BURST-IN-ERI). The battery monitor uses it where the board has no
        /// charge gauge, so elective replacement still comes 90 days before end of service at the programmed
        /// therapy (unless a failing cell's voltage overrules the count, BATTERY-ERI-BEFORE-EOS).
        /// </summary>
        public long CountedCharge(Milliseconds now)
        {
            long motor = _pump.StepsTaken * _settings.StepNanoampereHours / 1000;
            long quiescent = now.Value / Milliseconds.PerHour * _settings.QuiescentMicroamperes
                + now.Value % Milliseconds.PerHour * _settings.QuiescentMicroamperes / Milliseconds.PerHour;
            return motor + quiescent + CatheterBurstCharge.CountedMicroampereHours(_catheter.SamplesTaken, _settings);
        }

        /// <summary>
        /// ERI-FROM-DAILY-DRAW: the volume the programmed therapy draws in a day, which the battery's days
        /// left are counted at (the device sets it with every therapy change). Until it is set, the guard's
        /// allowed rate stands in - which a priming bolus inflates.
        /// </summary>
        public void SetDailyDraw(Nanoliters perDay)
        {
            _dailyDraw = perDay;
        }

        private long DailyCharge()
        {
            NanolitersPerHour rate = _dailyDraw.Value < 0 ? _allowedRate : new NanolitersPerHour((_dailyDraw.Value + 23) / 24);
            return DailyChargeMicroampereHours(rate, _pump.Calibration.PicolitersPerStep, _settings);
        }

        /// <summary>
        /// Charge a therapy at <paramref name="rate"/> draws per day, uAh: its steps, the quiescent
        /// current and the catheter checks' readings (CATHETER-BURST-IN-ERI). ERI-MARGIN: rounded UP at each division, so the model never draws less than the cell
        /// does (a truncated 1.92 uAh of steps a day at 2 uL/h made 90 modelled days 89.83 real ones).
        /// </summary>
        public static long DailyChargeMicroampereHours(NanolitersPerHour rate, long picolitersPerStep, SupervisorSettings settings)
        {
            long stepsPerDay = (rate.Value * 24 * 1000 + picolitersPerStep - 1) / picolitersPerStep;
            return (stepsPerDay * settings.StepNanoampereHours + 999) / 1000 + settings.QuiescentMicroamperes * 24
                + CatheterBurstCharge.DailyMicroampereHours(rate, settings);
        }
    }
}
