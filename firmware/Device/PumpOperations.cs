using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Persistence;
using OpenIdds.Firmware.Protocol;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Device
{
    /// <summary>
    /// What a clinician, a patient or a service engineer can ask of the pump. The protocol endpoint
    /// calls these (through <see cref="InfusionPump"/>) after a frame passed framing, role and
    /// authentication checks; the patient button calls <see cref="RequestPatientBolus"/>; the simulator
    /// calls them for scenario actions. Each one checks, changes the therapy in RAM, hands the change
    /// to the motor and journals it before it returns (JOURNAL-BEFORE-EFFECT) - a refusal too, since it
    /// moved a replay counter and the trial's refusal count. Bad input changes nothing and gets a report
    /// naming field, value and limit.
    /// </summary>
    public sealed class PumpOperations
    {
        private readonly PumpSetup _setup;
        private readonly Hal.IMonotonicClock _clock;
        private readonly SafetySupervisor _supervisor;
        private readonly InfusionTherapy _therapy;
        private readonly TrialDiary _diary;
        private readonly TrialDiaryLog _diaryLog;
        private readonly EventLog _events;
        private readonly ITherapyRecorder _recorder;
        private readonly KeyRing _keys;
        private readonly KeyProvisioner _provisioner;
        private readonly DeliverySync _delivery;
        private readonly StateJournal _journal;
        private readonly TherapyAlerts _alerts;
        private RefillSession? _refill;
        private readonly ProgrammingReview _review = new ProgrammingReview();

        public PumpOperations(PumpSetup setup, Hal.IMonotonicClock clock, SafetySupervisor supervisor, InfusionTherapy therapy, TrialDiary diary, TrialDiaryLog diaryLog,
            EventLog events, ITherapyRecorder recorder, KeyRing keys, KeyProvisioner provisioner, DeliverySync delivery, StateJournal journal, TherapyAlerts alerts)
        {
            _setup = setup;
            _clock = clock;
            _supervisor = supervisor;
            _therapy = therapy;
            _diary = diary;
            _diaryLog = diaryLog;
            _events = events;
            _recorder = recorder;
            _keys = keys;
            _provisioner = provisioner;
            _delivery = delivery;
            _journal = journal;
            _alerts = alerts;
        }

        private Milliseconds Now { get { return new Milliseconds(_clock.ElapsedMilliseconds); } }

        /// <summary>True while a refill session is open (between <see cref="BeginRefill"/> and a completed refill).</summary>
        public bool RefillOpen { get { return _refill != null; } }

        /// <summary>Programs a prescription (stopped included) in one transaction; see <see cref="InfusionTherapy.Program"/>.</summary>
        public CheckReport Program(Prescription prescription, bool confirmed)
        {
            Milliseconds now = Now;
            CheckReport report;
            if (prescription.Mode != DeliveryMode.Stopped && !MayProgram())
            {
                report = NotReady("programming " + DeliveryModeName.Of(prescription.Mode));
            }
            else if (prescription.Mode != DeliveryMode.Stopped && !_setup.DevelopmentKeysMayDeliver && !_keys.Provisioned(Role.Clinician))
            {
                // DEV-KEYS-NO-THERAPY
                report = new CheckReport();
                report.Add(TherapyError.PumpNotReady, CheckOutcome.Refused, "programming " + DeliveryModeName.Of(prescription.Mode) + " on the development clinician key, which anyone who knows the device id can compute; the limit is a provisioned key (iddsctl keys provision --for clinician), a BENCH build or the board's development setting");
                _recorder.Record(now, TherapyRecordKind.ProgrammingRefused, TherapyError.PumpNotReady, 0, report[0].Message);
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

        /// <summary>What <see cref="Program"/> would say, without changing anything (the programmer's review screen).</summary>
        public CheckReport Review(Prescription prescription)
        {
            _review.Opened(_therapy, prescription, Now);
            if (prescription.Mode != DeliveryMode.Stopped && !MayProgram()) return NotReady("programming " + DeliveryModeName.Of(prescription.Mode));
            return _therapy.Review(prescription, Now);
        }

        /// <summary>A commit over the link: only the prescription reviewed, within the session (COMMIT-WITHIN-SESSION, <see cref="ProgrammingReview"/>).</summary>
        public CheckReport CommitReviewed(Prescription prescription, bool confirmed)
        {
            Milliseconds now = Now;
            CheckReport refusal = _review.Refusal(prescription, now);
            if (refusal.Count == 0) return Program(prescription, confirmed);
            _recorder.Record(now, TherapyRecordKind.ProgrammingRefused, refusal[0].Code, 0, refusal[0].Message);
            Commit(now);
            return refusal;
        }

        /// <summary>The patient asks for the prescribed bolus (handheld or button).</summary>
        public CheckReport RequestPatientBolus()
        {
            Milliseconds now = Now;
            CheckReport report = BolusRefusal("patient bolus", TherapyRecordKind.PatientBolusRefused, 1);
            if (report.Accepted) report = _therapy.RequestPatientBolus(now);
            Commit(now);
            return report;
        }

        /// <summary>A clinician bolus of <paramref name="dose"/> over <paramref name="duration"/> (a too-fast one is lengthened).</summary>
        public CheckReport RequestClinicianBolus(Micrograms dose, Milliseconds duration, bool confirmed)
        {
            Milliseconds now = Now;
            CheckReport report = BolusRefusal("clinician bolus", TherapyRecordKind.ClinicianBolusRefused, 2);
            if (report.Accepted) report = _therapy.RequestClinicianBolus(dose, duration, confirmed, now);
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
                if (result.Report.Accepted) _refill = null;
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
                _recorder.Record(now, TherapyRecordKind.ProgrammingRefused, TherapyError.StoppedHoldOutOfRange, duration.Value, report[0].Message);
            }
            else
            {
                _events.Append(EventKind.StoppedHold, now, duration.Value, 0);
                _alerts.Hold(now + duration, now);
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

        /// <summary>
        /// CATHETER-RELEARN-ON-REVISION: a clinician reports the catheter was revised (replaced, re-sited,
        /// reconnected): the check's baseline belonged to the old catheter, so it is discarded and learned
        /// again from the next checks; logged and journaled. Returns true when a learned baseline was discarded.
        /// </summary>
        public bool CatheterRevised()
        {
            Milliseconds now = Now;
            bool learned = _supervisor.Catheter.BaselineLearned;
            _supervisor.CatheterRevised();
            _events.Append(EventKind.CatheterRevised, now, learned ? 1 : 0, 0);
            Commit(now);
            return learned;
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
            if (report.Accepted) _diaryLog.Append(now, score, 0);
            Commit(now);
            return report;
        }

        /// <summary>A trial diary activity entry, at pump time now.</summary>
        public CheckReport AddActivity(ActivityKind kind, int minutes)
        {
            Milliseconds now = Now;
            CheckReport report = _diary.AddActivity(now, kind, minutes);
            if (report.Accepted) _diaryLog.Append(now, -1, ((long)kind << 16) | (long)(minutes & 0xFFFF));
            Commit(now);
            return report;
        }

        /// <summary>A trial diary side effect with its severity, at pump time now.</summary>
        public CheckReport AddSideEffect(SideEffectKind kind, SideEffectSeverity severity)
        {
            Milliseconds now = Now;
            CheckReport report = _diary.AddSideEffect(now, kind, severity);
            if (report.Accepted)
            {
                _diaryLog.AppendSideEffect(now, kind, severity);
                // SIDE-EFFECT-STOPS-TRIAL: overdose signs stop the infusion in this call, latched until a clinician reset.
                if (SideEffectStop.CallsForStop(kind, severity))
                {
                    _supervisor.RaiseReported(AlarmCode.TrialSideEffect);
                    _delivery.StopTherapyOnAlarmStop(now);
                }
            }
            Commit(now);
            return report;
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
        /// A new calibration (picoliters per step, from a bench run). Only while stopped with no alarm
        /// shown; the supervisor takes it in place (<see cref="SafetySupervisor.Recalibrate"/>).
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
                _supervisor.Recalibrate(new Calibration(picolitersPerStep));
                _events.Append(EventKind.Calibrated, now, picolitersPerStep, 0);
            }
            Commit(now);
            return report;
        }

        /// <summary>
        /// A service engineer replaces the key of <paramref name="role"/> by key agreement
        /// (KEY-AGREEMENT-NOT-WRAP, Protocol.KeyProvisioner); false, changing nothing, on a refusal.
        /// </summary>
        public bool ProvisionKey(Role role, byte[] programmerPublic, byte[] confirmation)
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

        /// <summary>Hands whatever changed to the motor and journals it (JOURNAL-BEFORE-EFFECT).</summary>
        private void Commit(Milliseconds now)
        {
            _delivery.AfterCommand(now);
            _journal.Write(now, now);
        }

        /// <summary>Programming a delivery needs a pump that is not alarm-stopped or in the safe state.</summary>
        private bool MayProgram()
        {
            SafetyState state = _supervisor.State;
            return state != SafetyState.AlarmStopped && state != SafetyState.SafeState;
        }

        private CheckReport NotReady(string what)
        {
            CheckReport report = new CheckReport();
            report.Add(TherapyError.PumpNotReady, CheckOutcome.Refused, what + " while the pump is " + SafetyStateMachine.StateName(_supervisor.State) + "; the limit is running (a clinician reset and programming end an alarm stop)");
            _recorder.Record(Now, TherapyRecordKind.ProgrammingRefused, TherapyError.PumpNotReady, 0, report[0].Message);
            return report;
        }

        /// <summary>
        /// NO-BOLUS-WITHOUT-PROTECTION: an empty (accepted) report, or the refusal of a bolus by
        /// <paramref name="who"/> (1 patient, 2 clinician), logged with its real reason: the alarm that
        /// forbids it, else the state that does.
        /// </summary>
        private CheckReport BolusRefusal(string what, TherapyRecordKind refused, int who)
        {
            CheckReport report = new CheckReport();
            AlarmCode blocking = BolusInterlock.Blocking(_supervisor.Alarms);
            if (blocking != AlarmCode.None)
            {
                report.Add(TherapyError.BolusBlockedByAlarm, CheckOutcome.Refused, what + " while alarm " + AlarmTable.Of(blocking).Name + " is shown; the limit is no alarm that stops delivery or takes away a protection (occlusion detection, the reservoir's measure)");
                _events.Append(EventKind.BolusBlockedByAlarm, Now, who, (long)blocking);
            }
            else if (!_supervisor.Delivering)
            {
                report.Add(TherapyError.PumpNotReady, CheckOutcome.Refused, what + " while the pump is " + SafetyStateMachine.StateName(_supervisor.State) + "; the limit is running");
                _recorder.Record(Now, refused, TherapyError.PumpNotReady, 0, report[0].Message);
            }
            return report;
        }
    }
}
