using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Persistence;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Device
{
    /// <summary>
    /// What the pump writes to flash and reads back after a reset, so that no delivered dose is ever
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
    /// hourly line, so pump time never goes back more than an hour at a reset), plus one per change.
    /// </summary>
    public sealed partial class InfusionPump
    {
        private long _committedUntil = long.MinValue;
        private long _committedSteps;

        /// <summary>Steps the records vouch for as delivered: everything the motor did, plus at most one intent window.</summary>
        public long StepsRecorded { get { return _committedSteps; } }

        /// <summary>Records written since start-up (the write budget in docs/persistence.md counts these).</summary>
        public long RecordsWritten { get; private set; }

        /// <summary>INTENT-BEFORE-STEP: a step falls due that no record vouches for yet.</summary>
        private void WriteIntentIfStepDue(Milliseconds now)
        {
            DosingScheduler? live = _supervisor.Pump.Scheduler;
            if (live == null || _supervisor.Pump.State != Control.PumpState.Running) return;
            if (live.NextStepDue > now || now.Value < _committedUntil) return;
            Milliseconds nextChange;
            long rate = _therapy.Profile.RateAt(now, out nextChange).Value;
            WriteRecord(now, IntentHorizon.For(now, _setup.IntentWindow, _setup.IntentStepLimit, rate, _calibration.PicolitersPerStep, nextChange));
        }

        /// <summary>Writes the pump's state as of <paramref name="now"/>, vouching for the steps due up to <paramref name="horizon"/>.</summary>
        private void WriteRecord(Milliseconds now, Milliseconds horizon)
        {
            DosingScheduler? live = _supervisor.Pump.Scheduler;
            SchedulerPosition position = new SchedulerPosition(now, 0, 0, 0);
            long delivered = _supervisor.Pump.StepsTaken;
            BolusOverlays profile = _therapy.Profile;
            if (live != null && _supervisor.Pump.State == Control.PumpState.Running)
            {
                _scratch.MoveTo(live.Position, profile);
                int missed;
                _scratch.Advance(horizon, out missed);
                position = _scratch.Position;
                // The steps the scratch scheduler hands out up to the horizon are the ones this record vouches for.
                delivered = _supervisor.Pump.StepsTaken + (_scratch.StepsTaken - live.StepsTaken);
            }
            else if (_resumePending)
            {
                position = _resumePosition;
            }
            _record.PumpTime = now.Value;
            _record.Position = position;
            _record.StepsDelivered = delivered;
            _record.PicolitersPerStep = _calibration.PicolitersPerStep;
            _record.ReservoirFill = _supervisor.Fill.Value;
            _record.StepsAtFill = _supervisor.StepsAtFill;
            _record.ReservoirFilled = _supervisor.EverFilled;
            for (int i = 0; i < PumpStateRecord.Roles; i++) _record.ReplayCounters[i] = _replayCounters[i];
            _record.AlarmLatches = _supervisor.Alarms.LatchedBits;
            _record.StepsAtLastHour = _stepsAtHour;
            _record.MassAtLastHour = _massAtHour;
            _record.NextHourAt = _nextHour;
            _record.TrialStart = _diary.TrialStart.Value;
            _record.TrialDeliveredAtStart = _diary.DeliveredAtStart.Value;
            _record.TrialGrantedAtStart = _diary.GrantedAtStart;
            _record.TrialRefusedAtStart = _diary.RefusedAtStart;
            _record.TrialBaselineEntries = _diary.BaselineEntries;
            _therapy.Save(_record.Therapy);
            _record.Encode(_buffer);
            _journal.Append(PumpStateRecord.Kind, _buffer.Bytes);
            RecordsWritten++;
            _committedSteps = delivered;
            _committedUntil = horizon.Value;
            _dirty = false;
        }

        /// <summary>Takes up a recovered record: counts, fill, counters, latches, hourly line, and whether delivery resumes.</summary>
        private void RestoreFromRecord(Milliseconds now)
        {
            _supervisor.Pump.RestoreStepCount(_record.StepsDelivered);
            if (_record.ReservoirFilled) _supervisor.Filled(new Nanoliters(_record.ReservoirFill), _record.StepsAtFill);
            for (int i = 0; i < PumpStateRecord.Roles; i++) _replayCounters[i] = _record.ReplayCounters[i];
            _supervisor.Alarms.RestoreLatched(_record.AlarmLatches, now);
            _committedSteps = _record.StepsDelivered;
            _committedUntil = _record.Position.IntegratedTo.Value;
            _stepsAtHour = _record.StepsAtLastHour;
            _massAtHour = _record.MassAtLastHour;
            if (_record.NextHourAt > 0) _nextHour = _record.NextHourAt;
            _diary = new TrialDiary(new Milliseconds(_record.TrialStart), new Nanograms(_record.TrialDeliveredAtStart), _record.TrialGrantedAtStart, _record.TrialRefusedAtStart, _record.TrialBaselineEntries);
            // BOLUS-ABANDONED-AFTER-OUTAGE: after a real power-off (not a brown-out glitch) the pump cannot
            // know how long it was off; the rest of a bolus given late is not the bolus the patient asked
            // for, so it is abandoned and logged (the patient may ask again, within the lockout rules).
            if (_setup.ResetCause == ResetCause.PowerOn)
            {
                int abandoned = _therapy.AbandonBoluses(now);
                if (abandoned > 0) _events.Append(EventKind.BolusAbandoned, now, abandoned, 0);
            }
            _resumePending = _therapy.Prescription.Mode != DeliveryMode.Stopped;
            _resumePosition = _record.Position;
            _resumeSteps = _record.StepsDelivered;
            _events.Append(EventKind.Reset, now, _record.StepsDelivered, (long)_setup.ResetCause);
        }

        /// <summary>The diary's entries live in their own ring (a flood of other events cannot push them out); they are read back at start-up.</summary>
        private void ReplayDiary()
        {
            EventKind kind;
            Milliseconds at;
            long a, b;
            for (uint s = _diaryLog.Oldest; s != 0 && s <= _diaryLog.Newest; s++)
            {
                if (!_diaryLog.Read(s, out kind, out at, out a, out b) || kind != EventKind.DiaryEntry) continue;
                if (a >= 0) _diary.AddPain(at, (int)a);
                else _diary.AddActivity(at, (ActivityKind)(b >> 16), (int)(b & 0xFFFF));
            }
        }
    }
}
