using OpenIdds.Firmware.Control;
using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Persistence;
using OpenIdds.Firmware.Protocol;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;
using OpenIdds.Hal;

namespace OpenIdds.Firmware.Device
{
    /// <summary>
    /// The whole firmware of one pump, as a board runs it: the therapy (what to deliver), the safety
    /// supervisor (the motor, its guard, the detectors and alarms), the journal and the event log
    /// (what survives a reset), the trial diary and the programmer's link. A board calls
    /// <see cref="Tick"/> whenever it wakes and sleeps until <see cref="NextWake"/>; the simulator does
    /// the same in virtual time. Commands (<c>InfusionPump.Commands.cs</c>) come from the protocol
    /// endpoint, the patient button and, in the simulator, scenario actions.
    ///
    /// Rules kept here (docs/hazards.md names each):
    /// - THERAPY-DRIVES-DELIVERY: the supervisor runs exactly the therapy's profile; every change of it
    ///   (programming, a bolus, a bridge's end) reaches the motor through one path, <see cref="SyncDelivery"/>.
    /// - ALARM-STOP-STOPS-THERAPY: when an alarm stops delivery, the prescription is set to stopped too,
    ///   so the therapy never counts drug the motor did not give, and a clinician must program again.
    /// - JOURNAL-BEFORE-EFFECT and INTENT-BEFORE-STEP (<c>InfusionPump.Journal.cs</c>).
    /// - RESUME-AFTER-RESET: a reset restores the journaled therapy and, once the self-test passes and
    ///   no latched alarm forbids it, delivery goes on from the journaled scheduler position.
    /// </summary>
    public sealed partial class InfusionPump : IAlarmEventSink, ITherapyRecorder
    {
        private readonly PumpSetup _setup;
        private readonly PumpClock _clock;
        private readonly PumpHardware _hardware;
        private readonly Journal _journal;
        private readonly EventLog _events;
        private readonly EventLog _diaryLog;
        private readonly RecordBuffer _buffer;
        private readonly PumpStateRecord _record = new PumpStateRecord();
        private readonly uint[] _replayCounters = new uint[PumpStateRecord.Roles];
        private Calibration _calibration;
        private DosingScheduler _scratch;
        private SafetySupervisor _supervisor;
        private InfusionTherapy _therapy;
        private TrialDiary _diary;
        private RefillSession? _refill;
        private readonly KeyRing _keys;
        private readonly KeyStore _keyStore;
        private readonly KeyProvisioner _provisioner;
        private readonly ProtocolEndpoint _endpoint;

        private int _syncedRevision = -1;
        private int _syncedBoluses = -1;
        private bool _resumePending;
        private SchedulerPosition _resumePosition;
        private long _resumeSteps;
        private long _nextHour;
        private long _stepsAtHour;
        private long _massAtHour;
        private long _stepsMissedSeen;
        private long _missedMass;
        private long _missedMassAtHour;
        private bool _dirty;

