using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Persistence;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;
using OpenIdds.Hal;

namespace OpenIdds.Firmware.Device
{
    /// <summary>
    /// What a clinician, a patient or a service engineer can ask of the pump. The protocol endpoint
    /// calls these after a frame passed framing, role and authentication checks; the patient button
    /// calls <see cref="RequestPatientBolus"/>; the simulator calls them for scenario actions. Each
    /// one checks, changes the therapy in RAM, hands the change to the motor and journals it before
    /// it returns (JOURNAL-BEFORE-EFFECT) - a refusal too, since it moved a replay counter and the
    /// trial's refusal count. Bad input changes nothing and gets a report naming field, value and limit.
    /// </summary>
    public sealed partial class InfusionPump
    {
        /// <summary>Programs a prescription (stopped included) in one transaction; see <see cref="InfusionTherapy.Program"/>.</summary>
        public CheckReport Program(Prescription prescription, bool confirmed)
        {
            Milliseconds now = Now;
            CheckReport report;
            if (prescription.Mode != DeliveryMode.Stopped && !MayProgram())
            {
                report = NotReady("programming " + DeliveryModeName.Of(prescription.Mode));
            }
            else if (prescription.Mode != DeliveryMode.Stopped && !_setup.DevelopmentKeysMayDeliver && !_keys.Provisioned(Protocol.Role.Clinician))
            {
                // DEV-KEYS-NO-THERAPY
                report = new CheckReport();
                report.Add(TherapyError.PumpNotReady, CheckOutcome.Refused, "programming " + DeliveryModeName.Of(prescription.Mode) + " on the development clinician key, which anyone who knows the device id can compute; the limit is a provisioned key (iddsctl keys provision --for clinician), a BENCH build or the board's development setting");
                _events.Append(EventKind.ProgrammingRefused, now, 0, (long)TherapyError.PumpNotReady);
            }
            else
            {
                report = _therapy.Program(prescription, confirmed, now);
                if (report.Accepted && _therapy.Configuration.Stage == PumpStage.Trial && prescription.HasBasal && !_diary.TrialStarted)
                {
                    _diary.StartTrial(now, _therapy);
                }
            }
            Commit(now);
            return report;
        }

        /// <summary>The patient asks for the prescribed bolus (handheld or button).</summary>
        public CheckReport RequestPatientBolus()
        {
            Milliseconds now = Now;
            CheckReport report;
            report = BolusRefusal("patient bolus", 1);
            if (report.Accepted) report = _therapy.RequestPatientBolus(now);
            if (report.Accepted)
            {
                Prescription p = _therapy.Prescription;
                _events.Append(EventKind.BolusGranted, now, 1, p.Drug.Concentration.VolumeOf(p.PatientBolus!.Dose).Value);
            }
            Commit(now);
            return report;
        }

        /// <summary>A clinician bolus of <paramref name="dose"/> over <paramref name="duration"/> (a too-fast one is lengthened).</summary>
        public CheckReport RequestClinicianBolus(Micrograms dose, Milliseconds duration, bool confirmed)
        {
            Milliseconds now = Now;
            CheckReport report;
            report = BolusRefusal("clinician bolus", 2);
            if (report.Accepted) report = _therapy.RequestClinicianBolus(dose, duration, confirmed, now);
            if (report.Accepted) _events.Append(EventKind.BolusGranted, now, 2, _therapy.Prescription.Drug.Concentration.VolumeOf(dose).Value);
            Commit(now);
            return report;
        }

        /// <summary>Opens a refill session: the residual the clinician should withdraw is the computed reservoir now.</summary>
        public Nanoliters BeginRefill()
        {
            Milliseconds now = Now;
            _refill = _therapy.BeginRefill(now);
            Commit(now);
            return _refill.Expected;
        }

        /// <summary>True while a refill session is open (between <see cref="BeginRefill"/> and a completed refill).</summary>
        public bool RefillOpen { get { return _refill != null; } }

