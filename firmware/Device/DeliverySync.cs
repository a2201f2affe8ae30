using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Persistence;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Device
{
    /// <summary>
    /// Keeps the motor on the therapy:
    /// - THERAPY-DRIVES-DELIVERY: the supervisor runs exactly the therapy's profile; every change of it
    ///   (programming, a bolus, a bridge's end) reaches the motor through <see cref="Sync"/>.
    /// - GUARD-ALLOWANCE-RENEWED: the allowed rate is worked out again within the scheduler's horizon.
    /// - RESUME-AFTER-RESET: once the self-test passed, delivery goes on from the journal's position.
    /// - ALARM-STOP-STOPS-THERAPY: when an alarm stops delivery, the prescription is set to stopped too,
    ///   so the therapy never counts drug the motor did not give, and a clinician must program again.
    /// </summary>
    public sealed class DeliverySync
    {
        private readonly SafetySupervisor _supervisor;
        private readonly InfusionTherapy _therapy;
        private readonly StateJournal _journal;
        private readonly JournalRequest _request;
        private readonly ResumePoint _resume;
        private readonly EventLog _events;
        private readonly Hal.IMonotonicClock _clock;
        private int _syncedRevision = -1;
        private int _syncedBoluses = -1;
        private long _allowedRateUntil = long.MaxValue;

        public DeliverySync(SafetySupervisor supervisor, InfusionTherapy therapy, StateJournal journal, JournalRequest request, ResumePoint resume, EventLog events, Hal.IMonotonicClock clock)
        {
            _supervisor = supervisor;
            _therapy = therapy;
            _journal = journal;
            _request = request;
            _resume = resume;
            _events = events;
            _clock = clock;
        }

        /// <summary>Resumes a recovered therapy, or hands a changed profile to the motor (a tick's first delivery step).</summary>
        public void Update(Milliseconds now)
        {
            if (_resume.Pending) Resume(now);
            else if (NeedsSync(now)) Sync(now);
        }

        /// <summary>A command changed the therapy: hands it to the motor unless a resume is still pending.</summary>
        public void AfterCommand(Milliseconds now)
        {
            if (!_resume.Pending && NeedsSync(now)) Sync(now);
        }

        private bool NeedsSync(Milliseconds now)
        {
            _therapy.Profile.Expire(now);
            return _therapy.Revision != _syncedRevision || _therapy.Profile.ActiveCount != _syncedBoluses || now.Value >= _allowedRateUntil;
        }

        /// <summary>
        /// Hands the therapy's profile to the supervisor with what the guard may allow (the profile's
        /// peak over the scheduler's horizon, boluses included), or stops it. A step due now that no
        /// record covers yet is journaled first, since changing the profile takes the steps due on the old one.
        /// </summary>
        private void Sync(Milliseconds now)
        {
            BolusOverlays profile = _therapy.Profile;
            profile.Expire(now);
            _journal.WriteIntentIfStepDue(now);
            if (_therapy.Prescription.Mode == DeliveryMode.Stopped)
            {
                SafetyState state = _supervisor.State;
                if (state == SafetyState.Running || state == SafetyState.Bolus || state == SafetyState.Suspended) _supervisor.Stop();
                MarkSynced();
                return;
            }
            NanolitersPerHour allowed = PeakRate.Of(profile, now, DosingScheduler.Horizon);
            if (_supervisor.Deliver(profile, allowed, profile.ActiveCount > 0)) MarkSynced();
            _journal.IntentChanged();
            _request.Ask();
        }

        private void MarkSynced()
        {
            _syncedRevision = _therapy.Revision;
            _syncedBoluses = _therapy.Profile.ActiveCount;
            _supervisor.SetDailyDraw(DailyDraw.Of(_therapy.Prescription)); // ERI-FROM-DAILY-DRAW
            // GUARD-ALLOWANCE-RENEWED: the allowed rate is the profile's peak over the scheduler's two-day
            // horizon, so it must be worked out again within that horizon: a rate that changes later with
            // no reprogramming (a bridge whose new drug reaches the tip days later) would otherwise run
            // above what the over-infusion guard allows, and a correct pump would be stopped.
            _allowedRateUntil = _clock.ElapsedMilliseconds + DosingScheduler.Horizon.Value / 2;
        }

        private void Resume(Milliseconds now)
        {
            SafetyState state = _supervisor.State;
            if (state == SafetyState.PowerOnSelfTest) return;
            _resume.Done();
            if (state != SafetyState.Stopped || _supervisor.Alarms.StopsDelivery || _therapy.Prescription.Mode == DeliveryMode.Stopped) return;
            BolusOverlays profile = _therapy.Profile;
            profile.Expire(now);
            NanolitersPerHour allowed = PeakRate.Of(profile, now, DosingScheduler.Horizon);
            if (_supervisor.ResumeFrom(profile, allowed, profile.ActiveCount > 0, _resume.Position, _resume.Steps)) MarkSynced();
        }

        /// <summary>ALARM-STOP-STOPS-THERAPY: an alarm that stopped the motor also stops the prescription.</summary>
        public void StopTherapyOnAlarmStop(Milliseconds now)
        {
            SafetyState state = _supervisor.State;
            if (state != SafetyState.AlarmStopped && state != SafetyState.SafeState) return;
            if (_therapy.Prescription.Mode == DeliveryMode.Stopped) return;
            _therapy.Program(Prescription.Stopped(_therapy.Prescription.Drug), true, now);
            _events.Append(EventKind.TherapyStoppedByAlarm, now, (long)_supervisor.Alarms.Highest, 0);
            _resume.Done();
            MarkSynced();
            _request.Ask();
        }
    }
}