        public InfusionPump(PumpHardware board, PumpSetup setup)
        {
            _setup = setup;
            if (board.Store.PageCount < setup.PagesNeeded)
            {
                throw new System.ArgumentOutOfRangeException("setup", "flash layout needs " + setup.PagesNeeded.ToString() + " pages but the store has " + board.Store.PageCount.ToString());
            }
            _journal = new Journal(board.Store, setup.JournalFirstPage, setup.JournalPages, PumpStateRecord.SlotBytes);
            _events = new EventLog(board.Store, setup.EventFirstPage, setup.EventPages);
            _diaryLog = new EventLog(board.Store, setup.DiaryFirstPage, setup.DiaryPages);
            _buffer = new RecordBuffer(_journal.PayloadBytes);

            int kind;
            bool found = _journal.Recover(_buffer.Bytes, out kind);
            if (found && kind == PumpStateRecord.Kind) _record.Decode(_buffer);
            Recovered = found && kind == PumpStateRecord.Kind && _record.Valid;
            // A record the journal holds but this firmware cannot use is damage too: starting fresh
            // would forget a running therapy, its lockouts and its 24 h dose (STORAGE-FAULT-IS-SAFE-STATE).
            _keys = new KeyRing(setup.DeviceId);
            _keyStore = new KeyStore(board.Store, setup.KeyFirstPage, setup.KeyPages);
            _keyStore.Load(_keys);
            _provisioner = new KeyProvisioner(_keys, _keyStore, setup.AgreementSecret);
            // DAMAGE-IS-A-FAULT for what runs the therapy (journal, keys): the safe state. A damaged event or
            // diary record leaves a gap in the history but not in the therapy: it is an alarm, and delivery
            // goes on (LOG-DAMAGE-KEEPS-DELIVERING). A torn append is neither.
            int damaged = _journal.DamagedRecords + _keyStore.DamagedRecords;
            int logDamaged = _events.DamagedRecords + _diaryLog.DamagedRecords;
            // STORE-LOSS-IS-A-FAULT: a commissioned pump whose journal holds no record lost its store
            // (missing, truncated, zeroed or erased file): never a factory reset, always the safe state.
            ICommissioningRecord? commissioning = setup.Commissioning;
            StoreLost = commissioning != null && commissioning.Commissioned && !found;
            StorageValid = damaged == 0 && (!found || Recovered) && !StoreLost;
            LogValid = logDamaged == 0;

            long pumpTime = 0;
            if (Recovered) pumpTime = _record.PumpTime > _record.Position.IntegratedTo.Value ? _record.PumpTime : _record.Position.IntegratedTo.Value;
            _clock = new PumpClock(board.Clock, pumpTime);
            _hardware = board.WithClock(_clock);
            _calibration = Recovered && _record.PicolitersPerStep > 0 ? new Calibration(_record.PicolitersPerStep) : setup.Calibration;
            _scratch = new DosingScheduler(new ConstantRate(NanolitersPerHour.Zero), _calibration, Milliseconds.Zero, DosingScheduler.Horizon);

            PumpStage stage = Recovered ? _record.Therapy.Stage : setup.Stage;
            PumpConfiguration config = setup.ConfigurationFor(stage);
            Milliseconds now = Now;
            _therapy = Recovered ? InfusionTherapy.Restore(_record.Therapy, config, setup.Library, this) : new InfusionTherapy(config, setup.Library, this, now);
            _supervisor = new SafetySupervisor(_hardware, _calibration, setup.SupervisorSettingsFor(stage), this, StorageValid, setup.ResetCause);
            _supervisor.Reservoir.SetLowThreshold(config.LowReservoirThreshold);
            _diary = new TrialDiary(Milliseconds.Never, Nanograms.Zero, 0, 0, 0);
            _nextHour = now.Value + Milliseconds.PerHour;

            if (Recovered) RestoreFromRecord(now);
            if (!StorageValid) _events.Append(EventKind.StorageFault, now, damaged, logDamaged);
            else if (!LogValid) _events.Append(EventKind.StorageFault, now, 0, logDamaged);
            if (!LogValid) _supervisor.LogRecordsDamaged();
            ReplayDiary();
            if (commissioning != null && !commissioning.Commissioned && StorageValid)
            {
                // Commissioning: the first record is committed, then recorded outside the store.
                if (!found) WriteRecord(now, now);
                commissioning.RecordCommissioned();
            }
            _endpoint = new ProtocolEndpoint(board.Link, _clock, _keys, _replayCounters, new PumpCommandHandler(this));
        }

        /// <summary>False when the start found a damaged event-log or diary record (log-damaged; delivery goes on).</summary>
        public bool LogValid { get; private set; }

        /// <summary>STORE-LOSS-IS-A-FAULT: the device was commissioned but its journal held no record at this start.</summary>
        public bool StoreLost { get; private set; }

        /// <summary>True when this start restored a journaled state (a reset, not a first start).</summary>
        public bool Recovered { get; private set; }

        /// <summary>False when the journal, the key store, the event log or the diary held a damaged record, or the journal an unusable one: the self-test fails and the pump goes to the safe state.</summary>
        public bool StorageValid { get; private set; }

        public string DeviceId { get { return _setup.DeviceId; } }
        public PumpSetup Setup { get { return _setup; } }

        /// <summary>Pump time, which survives resets (<see cref="PumpClock"/>).</summary>
        public Milliseconds Now { get { return new Milliseconds(_clock.ElapsedMilliseconds); } }