        /// <summary>Completes the open refill: the discrepancy check, then the new fill, drug and low threshold.</summary>
        public RefillResult CompleteRefill(Nanoliters withdrawn, Nanoliters added, Drug drug, Nanoliters lowThreshold, bool confirmed)
        {
            Milliseconds now = Now;
            RefillResult result;
            if (_refill == null)
            {
                result = new RefillResult();
                result.Report.Add(TherapyError.NoRefillSession, CheckOutcome.Refused, "refill session is not open; the limit is a refill begun first (it measures the expected residual)");
            }
            else
            {
                result = _refill.Complete(withdrawn, added, drug, lowThreshold, confirmed, now);
                if (withdrawn.Value >= 0) _supervisor.RefillChecked(result.DiscrepancyAlert);
                // Logged once, with the clinician's final answer: a refill sent back for a soft-limit
                // confirmation comes again with the same residual.
                if (result.DiscrepancyAlert && !result.Report.NeedsConfirmation) _events.Append(EventKind.RefillDiscrepancy, now, result.DiscrepancyPermille == long.MaxValue ? -1 : result.DiscrepancyPermille, (long)TherapyError.RefillDiscrepancyBeyondTolerance);
                if (result.Report.Accepted)
                {
                    _supervisor.Filled(added);
                    _supervisor.Reservoir.SetLowThreshold(lowThreshold);
                    _events.Append(EventKind.Refill, now, added.Value, drug.Concentration.Value);
                    _refill = null;
                }
            }
            Commit(now);
            return result;
        }

        /// <summary>
        /// STOPPED-THERAPY-ALERT: a clinician's deliberate "stopped for <paramref name="duration"/>" - the
        /// one way to quiet the stopped-therapy alert, logged. It ends when delivery starts again.
        /// </summary>
        public CheckReport HoldStopped(Milliseconds duration)
        {
            Milliseconds now = Now;
            CheckReport report = new CheckReport();
            if (duration.Value <= 0 || duration > StoppedTherapyWatch.MaxHold)
            {
                report.Add(TherapyError.StoppedHoldOutOfRange, CheckOutcome.Refused, "stopped-hold duration " + duration.ToString() + " is outside the limit 1 ms.." + StoppedTherapyWatch.MaxHold.ToString());
                _events.Append(EventKind.ProgrammingRefused, now, duration.Value, (long)TherapyError.StoppedHoldOutOfRange);
            }
            else
            {
                _stoppedWatch.Hold(now + duration);
                _events.Append(EventKind.StoppedHold, now, duration.Value, 0);
                WatchStoppedTherapy(now);
            }
            Commit(now);
            return report;
        }

        /// <summary>A clinician acknowledged every alarm and reset the latches; true when the pump left alarm-stopped (it is then stopped, ready to program).</summary>
        public bool ClinicianReset()
        {
            Milliseconds now = Now;
            bool reset = _supervisor.ClinicianReset();
            _events.Append(EventKind.ClinicianReset, now, reset ? 1 : 0, 0);
            Commit(now);
            return reset;
        }

        /// <summary>Audio pause: every alarm that may be silenced is quiet for its row's time; lights stay.</summary>
        public void SilenceAlarms()
        {
            Milliseconds now = Now;
            // AUDIO-PAUSE-CAPPED: every press is logged, with the number of alarms it paused.
            int paused = _supervisor.Alarms.Silence(now);
            _events.Append(EventKind.SilencePressed, now, paused, 0);
            Commit(now);
        }

        /// <summary>A trial diary pain score (0-10), at pump time now.</summary>
        public CheckReport AddPain(int score)
        {
            Milliseconds now = Now;
            CheckReport report = _diary.AddPain(now, score);
            if (report.Accepted) LogDiary(now, score, 0);
            Commit(now);
            return report;
        }

        /// <summary>A trial diary activity entry, at pump time now.</summary>
        public CheckReport AddActivity(ActivityKind kind, int minutes)
        {
            Milliseconds now = Now;
            CheckReport report = _diary.AddActivity(now, kind, minutes);
            if (report.Accepted) LogDiary(now, -1, ((long)kind << 16) | (long)(minutes & 0xFFFF));
            Commit(now);
            return report;
        }

        public TrialReport TrialReport(int reliefThresholdPercent)
        {
            return OpenIdds.Firmware.Therapy.TrialReport.From(_diary, _therapy, Now, reliefThresholdPercent);
        }

