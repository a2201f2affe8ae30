using OpenIdds.Firmware.Control;
using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Units;
using OpenIdds.Hal;

namespace OpenIdds.Firmware.Persistence
{
    /// <summary>
    /// The pump controller with its state journaled so that no delivered dose is ever lost from the
    /// records or counted twice, whatever fails:
    /// - INTENT-BEFORE-STEP: before the motor takes a step that no record covers yet, the journal gets a
    ///   record of the schedule as it will stand <see cref="IntentWindow"/> ahead (worked out on a scratch
    ///   scheduler), and that record counts every step up to there as delivered. A power cut after the
    ///   record and before the steps leaves them counted but not given - at most one window of basal,
    ///   the safe direction for an opioid - and never given twice.
    /// - RESUME-NEVER-REPEATS: after a reset the schedule resumes from the newest good record's position,
    ///   with pump time moved to that position, so the steps it vouched for are never issued again and a
    ///   bolus in progress goes on from where the record left it, not from its beginning.
    /// - A programming change or a bolus is journaled at once, before it takes effect.
    /// Writes: one record per intent window while delivering (144 a day at 10 min) plus one per change.
    /// </summary>
    public sealed class JournaledPump
    {
        public static readonly Milliseconds DefaultIntentWindow = Milliseconds.FromMinutes(10);

        private readonly PumpHardware _board;
        private readonly Journal _journal;
        private readonly EventLog _events;
        private readonly RecordBuffer _buffer;
        private readonly PumpStateRecord _record = new PumpStateRecord();
        private readonly PumpController _pump;
        private readonly DosingScheduler _scratch;
        private readonly Calibration _calibration;
        private BolusOverlays? _profile;
        private long _committedUntil = long.MinValue;
        private long _committedSteps;
        private int _bolusSlot = -1;
        private long _nextHour;
        private long _stepsAtHour;

        public JournaledPump(PumpHardware board, Journal journal, EventLog events, Calibration calibration, Milliseconds intentWindow)
        {
            _board = board;
            _journal = journal;
            _events = events;
            _calibration = calibration;
            IntentWindow = intentWindow;
            _buffer = new RecordBuffer(journal.PayloadBytes);
            int kind;
            Recovered = journal.Recover(_buffer.Bytes, out kind) && kind == PumpStateRecord.Kind;
            long pumpTime = 0;
            if (Recovered)
            {
                _record.Decode(_buffer);
                pumpTime = _record.PumpTime > _record.Position.IntegratedTo.Value ? _record.PumpTime : _record.Position.IntegratedTo.Value;
                if (_record.PicolitersPerStep > 0) _calibration = new Calibration(_record.PicolitersPerStep);
            }
            Clock = new PumpClock(board.Clock, pumpTime);
            _pump = new PumpController(new PumpHardware(Clock, board.Motor, board.Pressure, board.ReservoirLevel, board.Battery, board.Annunciator, board.PatientButton, board.Store, board.Watchdog, board.Link), _calibration);
            _scratch = new DosingScheduler(new ConstantRate(NanolitersPerHour.Zero), _calibration, Milliseconds.Zero, DosingScheduler.Horizon);
            _nextHour = pumpTime + Milliseconds.PerHour;
            if (Recovered)
            {
                if (_record.NextHourAt > 0) _nextHour = _record.NextHourAt;
                _committedSteps = _record.StepsDelivered;
                _committedUntil = _record.Position.IntegratedTo.Value;
                _events.Append(EventKind.Reset, new Milliseconds(pumpTime), _record.StepsDelivered, 0);
                if (_record.Basal != null)
                {
                    _profile = new BolusOverlays(_record.Basal);
                    if (_record.BolusEnd > _record.Position.IntegratedTo.Value)
                    {
                        _bolusSlot = _profile.Add(new Milliseconds(_record.BolusStart), new Milliseconds(_record.BolusEnd - _record.BolusStart), new NanolitersPerHour(_record.BolusRate));
                    }
                    _pump.Resume(_profile, _record.Position, _record.StepsDelivered);
                }
            }
            _stepsAtHour = Recovered ? _record.StepsAtLastHour : _committedSteps;
        }