        public IMonotonicClock Clock { get { return _clock; } }
        public InfusionTherapy Therapy { get { return _therapy; } }
        public SafetySupervisor Supervisor { get { return _supervisor; } }
        public TrialDiary Diary { get { return _diary; } }
        public EventLog Events { get { return _events; } }
        public Calibration Calibration { get { return _calibration; } }
        public PumpController Controller { get { return _supervisor.Pump; } }

        public KeyRing Keys { get { return _keys; } }
        public ProtocolEndpoint Endpoint { get { return _endpoint; } }

        /// <summary>The protocol's replay counter per role (the newest counter accepted); journaled with every state change.</summary>
        public uint[] ReplayCounters { get { return _replayCounters; } }

        /// <summary>When the board should call <see cref="Tick"/> next.</summary>
        public Milliseconds NextWake
        {
            get
            {
                if (_resumePending) return new Milliseconds(_clock.ElapsedMilliseconds + 1);
                return Milliseconds.Min(_supervisor.NextWake, _stoppedWatch.NextWake);
            }
        }

        /// <summary>Does everything due now: the programmer's frames, the patient's button, the therapy, the motor, the journal.</summary>
        public void Tick()
        {
            Milliseconds now = Now;
            PollLink();
            int presses = _hardware.PatientButton.TakePresses();
            for (int i = 0; i < presses; i++) RequestPatientBolus();
            _therapy.Tick(now);

            if (_resumePending) Resume(now);
            else if (NeedsSync(now)) SyncDelivery(now);

            WriteIntentIfStepDue(now);
            _supervisor.Tick();
            CountMissedMass();
            StopTherapyOnAlarmStop(now);
            WatchStoppedTherapy(now);
            WatchDrugExpiry(now);
            HourlyLine(now);
            if (_dirty) WriteRecord(now, now);
        }

        private bool NeedsSync(Milliseconds now)
        {
            _therapy.Profile.Expire(now);
            return _therapy.Revision != _syncedRevision || _therapy.Profile.ActiveCount != _syncedBoluses || now.Value >= _allowedRateUntil;
        }

        /// <summary>
        /// THERAPY-DRIVES-DELIVERY: hands the therapy's profile to the supervisor with what the guard
        /// may allow (the profile's peak over the scheduler's horizon, boluses included), or stops it.
        /// A step due now that no record covers yet is journaled first, since changing the profile
        /// takes the steps due on the old one.
        /// </summary>
        private void SyncDelivery(Milliseconds now)
        {
            BolusOverlays profile = _therapy.Profile;
            profile.Expire(now);
            if (_therapy.Prescription.Mode == DeliveryMode.Stopped)
            {
                WriteIntentIfStepDue(now);
                SafetyState state = _supervisor.State;
                if (state == SafetyState.Running || state == SafetyState.Bolus || state == SafetyState.Suspended) _supervisor.Stop();
                MarkSynced();
                return;
            }
            WriteIntentIfStepDue(now);
            NanolitersPerHour allowed = PeakRate.Of(profile, now, DosingScheduler.Horizon);
            if (_supervisor.Deliver(profile, allowed, profile.ActiveCount > 0)) MarkSynced();
            _committedUntil = long.MinValue;
            _dirty = true;
        }

        private void MarkSynced()
        {
            _syncedRevision = _therapy.Revision;
            _syncedBoluses = _therapy.Profile.ActiveCount;
            // GUARD-ALLOWANCE-RENEWED: the allowed rate is the profile's peak over the scheduler's two-day
            // horizon, so it must be worked out again within that horizon: a rate that changes later with
            // no reprogramming (a bridge whose new drug reaches the tip days later) would otherwise run
            // above what the over-infusion guard allows, and a correct pump would be stopped.
            _allowedRateUntil = Now.Value + DosingScheduler.Horizon.Value / 2;
        }

        private long _allowedRateUntil = long.MaxValue;