        /// <summary>
        /// Clock sync: the time of day now (flex steps are time-of-day). A running flex therapy is
        /// rebuilt on the new time in one transaction; if that is refused, the clock stays as it was.
        /// </summary>
        public CheckReport SyncClock(Milliseconds timeOfDay)
        {
            Milliseconds now = Now;
            CheckReport report = new CheckReport();
            if (timeOfDay.Value < 0 || timeOfDay.Value >= Milliseconds.PerDay)
            {
                report.Add(TherapyError.TimeOfDayOutOfRange, CheckOutcome.Refused, "time of day " + timeOfDay.ToString() + " is outside the limit 0.." + (Milliseconds.PerDay - 1).ToString() + " ms");
                Commit(now);
                return report;
            }
            PumpConfiguration config = _therapy.Configuration;
            Milliseconds previous = config.TimeOfDayAtZero;
            long atZero = (timeOfDay.Value - now.Value % Milliseconds.PerDay) % Milliseconds.PerDay;
            if (atZero < 0) atZero += Milliseconds.PerDay;
            config.TimeOfDayAtZero = new Milliseconds(atZero);
            Prescription running = _therapy.Prescription;
            if (running.Mode == DeliveryMode.Flex)
            {
                // The prescription was accepted before; only its clock moves, so its confirmations stand.
                report = _therapy.Program(running, true, now);
                if (!report.Accepted) config.TimeOfDayAtZero = previous;
            }
            if (report.Accepted)
            {
                // EVENT-TIME-FIXED: events from here on carry this clock's time of day; earlier ones keep theirs.
                _events.SetClock(config.TimeOfDayAtZero);
                _diaryLog.SetClock(config.TimeOfDayAtZero);
                _events.Append(EventKind.ClockSynced, now, config.TimeOfDayAtZero.Value, 0);
            }
            Commit(now);
            return report;
        }

        /// <summary>
        /// A new calibration (nanoliters per step, from a bench run). Only while stopped with no alarm
        /// shown: the supervisor, its guard and the scheduler are rebuilt on it and the self-test runs again.
        /// </summary>
        public CheckReport Calibrate(long picolitersPerStep)
        {
            Milliseconds now = Now;
            CheckReport report = new CheckReport();
            if (!Calibration.InRange(picolitersPerStep))
            {
                report.Add(TherapyError.CalibrationOutOfRange, CheckOutcome.Refused, Calibration.OutOfRange(picolitersPerStep));
            }
            if (_supervisor.State != SafetyState.Stopped || _therapy.Prescription.Mode != DeliveryMode.Stopped)
            {
                report.Add(TherapyError.PumpNotStopped, CheckOutcome.Refused, "calibration while the pump is " + SafetyStateMachine.StateName(_supervisor.State) + " with mode " + DeliveryModeName.Of(_therapy.Prescription.Mode) + "; the limit is stopped");
            }
            if (_supervisor.Alarms.Highest != AlarmCode.None)
            {
                report.Add(TherapyError.AlarmsShown, CheckOutcome.Refused, "calibration with alarm " + AlarmTable.Of(_supervisor.Alarms.Highest).Name + " shown; the limit is no alarm");
            }
            if (report.Accepted)
            {
                long steps = _supervisor.Pump.StepsTaken;
                Nanoliters left = _supervisor.ComputedReservoir;
                bool filled = _supervisor.EverFilled;
                _calibration = new Calibration(picolitersPerStep);
                _scratch = new DosingScheduler(new ConstantRate(NanolitersPerHour.Zero), _calibration, Milliseconds.Zero, DosingScheduler.Horizon);
                PumpStage stage = _therapy.Configuration.Stage;
                _supervisor = new SafetySupervisor(_hardware, _calibration, _setup.SupervisorSettingsFor(stage), this, StorageValid, ResetCause.PowerOn);
                _supervisor.Pump.RestoreStepCount(steps);
                if (filled) _supervisor.Filled(left, steps);
                _supervisor.Reservoir.SetLowThreshold(_therapy.Configuration.LowReservoirThreshold);
                _events.Append(EventKind.Calibrated, now, picolitersPerStep, 0);
            }
            Commit(now);
            return report;
        }

