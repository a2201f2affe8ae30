using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Persistence;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Device
{
    /// <summary>
    /// What the pump writes to flash and takes up after a reset, so that no delivered dose is ever
    /// lost from the records or counted twice, whatever fails:
    /// - INTENT-BEFORE-STEP: before the motor takes a step no record covers yet, the journal gets a
    ///   record of the schedule as it will stand one intent window ahead (worked out on a scratch
    ///   scheduler), and that record counts every step up to there as delivered. A power cut after the
    ///   record and before the steps leaves them counted but not given - at most one window of basal,
    ///   the safe direction for an opioid - and never given twice.
    /// - JOURNAL-BEFORE-EFFECT: a programming change, a bolus, a refill, a calibration, a clock sync and
    ///   every authenticated command's replay counter are journaled before the command answers and
    ///   before the motor runs on them.
    /// - RESUME-NEVER-REPEATS: after a reset the schedule resumes from the newest good record's
    ///   position, with pump time moved to it, so the steps it vouched for are never issued again and a
    ///   bolus in progress goes on to its original end.
    /// Writes: one record per intent horizon while delivering (INTENT-BOUNDED, IntentHorizon), one an hour (the
    /// hourly line), plus one per change.
    /// </summary>
    public sealed class StateJournal
    {
        private readonly Journal _journal;
        private readonly RecordBuffer _buffer;
        private readonly PumpStateRecord _record;
        private readonly SafetySupervisor _supervisor;
        private readonly InfusionTherapy _therapy;
        private readonly TrialDiary _diary;
        private readonly uint[] _replayCounters;
        private readonly DeliveryAccount _account;
        private readonly ResumePoint _resume;
        private readonly JournalRequest _request;
        private readonly Milliseconds _intentWindow;
        private readonly int _intentStepLimit;
        private DosingScheduler _scratch;
        private long _committedUntil = long.MinValue;
        private long _committedSteps;
        private readonly RestartOvercount _overcount = new RestartOvercount();

        public StateJournal(Journal journal, RecordBuffer buffer, PumpStateRecord record, SafetySupervisor supervisor, InfusionTherapy therapy, TrialDiary diary,
            uint[] replayCounters, DeliveryAccount account, ResumePoint resume, JournalRequest request, Milliseconds intentWindow, int intentStepLimit)
        {
            _journal = journal;
            _buffer = buffer;
            _record = record;
            _supervisor = supervisor;
            _therapy = therapy;
            _diary = diary;
            _replayCounters = replayCounters;
            _account = account;
            _resume = resume;
            _request = request;
            _intentWindow = intentWindow;
            _intentStepLimit = intentStepLimit;
            _scratch = Scratch(supervisor.Pump.Calibration);
        }

        /// <summary>Steps the records vouch for as delivered: everything the motor did, plus at most one intent horizon (INTENT-BOUNDED).</summary>
        public long StepsRecorded { get { return _committedSteps; } }

        /// <summary>Steps booked at past restarts that no record confirmed given (INTENT-BOUNDED, summed).</summary>
        public RestartOvercount Overcount { get { return _overcount; } }

        /// <summary>Records written since start-up (the write budget in docs/persistence.md counts these).</summary>
        public long RecordsWritten { get; private set; }

        /// <summary>INTENT-BEFORE-STEP: a step falls due that no record vouches for yet.</summary>
        public void WriteIntentIfStepDue(Milliseconds now)
        {
            DosingScheduler? live = _supervisor.Pump.Scheduler;
            if (live == null || _supervisor.Pump.State != Control.PumpState.Running) return;
            if (live.NextStepDue > now || now.Value < _committedUntil) return;
            Milliseconds nextChange;
            long rate = _therapy.Profile.RateAt(now, out nextChange).Value;
            Write(now, IntentHorizon.For(now, _intentWindow, _intentStepLimit, rate, live.Calibration.PicolitersPerStep, nextChange));
        }

        /// <summary>The delivery changed: the next due step needs a new intent record, whatever the last one covered.</summary>
        public void IntentChanged() { _committedUntil = long.MinValue; }

        /// <summary>Writes the record if a change asked for one this tick.</summary>
        public void WriteIfAsked(Milliseconds now)
        {
            if (_request.Due) Write(now, now);
        }

        /// <summary>Writes the pump's state as of <paramref name="now"/>, vouching for the steps due up to <paramref name="horizon"/>.</summary>
        public void Write(Milliseconds now, Milliseconds horizon)
        {
            DosingScheduler? live = _supervisor.Pump.Scheduler;
            SchedulerPosition position = new SchedulerPosition(now, 0, 0, 0);
            long delivered = _supervisor.Pump.StepsTaken;
            if (live != null && _supervisor.Pump.State == Control.PumpState.Running)
            {
                DosingScheduler scratch = ScratchFor(live.Calibration);
                scratch.MoveTo(live.Position, _therapy.Profile);
                int missed;
                scratch.Advance(horizon, out missed);
                position = scratch.Position;
                // The steps the scratch scheduler hands out up to the horizon are the ones this record vouches for.
                delivered = _supervisor.Pump.StepsTaken + (scratch.StepsTaken - live.StepsTaken);
            }
            else if (_resume.Pending)
            {
                position = _resume.Position;
            }
            _record.PumpTime = now.Value;
            _record.Position = position;
            _record.StepsDelivered = delivered;
            _record.StepsAheadAtWrite = delivered - _supervisor.Pump.StepsTaken;
            _record.UnconfirmedStepsPastRestarts = _overcount.Steps;
            _record.UnconfirmedPicolitersPastRestarts = _overcount.Picoliters;
            _record.PicolitersPerStep = _supervisor.Pump.Calibration.PicolitersPerStep;
            _record.ReservoirFill = _supervisor.Fill.Value;
            _record.StepsAtFill = _supervisor.StepsAtFill;
            _record.ReservoirFilled = _supervisor.EverFilled;
            for (int i = 0; i < PumpStateRecord.Roles; i++) _record.ReplayCounters[i] = _replayCounters[i];
            _record.AlarmLatches = _supervisor.Alarms.LatchedBits;
            _record.StepsAtLastHour = _account.StepsAtHour;
            _record.MassAtLastHour = _account.MassAtHour;
            _record.NextHourAt = _account.NextHourAt;
            _record.TrialStart = _diary.TrialStart.Value;
            _record.TrialDeliveredAtStart = _diary.DeliveredAtStart.Value;
            _record.TrialGrantedAtStart = _diary.GrantedAtStart;
            _record.TrialRefusedAtStart = _diary.RefusedAtStart;
            _record.TrialBaselineEntries = _diary.BaselineEntries;
            _therapy.Save(_record.Therapy);
            CatheterIntegrityMonitor catheter = _supervisor.Catheter;
            _record.CatheterBaselineLearned = catheter.BaselineLearned;
            _record.CatheterRespiratoryBaseline = catheter.RespiratoryBaseline;
            _record.CatheterCardiacBaseline = catheter.CardiacBaseline;
            _record.CatheterNoiseBaseline = catheter.NoiseBaseline;
            _record.CatheterSamplesTaken = catheter.SamplesTaken;
            _record.ResistanceBaselineLearned = catheter.Resistance.BaselineLearned;
            _record.ResistanceBaselinePerMille = catheter.Resistance.BaselinePerMille;
            _record.Encode(_buffer);
            _journal.Append(PumpStateRecord.Kind, _buffer.Bytes);
            RecordsWritten++;
            _committedSteps = delivered;
            _committedUntil = horizon.Value;
            _request.Clear();
        }

        /// <summary>
        /// Takes up the recovered record's counts, fill, counters, latches and hourly line, and whether
        /// delivery resumes (RESUME-AFTER-RESET).
        /// BOLUS-ABANDONED-AFTER-OUTAGE: after a real power-off (not a brown-out glitch) the pump cannot
        /// know how long it was off; the rest of a bolus given late is not the bolus the patient asked
        /// for, so it is abandoned and logged (the patient may ask again, within the lockout rules).
        /// </summary>
        public void Restore(Milliseconds now, ResetCause cause, EventLog events)
        {
            _supervisor.Pump.RestoreStepCount(_record.StepsDelivered);
            _overcount.Restore(_record.UnconfirmedStepsPastRestarts, _record.UnconfirmedPicolitersPastRestarts, _record.StepsAheadAtWrite, _record.PicolitersPerStep);
            if (_record.ReservoirFilled) _supervisor.Filled(new Nanoliters(_record.ReservoirFill), _record.StepsAtFill);
            for (int i = 0; i < PumpStateRecord.Roles; i++) _replayCounters[i] = _record.ReplayCounters[i];
            _supervisor.Alarms.RestoreLatched(_record.AlarmLatches, now);
            // CATHETER-BASELINE-KEPT: a reset neither blinds the check for a day nor learns a failed catheter as normal.
            _supervisor.Catheter.Restore(_record.CatheterBaselineLearned, _record.CatheterRespiratoryBaseline, _record.CatheterCardiacBaseline, _record.CatheterNoiseBaseline, _record.CatheterSamplesTaken);
            if (_record.ResistanceBaselineLearned) _supervisor.Catheter.Resistance.Restore(_record.ResistanceBaselinePerMille);
            _committedSteps = _record.StepsDelivered;
            _committedUntil = _record.Position.IntegratedTo.Value;
            _account.Restore(_record.StepsAtLastHour, _record.MassAtLastHour, _record.NextHourAt);
            if (cause == ResetCause.PowerOn)
            {
                int abandoned = _therapy.AbandonBoluses(now);
                if (abandoned > 0) events.Append(EventKind.BolusAbandoned, now, abandoned, 0);
            }
            _resume.Set(_therapy.Prescription.Mode != DeliveryMode.Stopped, _record.Position, _record.StepsDelivered);
            events.Append(EventKind.Reset, now, _record.StepsDelivered, (long)cause);
            // RESTORED-THERAPY-LOGGED: what runs after the reset, so a 'programmed' event whose commit a
            // power cut undid (the event written, the journal record torn) is followed by the truth.
            events.Append(EventKind.TherapyRestored, now, (long)_therapy.Prescription.Mode, _therapy.Prescription.DailyDose.Value);
        }

        private DosingScheduler ScratchFor(Calibration calibration)
        {
            // A calibration changes only while stopped; the scratch scheduler follows it at the next write.
            if (_scratch.Calibration.PicolitersPerStep != calibration.PicolitersPerStep) _scratch = Scratch(calibration);
            return _scratch;
        }

        private static DosingScheduler Scratch(Calibration calibration)
        {
            return new DosingScheduler(new ConstantRate(NanolitersPerHour.Zero), calibration, Milliseconds.Zero, DosingScheduler.Horizon);
        }
    }
}
