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
    /// The whole firmware of one pump, wired once at start-up: the therapy (what to deliver), the
    /// safety supervisor (the motor, its guard, the detectors and alarms), the journal and the event
    /// log (what survives a reset), the trial diary and the programmer's link. A board calls
    /// <see cref="Tick"/> whenever it wakes and sleeps until <see cref="NextWake"/>; the simulator does
    /// the same in virtual time. Each job has its own type: <see cref="PumpOperations"/> (commands),
    /// <see cref="DeliverySync"/> (therapy to motor), <see cref="StateJournal"/> (records),
    /// <see cref="PumpEventRecorder"/> (event log), <see cref="DeliveryAccount"/> (what was given),
    /// <see cref="TherapyAlerts"/>, <see cref="PumpStatus"/>. The command methods here forward to
    /// <see cref="PumpOperations"/>, so callers hold one object.
    ///
    /// STORAGE-FAULT-IS-SAFE-STATE: a journal or key record that is damaged, or that this firmware
    /// cannot use, fails the self-test; starting fresh would forget a running therapy, its lockouts
    /// and its 24 h dose.
    /// </summary>
    public sealed class InfusionPump
    {
        private readonly PumpSetup _setup;
        private readonly PumpClock _clock;
        private readonly PumpHardware _hardware;
        private readonly EventLog _events;
        private readonly KeyRing _keys;
        private readonly uint[] _replayCounters = new uint[PumpStateRecord.Roles];
        private readonly SafetySupervisor _supervisor;
        private readonly InfusionTherapy _therapy;
        private readonly TrialDiary _diary;
        private readonly DeliveryAccount _account;
        private readonly StateJournal _journal;
        private readonly CatheterCheckLog _catheterLog;
        private readonly DeliverySync _delivery;
        private readonly TherapyAlerts _alerts;
        private readonly PumpOperations _operations;
        private readonly PressureCalibrationSetting _pressureCalibration;
        private readonly ReliefJournal _reliefJournal;
        private readonly ProtocolEndpoint _endpoint;
        private readonly ResumePoint _resume = new ResumePoint();

        public InfusionPump(PumpHardware board, PumpSetup setup)
        {
            _setup = setup;
            if (board.Store.PageCount < setup.PagesNeeded)
            {
                throw new System.ArgumentOutOfRangeException("setup", "flash layout needs " + setup.PagesNeeded.ToString() + " pages but the store has " + board.Store.PageCount.ToString());
            }
            Journal journal = new Journal(board.Store, setup.JournalFirstPage, setup.JournalPages, PumpStateRecord.SlotBytes);
            _events = new EventLog(board.Store, setup.EventFirstPage, setup.EventPages);
            EventLog diaryRing = new EventLog(board.Store, setup.DiaryFirstPage, setup.DiaryPages);
            RecordBuffer buffer = new RecordBuffer(journal.PayloadBytes);
            PumpStateRecord record = new PumpStateRecord();

            int kind;
            bool found = journal.Recover(buffer.Bytes, out kind);
            if (found && kind == PumpStateRecord.Kind) record.Decode(buffer);
            Recovered = found && kind == PumpStateRecord.Kind && record.Valid;
            _keys = new KeyRing(setup.DeviceId);
            KeyStore keyStore = new KeyStore(board.Store, setup.KeyFirstPage, setup.KeyPages);
            keyStore.Load(_keys);
            KeyProvisioner provisioner = new KeyProvisioner(_keys, keyStore, setup.AgreementSecret, setup.LabelKey);
            // DAMAGE-IS-A-FAULT for what runs the therapy (journal, keys): the safe state. A damaged event or
            // diary record leaves a gap in the history but not in the therapy: it is an alarm, and delivery
            // goes on (LOG-DAMAGE-KEEPS-DELIVERING). A torn append is neither.
            int damaged = journal.DamagedRecords + keyStore.DamagedRecords;
            int logDamaged = _events.DamagedRecords + diaryRing.DamagedRecords;
            // STORE-LOSS-IS-A-FAULT: a commissioned pump whose journal holds no record lost its store
            // (missing, truncated, zeroed or erased file): never a factory reset, always the safe state.
            ICommissioningRecord? commissioning = setup.Commissioning;
            StoreLost = commissioning != null && commissioning.Commissioned && !found;
            StorageValid = damaged == 0 && (!found || Recovered) && !StoreLost;
            LogValid = logDamaged == 0;

            long pumpTime = 0;
            if (Recovered) pumpTime = record.PumpTime > record.Position.IntegratedTo.Value ? record.PumpTime : record.Position.IntegratedTo.Value;
            _clock = new PumpClock(board.Clock, pumpTime);
            _hardware = board.WithClock(_clock);
            Calibration calibration = Recovered && record.PicolitersPerStep > 0 ? new Calibration(record.PicolitersPerStep) : setup.Calibration;

            PumpStage stage = Recovered ? record.Therapy.Stage : setup.Stage;
            PumpConfiguration config = setup.ConfigurationFor(stage);
            Milliseconds now = Now;
            JournalRequest request = new JournalRequest();
            PumpEventRecorder recorder = new PumpEventRecorder(_events, request);
            _supervisor = new SafetySupervisor(_hardware, calibration, setup.SupervisorSettingsFor(stage), recorder, StorageValid, setup.ResetCause);
            if (Recovered) _supervisor.Reservoir.SetLowThreshold(record.Therapy.LowReservoirThreshold);
            _therapy = Recovered ? InfusionTherapy.Restore(record.Therapy, config, setup.Library, recorder, _supervisor) : new InfusionTherapy(config, setup.Library, recorder, _supervisor, now);
            recorder.Attach(_therapy);
            _diary = Recovered
                ? new TrialDiary(new Milliseconds(record.TrialStart), new Nanograms(record.TrialDeliveredAtStart), record.TrialGrantedAtStart, record.TrialRefusedAtStart, record.TrialBaselineEntries)
                : new TrialDiary(Milliseconds.Never, Nanograms.Zero, 0, 0, 0);
            _account = new DeliveryAccount(_supervisor, _therapy, _events, request, now);
            _journal = new StateJournal(journal, buffer, record, _supervisor, _therapy, _diary, _replayCounters, _account, _resume, request, setup.IntentWindow, setup.IntentStepLimit);
            _delivery = new DeliverySync(_supervisor, _therapy, _journal, request, _resume, _events, _clock);
            _pressureCalibration = new PressureCalibrationSetting(record, board.Pressure, Recovered, _therapy, _events, _delivery, _journal);
            _reliefJournal = new ReliefJournal(record, _supervisor, _journal, request, Recovered);
            _alerts = new TherapyAlerts(_supervisor, _therapy);
            _catheterLog = new CatheterCheckLog(_supervisor, _events, request);
            TrialDiaryLog diaryLog = new TrialDiaryLog(diaryRing, _events);
            _operations = new PumpOperations(setup, _clock, _supervisor, _therapy, _diary, diaryLog, _events, recorder, _keys, provisioner, _delivery, _journal, _alerts);

            if (Recovered) _journal.Restore(now, setup.ResetCause, _events);
            if (!StorageValid) _events.Append(EventKind.StorageFault, now, damaged, logDamaged);
            else if (!LogValid) _events.Append(EventKind.StorageFault, now, 0, logDamaged);
            if (!LogValid) _supervisor.LogRecordsDamaged();
            diaryLog.ReplayInto(_diary);
            if (commissioning != null && !commissioning.Commissioned && StorageValid)
            {
                // Commissioning: the first record is committed, then recorded outside the store.
                if (!found) _journal.Write(now, now);
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

        /// <summary>The board's hardware, on pump time.</summary>
        public PumpHardware Hardware { get { return _hardware; } }
        public InfusionTherapy Therapy { get { return _therapy; } }
        public SafetySupervisor Supervisor { get { return _supervisor; } }
        public TrialDiary Diary { get { return _diary; } }
        public EventLog Events { get { return _events; } }
        public Calibration Calibration { get { return _supervisor.Pump.Calibration; } }
        public PumpController Controller { get { return _supervisor.Pump; } }
        public DeliveryAccount Account { get { return _account; } }
        public PumpOperations Operations { get { return _operations; } }

        public KeyRing Keys { get { return _keys; } }
        public ProtocolEndpoint Endpoint { get { return _endpoint; } }

        /// <summary>The protocol's replay counter per role (the newest counter accepted); journaled with every state change.</summary>
        public uint[] ReplayCounters { get { return _replayCounters; } }

        /// <summary>Steps the records vouch for as delivered (<see cref="StateJournal.StepsRecorded"/>).</summary>
        public long StepsRecorded { get { return _journal.StepsRecorded; } }

        /// <summary>Steps booked at past restarts that no record confirmed given (<see cref="StateJournal.Overcount"/>).</summary>
        public RestartOvercount RestartOvercount { get { return _journal.Overcount; } }

        /// <summary>Records written since start-up.</summary>
        public long RecordsWritten { get { return _journal.RecordsWritten; } }

        /// <summary>The drug of the steps dropped since start-up (REPORT-WHAT-WAS-GIVEN).</summary>
        public Nanograms MissedMass { get { return _account.MissedMass; } }

        /// <summary>When the board should call <see cref="Tick"/> next.</summary>
        public Milliseconds NextWake
        {
            get
            {
                if (_resume.Pending) return new Milliseconds(_clock.ElapsedMilliseconds + 1);
                return Milliseconds.Min(_supervisor.NextWake, _alerts.NextWake);
            }
        }

        /// <summary>Does everything due now: the programmer's frames, the patient's button, the therapy, the motor, the journal.</summary>
        public void Tick()
        {
            Milliseconds now = Now;
            _endpoint.Poll();
            int presses = _hardware.PatientButton.TakePresses();
            for (int i = 0; i < presses; i++) _operations.RequestPatientBolus();
            _therapy.Tick(now);
            _delivery.Update(now);
            _journal.WriteIntentIfStepDue(now);
            _reliefJournal.BeforeTick(now);
            _supervisor.Tick();
            _reliefJournal.AfterTick();
            _account.CountMissedMass();
            _catheterLog.Update(now);
            _delivery.StopTherapyOnAlarmStop(now);
            _alerts.Update(now);
            _account.HourlyLine(now);
            _journal.WriteIfAsked(now);
        }

        /// <summary>Everything `iddsctl status` shows, as of now.</summary>
        public Protocol.Messages.StatusMessage Status() { return PumpStatus.Of(this, Now); }

        // The commands, forwarded to their owner (PumpOperations).
        public CheckReport Program(Prescription prescription, bool confirmed) { return _operations.Program(prescription, confirmed); }
        public CheckReport Review(Prescription prescription) { return _operations.Review(prescription); }
        public CheckReport CommitReviewed(Prescription prescription, bool confirmed) { return _operations.CommitReviewed(prescription, confirmed); }
        public CheckReport RequestPatientBolus() { return _operations.RequestPatientBolus(); }
        public CheckReport RequestClinicianBolus(Micrograms dose, Milliseconds duration, bool confirmed) { return _operations.RequestClinicianBolus(dose, duration, confirmed); }
        public Nanoliters BeginRefill() { return _operations.BeginRefill(); }
        public RefillResult CompleteRefill(Nanoliters withdrawn, Nanoliters added, Drug drug, Nanoliters lowThreshold, bool confirmed) { return _operations.CompleteRefill(withdrawn, added, drug, lowThreshold, confirmed); }
        public bool RefillOpen { get { return _operations.RefillOpen; } }
        public CheckReport HoldStopped(Milliseconds duration) { return _operations.HoldStopped(duration); }
        public bool ClinicianReset() { return _operations.ClinicianReset(); }
        public bool CatheterRevised() { return _operations.CatheterRevised(); }
        public void SilenceAlarms() { _operations.SilenceAlarms(); }
        public CheckReport AddPain(int score) { return _operations.AddPain(score); }
        public CheckReport AddActivity(ActivityKind kind, int minutes) { return _operations.AddActivity(kind, minutes); }
        public CheckReport AddSideEffect(SideEffectKind kind, SideEffectSeverity severity) { return _operations.AddSideEffect(kind, severity); }
        public CheckReport SyncClock(Milliseconds timeOfDay) { return _operations.SyncClock(timeOfDay); }
        public CheckReport Calibrate(long picolitersPerStep) { return _operations.Calibrate(picolitersPerStep); }
        public CheckReport CalibratePressure(int zeroPartsPerMillion, int spanPartsPerMillion, int spanPascals) { return _pressureCalibration.Change(zeroPartsPerMillion, spanPartsPerMillion, spanPascals, Now); }
        public PressureCalibrationSetting PressureCalibration { get { return _pressureCalibration; } }
        public bool ProvisionKey(Role role, byte[] programmerPublic, byte[] confirmation) { return _operations.ProvisionKey(role, programmerPublic, confirmation); }

        /// <summary>Why the last <see cref="ProvisionKey"/> refused.</summary>
        public string ProvisionRefusal { get { return _operations.ProvisionRefusal; } }
        public TrialReport TrialReport(int reliefThresholdPercent) { return OpenIdds.Firmware.Therapy.TrialReport.From(_diary, _therapy, Now, reliefThresholdPercent); }
    }
}