        public Milliseconds IntentWindow { get; private set; }

        /// <summary>True when this start restored a journaled state (a reset, not a first start).</summary>
        public bool Recovered { get; private set; }

        /// <summary>
        /// False when recovery found a damaged record (a CRC failure that is not a write cut by the power):
        /// the safety supervisor's self-test then raises storage-fault and goes to the safe state.
        /// </summary>
        public bool StorageValid { get { return _journal.DamagedRecords == 0; } }

        /// <summary>Pump time: survives resets (see <see cref="PumpClock"/>).</summary>
        public PumpClock Clock { get; private set; }

        public PumpController Pump { get { return _pump; } }

        /// <summary>Steps the records vouch for as delivered: everything the motor did, plus at most one intent window.</summary>
        public long StepsRecorded { get { return _committedSteps; } }

        public Milliseconds NextWake { get { return _pump.NextWake; } }

        /// <summary>The kind of the newest event in the log (after a recovery: the reset).</summary>
        public EventKind LastEvent
        {
            get
            {
                EventKind kind;
                Milliseconds at;
                long a, b;
                return _events.Read(_events.Newest, out kind, out at, out a, out b) ? kind : (EventKind)0;
            }
        }

        /// <summary>Programs a new basal (null = stop); journaled before it takes effect. A basal the journal cannot hold is refused and nothing changes.</summary>
        public void Program(IRateProfile? basal)
        {
            Milliseconds now = new Milliseconds(Clock.ElapsedMilliseconds);
            FlexSchedule? flex = basal as FlexSchedule;
            if (basal != null && !(basal is ConstantRate) && (flex == null || flex.StepCount > PumpStateRecord.MaxFlexSteps))
            {
                throw new System.ArgumentOutOfRangeException("basal", "flex steps " + (flex == null ? "?" : flex.StepCount.ToString()) + " is above the journal's limit " + PumpStateRecord.MaxFlexSteps.ToString() + ", or the profile kind cannot be journaled");
            }
            if (basal == null)
            {
                _pump.Stop();
                _profile = null;
                _bolusSlot = -1;
            }
            else
            {
                _profile = new BolusOverlays(basal);
                _bolusSlot = -1;
                if (_pump.State == PumpState.Running) _pump.ChangeProfile(_profile);
                else _pump.Start(_profile);
            }
            _committedUntil = long.MinValue;
            WriteRecord(now, now);
            _events.Append(EventKind.Programmed, now, basal == null ? 0 : 1, 0);
        }

        /// <summary>The reservoir was refilled (delivery suspended around it by the caller): journaled at once.</summary>
        public void Refilled(Nanoliters fill, string drug, MicrogramsPerMilliliter concentration)
        {
            Milliseconds now = new Milliseconds(Clock.ElapsedMilliseconds);
            _pump.Tick();
            _record.ReservoirFill = fill.Value;
            _record.StepsAtFill = _pump.StepsTaken;
            _record.DrugName = drug;
            _record.Concentration = concentration.Value;
            _committedUntil = long.MinValue;
            WriteRecord(now, now);
            _events.Append(EventKind.Refill, now, fill.Value, concentration.Value);
        }

        /// <summary>The reservoir the records compute: the last fill minus what was counted since (computed, not measured).</summary>
        public Nanoliters ReservoirComputed { get { return new Nanoliters(_record.ReservoirFill - _calibration.VolumeOf(_committedSteps - _record.StepsAtFill).Value); } }

        public string Drug { get { return _record.DrugName; } }

        public MicrogramsPerMilliliter Concentration { get { return new MicrogramsPerMilliliter(_record.Concentration); } }