        /// <summary>Hands whatever changed to the motor and journals it (JOURNAL-BEFORE-EFFECT).</summary>
        private void Commit(Milliseconds now)
        {
            if (!_resumePending && NeedsSync(now)) SyncDelivery(now);
            WriteRecord(now, now);
        }

        /// <summary>Programming a delivery needs a pump that is not alarm-stopped or in the safe state.</summary>
        private bool MayProgram()
        {
            SafetyState state = _supervisor.State;
            return state != SafetyState.AlarmStopped && state != SafetyState.SafeState;
        }

        private bool Delivering()
        {
            SafetyState state = _supervisor.State;
            return state == SafetyState.Running || state == SafetyState.Bolus;
        }

        private CheckReport NotReady(string what)
        {
            CheckReport report = new CheckReport();
            report.Add(TherapyError.PumpNotReady, CheckOutcome.Refused, what + " while the pump is " + SafetyStateMachine.StateName(_supervisor.State) + "; the limit is running (a clinician reset and programming end an alarm stop)");
            _events.Append(EventKind.ProgrammingRefused, Now, 0, (long)TherapyError.PumpNotReady);
            return report;
        }

        /// <summary>
        /// NO-BOLUS-WITHOUT-PROTECTION: an empty (accepted) report, or the refusal of a bolus by
        /// <paramref name="who"/> (1 patient, 2 clinician), logged with its real reason: the alarm that
        /// forbids it, else the state that does.
        /// </summary>
        private CheckReport BolusRefusal(string what, int who)
        {
            CheckReport report = new CheckReport();
            AlarmCode blocking = BolusInterlock.Blocking(_supervisor.Alarms);
            if (blocking != AlarmCode.None)
            {
                report.Add(TherapyError.BolusBlockedByAlarm, CheckOutcome.Refused, what + " while alarm " + AlarmTable.Of(blocking).Name + " is shown; the limit is no alarm that stops delivery or takes away a protection (occlusion detection, the reservoir's measure)");
                _events.Append(EventKind.BolusBlockedByAlarm, Now, who, (long)blocking);
            }
            else if (!Delivering())
            {
                report.Add(TherapyError.PumpNotReady, CheckOutcome.Refused, what + " while the pump is " + SafetyStateMachine.StateName(_supervisor.State) + "; the limit is running");
                _events.Append(EventKind.BolusRefused, Now, who, (long)TherapyError.PumpNotReady);
            }
            return report;
        }

        private void LogDiary(Milliseconds now, long a, long b)
        {
            _diaryLog.Append(EventKind.DiaryEntry, now, a, b);
            _events.Append(EventKind.DiaryEntry, now, a, b);
        }

        /// <summary>The link to the programmer: the protocol endpoint reads and answers frames here.</summary>
        private void PollLink()
        {
            _endpoint.Poll();
        }

        /// <summary>What <see cref="Program"/> would say, without changing anything (the programmer's review screen).</summary>
        public CheckReport Review(Prescription prescription)
        {
            if (prescription.Mode != DeliveryMode.Stopped && !MayProgram()) return NotReady("programming " + DeliveryModeName.Of(prescription.Mode));
            return _therapy.Review(prescription, Now);
        }

        /// <summary>
        /// A service engineer replaces the key of <paramref name="role"/> by key agreement
        /// (KEY-AGREEMENT-NOT-WRAP, Protocol.KeyProvisioner); false, changing nothing, on a refusal.
        /// </summary>
        public bool ProvisionKey(Protocol.Role role, byte[] programmerPublic, byte[] confirmation)
        {
            Milliseconds now = Now;
            // PROVISION-WHILE-STOPPED: an X25519 multiplication holds the loop for seconds on a board
            // (docs/protocol.md), so keys are agreed only while no step can fall due.
            if (_therapy.Prescription.Mode != DeliveryMode.Stopped)
            {
                _provisioner.Refuse("provision: the therapy runs (" + DeliveryModeName.Of(_therapy.Prescription.Mode) + "); program stopped first - the key agreement holds the control loop for seconds");
                return false;
            }
            if (!_provisioner.Provision(role, programmerPublic, confirmation)) return false;
            _events.Append(EventKind.KeyProvisioned, now, (long)role, 0);
            Commit(now);
            return true;
        }