        /// <summary>RESUME-AFTER-RESET: once the self-test passed, delivery goes on from the journal's position.</summary>
        private void Resume(Milliseconds now)
        {
            SafetyState state = _supervisor.State;
            if (state == SafetyState.PowerOnSelfTest) return;
            _resumePending = false;
            if (state != SafetyState.Stopped || _supervisor.Alarms.StopsDelivery || _therapy.Prescription.Mode == DeliveryMode.Stopped) return;
            BolusOverlays profile = _therapy.Profile;
            profile.Expire(now);
            NanolitersPerHour allowed = PeakRate.Of(profile, now, DosingScheduler.Horizon);
            if (_supervisor.ResumeFrom(profile, allowed, profile.ActiveCount > 0, _resumePosition, _resumeSteps)) MarkSynced();
        }

        /// <summary>ALARM-STOP-STOPS-THERAPY: an alarm that stopped the motor also stops the prescription.</summary>
        private void StopTherapyOnAlarmStop(Milliseconds now)
        {
            SafetyState state = _supervisor.State;
            if (state != SafetyState.AlarmStopped && state != SafetyState.SafeState) return;
            if (_therapy.Prescription.Mode == DeliveryMode.Stopped) return;
            _therapy.Program(Prescription.Stopped(_therapy.Prescription.Drug), true, now);
            _events.Append(EventKind.TherapyStoppedByAlarm, now, (long)_supervisor.Alarms.Highest, 0);
            _resumePending = false;
            MarkSynced();
            _dirty = true;
        }

        private readonly StoppedTherapyWatch _stoppedWatch = new StoppedTherapyWatch();

        /// <summary>STOPPED-THERAPY-ALERT: raises therapy-stopped, then therapy-stopped-long, while a filled pump delivers nothing.</summary>
        private void WatchStoppedTherapy(Milliseconds now)
        {
            if (_supervisor.State == SafetyState.PowerOnSelfTest) return;
            _stoppedWatch.Update(Delivering(), _supervisor.EverFilled, StoppedAlertAfter(), now);
            AlarmSystem alarms = _supervisor.Alarms;
            if (_stoppedWatch.Alert) alarms.Raise(AlarmCode.TherapyStopped, now); else alarms.ConditionGone(AlarmCode.TherapyStopped, now);
            if (_stoppedWatch.Escalated) alarms.Raise(AlarmCode.TherapyStoppedLong, now); else alarms.ConditionGone(AlarmCode.TherapyStoppedLong, now);
        }

        /// <summary>How long before the drug's expiry drug-expiring is raised.</summary>
        public static readonly Milliseconds DrugExpiryAlertBefore = Milliseconds.FromDays(7);

        /// <summary>DRUG-STABILITY-LIMIT: drug-expiring from 7 days before the fill reaches the drug library's maximum time in the reservoir until a refill; delivery goes on (stopping is itself a hazard).</summary>
        private void WatchDrugExpiry(Milliseconds now)
        {
            Milliseconds expires = _therapy.DrugExpiresAt;
            bool due = !expires.IsNever && now.Value >= expires.Value - DrugExpiryAlertBefore.Value;
            if (due) _supervisor.Alarms.Raise(AlarmCode.DrugExpiring, now); else _supervisor.Alarms.ConditionGone(AlarmCode.DrugExpiring, now);
        }

        /// <summary>The stopped-therapy time of the drug programmed (or in the reservoir), from the drug library; the default otherwise.</summary>
        private Milliseconds StoppedAlertAfter()
        {
            Drug drug = _therapy.Prescription.Drug;
            if (drug.IsNone) drug = _therapy.ReservoirDrug;
            DrugLimits? limits = drug.IsNone ? null : _therapy.Library.Find(drug.Name);
            return limits == null ? DrugLimits.DefaultStoppedAlertAfter : limits.StoppedAlertAfter;
        }

        /// <summary>
        /// REPORT-WHAT-WAS-GIVEN: the therapy integrates the prescription, so the drug of steps the
        /// controller dropped (NO-CATCH-UP) is taken off what the hourly line and status call delivered.
        /// </summary>
        private void CountMissedMass()
        {
            long missed = _supervisor.Pump.StepsMissed - _stepsMissedSeen;
            if (missed <= 0) return;
            _stepsMissedSeen += missed;
            _missedMass += _calibration.VolumeOf(missed).Value * _therapy.LineDrug.Concentration.Value / 1000;
        }