        /// <summary>
        /// Steps delivered in the last 24 h of pump time, rebuilt from the hourly delivery events in the
        /// event log (which survive resets) plus the steps since the last hourly line. An export-path
        /// scan: call it for status and limits checks, not every tick.
        /// </summary>
        public long StepsInLast24Hours()
        {
            long now = Clock.ElapsedMilliseconds;
            long sum = _pump.StepsTaken - _stepsAtHour;
            EventKind kind;
            Milliseconds at;
            long a, b;
            for (uint s = _events.Newest; s >= _events.Oldest && s > 0; s--)
            {
                if (!_events.Read(s, out kind, out at, out a, out b)) continue;
                if (at.Value <= now - Milliseconds.PerDay) break;
                if (kind == EventKind.HourlyDelivery) sum += a;
            }
            return sum;
        }

        /// <summary>Lays a bolus over the basal from now; journaled before its first step.</summary>
        public void Bolus(Milliseconds duration, NanolitersPerHour rate, bool patient)
        {
            if (_profile == null || _pump.Scheduler == null) return;
            _pump.Tick();
            Milliseconds now = new Milliseconds(Clock.ElapsedMilliseconds);
            _bolusSlot = _profile.Add(now, duration, rate);
            _pump.Scheduler.Replan();
            if (patient) _record.LastPatientBolusAt = now.Value;
            _committedUntil = long.MinValue;
            WriteRecord(now, now);
            _events.Append(EventKind.BolusGranted, now, rate.Value, duration.Value);
        }

        public void Tick()
        {
            Milliseconds now = new Milliseconds(Clock.ElapsedMilliseconds);
            DosingScheduler? live = _pump.Scheduler;
            if (live != null && _pump.State == PumpState.Running && live.NextStepDue <= now && now.Value >= _committedUntil)
            {
                // INTENT-BEFORE-STEP: vouch for the next window before the motor moves.
                WriteRecord(now, new Milliseconds(now.Value + IntentWindow.Value));
            }
            _pump.Tick();
            if (now.Value >= _nextHour)
            {
                _events.Append(EventKind.HourlyDelivery, now, _pump.StepsTaken - _stepsAtHour, 0);
                _stepsAtHour = _pump.StepsTaken;
                _nextHour += Milliseconds.PerHour;
            }
        }

        private void WriteRecord(Milliseconds now, Milliseconds horizon)
        {
            DosingScheduler? live = _pump.Scheduler;
            SchedulerPosition position = new SchedulerPosition(now, 0, 0, 0);
            long delivered = _pump.StepsTaken;
            if (live != null && _profile != null)
            {
                _scratch.MoveTo(live.Position, _profile);
                int missed;
                _scratch.Advance(horizon, out missed);
                position = _scratch.Position;
                // Steps the scratch scheduler hands out up to the horizon are the ones this record vouches for.
                delivered = _pump.StepsTaken + (_scratch.StepsTaken - live.StepsTaken);
            }
            _record.PumpTime = now.Value;
            _record.Position = position;
            _record.StepsDelivered = delivered;
            _record.PicolitersPerStep = _calibration.PicolitersPerStep;
            _record.Basal = _profile == null ? null : _profile.Basal;
            Milliseconds start, end;
            NanolitersPerHour rate;
            if (_profile != null && _bolusSlot >= 0 && _profile.TryGet(_bolusSlot, out start, out end, out rate))
            {
                _record.BolusStart = start.Value;
                _record.BolusEnd = end.Value;
                _record.BolusRate = rate.Value;
            }
            else
            {
                _record.BolusStart = 0;
                _record.BolusEnd = 0;
                _record.BolusRate = 0;
            }
            _record.StepsAtLastHour = _stepsAtHour;
            _record.NextHourAt = _nextHour;
            _record.Encode(_buffer);
            _journal.Append(PumpStateRecord.Kind, _buffer.Bytes);
            _committedSteps = delivered;
            _committedUntil = horizon.Value;
        }
    }
}