        /// <summary>Why the last <see cref="ProvisionKey"/> refused.</summary>
        public string ProvisionRefusal { get { return _provisioner.Refusal; } }

        /// <summary>Everything `iddsctl status` shows, as of now.</summary>
        public Protocol.Messages.StatusMessage Status()
        {
            Milliseconds now = Now;
            _therapy.Tick(now);
            Protocol.Messages.StatusMessage m = new Protocol.Messages.StatusMessage();
            m.DeviceId = _setup.DeviceId;
            m.State = (int)_supervisor.State;
            m.Stage = (int)_therapy.Configuration.Stage;
            m.PumpTime = now.Value;
            m.Prescription = _therapy.Prescription;
            Milliseconds next;
            m.RateNow = Delivering() ? _therapy.Profile.RateAt(now, out next).Value : 0;
            m.DailyDoseNanograms = _therapy.CurrentDailyDose.Value;
            ReservoirMonitor reservoir = _supervisor.Reservoir;
            m.ReservoirComputed = _supervisor.ComputedReservoir.Value;
            m.ReservoirMeasuredValid = reservoir.HasMeasured;
            m.LevelSensorFitted = reservoir.SensorFitted;
            m.ReservoirMeasured = reservoir.Measured.Value;
            m.LowReservoirThreshold = _therapy.Configuration.LowReservoirThreshold.Value;
            m.NextRefillAt = _therapy.NextRefillAt(new Nanoliters(m.ReservoirComputed), now).Value;
            BatteryLifeMonitor battery = _supervisor.Battery;
            m.Battery = battery.EndOfService ? 3 : battery.ElectiveReplacement ? 2 : battery.Low ? 1 : 0;
            int millivolts;
            _hardware.Battery.Read(out millivolts);
            m.BatteryMillivolts = millivolts;
            m.RollingDoseNanograms = _therapy.RollingDose.Value;
            m.PatientBolusesIn24Hours = _therapy.PatientBolusesInLast24Hours(now);
            m.LastPatientBolus = _therapy.LastPatientBolus.Value;
            PatientBolusSettings? pb = _therapy.Prescription.PatientBolus;
            if (pb != null && !_therapy.LastPatientBolus.IsNever) m.LockoutEndsAt = _therapy.LastPatientBolus.Value + pb.Lockout.Value;
            m.TipArrival = _therapy.TipArrival.Value;
            long given = _therapy.DeliveredMass.Value - _missedMass;
            m.DeliveredNanograms = given > 0 ? given : 0;
            m.StepsTaken = _supervisor.Pump.StepsTaken;
            m.StepsMissed = _supervisor.Pump.StepsMissed;
            m.PicolitersPerStep = _calibration.PicolitersPerStep;
            m.StepsUnconfirmed = StepsRecorded > m.StepsTaken ? StepsRecorded - m.StepsTaken : 0;
            m.DevelopmentKeys = _keys.AnyDevelopmentKey;
            m.DevelopmentKeysMayDeliver = _setup.DevelopmentKeysMayDeliver;
            m.RefillOpen = _refill != null;
            m.StorageValid = StorageValid;
            AlarmSystem alarms = _supervisor.Alarms;
            for (int i = 0; i < AlarmTable.Count && m.AlarmCount < Protocol.Messages.StatusMessage.MaxAlarms; i++)
            {
                AlarmDefinition row = AlarmTable.At(i);
                if (!alarms.IsShown(row.Code)) continue;
                m.AlarmCodes[m.AlarmCount] = (int)row.Code;
                m.AlarmFlags[m.AlarmCount] = (row.Latched ? 1 : 0) | (alarms.IsQuiet(row.Code, now) ? 2 : 0) | (row.StopsDelivery ? 4 : 0) | ((int)row.Priority << 4);
                m.AlarmCount++;
            }
            return m;
        }
    }
}