        /// <summary>The drug of the steps dropped since start-up (REPORT-WHAT-WAS-GIVEN).</summary>
        public Nanograms MissedMass { get { return new Nanograms(_missedMass); } }

        private void HourlyLine(Milliseconds now)
        {
            if (now.Value < _nextHour) return;
            long steps = _supervisor.Pump.StepsTaken;
            long mass = _therapy.DeliveredMass.Value;
            long given = mass - _massAtHour - (_missedMass - _missedMassAtHour);
            _events.Append(EventKind.HourlyDelivery, now, steps - _stepsAtHour, given > 0 ? given : 0);
            _stepsAtHour = steps;
            _massAtHour = mass;
            _missedMassAtHour = _missedMass;
            while (_nextHour <= now.Value) _nextHour += Milliseconds.PerHour;
            // A record at least every hour: even through hours without a step (a flex step at 0), a
            // reset never takes pump time back more than an hour from where the power went.
            _dirty = true;
        }

        void IAlarmEventSink.Record(Milliseconds at, AlarmEventKind kind, AlarmCode code)
        {
            EventKind logged;
            switch (kind)
            {
                case AlarmEventKind.Raised: logged = EventKind.AlarmRaised; break;
                case AlarmEventKind.Cleared: logged = EventKind.AlarmCleared; break;
                case AlarmEventKind.Silenced: logged = EventKind.AlarmSilenced; break;
                case AlarmEventKind.Acknowledged: logged = EventKind.AlarmAcknowledged; break;
                case AlarmEventKind.SilenceRefused: logged = EventKind.AlarmSilenceRefused; break;
                default: logged = EventKind.AlarmReannunciated; break;
            }
            _events.Append(logged, at, (long)code, 0);
            // A change of a latched alarm must reach the journal (LATCHES-SURVIVE-RESET).
            if (AlarmTable.Of(code).Latched && kind != AlarmEventKind.Silenced && kind != AlarmEventKind.SilenceRefused && kind != AlarmEventKind.Reannunciated) _dirty = true;
        }

        /// <summary>REFUSAL-LOGGED-WITH-LIMIT: the refusal as ever, then the value and the limit it broke.</summary>
        void ITherapyRecorder.RecordLimit(Milliseconds at, TherapyRecordKind kind, CheckReason reason)
        {
            ((ITherapyRecorder)this).Record(at, kind, reason.Code, reason.Message);
            _events.Append(EventKind.RefusedValue, at, RefusalValueText.Pack(reason.Code, reason.Value), reason.Limit);
        }

        void ITherapyRecorder.Record(Milliseconds at, TherapyRecordKind kind, TherapyError code, string message)
        {
            switch (kind)
            {
                case TherapyRecordKind.ProgrammingRefused: _events.Append(EventKind.ProgrammingRefused, at, 0, (long)code); break;
                case TherapyRecordKind.RefillRefused: _events.Append(EventKind.ProgrammingRefused, at, 0, (long)code); break;
                case TherapyRecordKind.ProgrammingCommitted:
                    _events.Append(EventKind.Programmed, at, (long)_therapy.Prescription.Mode, _therapy.Prescription.DailyDose.Value);
                    break;
                case TherapyRecordKind.PatientBolusRefused: _events.Append(EventKind.BolusRefused, at, 1, (long)code); break;
                case TherapyRecordKind.ClinicianBolusRefused: _events.Append(EventKind.BolusRefused, at, 2, (long)code); break;
                case TherapyRecordKind.PatientBolusGranted: break; // logged with its volume by the command
                case TherapyRecordKind.ClinicianBolusGranted: break;
                case TherapyRecordKind.Clamped: _events.Append(EventKind.Clamped, at, 0, (long)code); break;
                case TherapyRecordKind.Confirmed: _events.Append(EventKind.Confirmed, at, 0, (long)code); break;
                case TherapyRecordKind.RefillAlert: break; // logged with its discrepancy by CompleteRefill
                case TherapyRecordKind.Refill: break; // logged with its volumes by CompleteRefill
                case TherapyRecordKind.NewDrugAtTip:
                    _events.Append(EventKind.NewDrugAtTip, at, 0, _therapy.LineDrug.Concentration.Value);
                    _dirty = true;
                    break;
            }
        }
    }
}
