using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Device
{
    /// <summary>
    /// The alerts about the therapy rather than the hardware:
    /// - STOPPED-THERAPY-ALERT: therapy-stopped, then therapy-stopped-long, while a filled pump delivers
    ///   nothing for longer than the drug library's time for the drug; a clinician's logged hold is the
    ///   one way to quiet it.
    /// - DRUG-STABILITY-LIMIT: drug-expiring from <see cref="DrugExpiryAlertBefore"/> before the fill
    ///   reaches the drug library's maximum time in the reservoir until a refill; delivery goes on
    ///   (stopping is itself a hazard).
    /// </summary>
    public sealed class TherapyAlerts
    {
        /// <summary>How long before the drug's expiry drug-expiring is raised.</summary>
        public static readonly Milliseconds DrugExpiryAlertBefore = Milliseconds.FromDays(7);

        private readonly SafetySupervisor _supervisor;
        private readonly InfusionTherapy _therapy;
        private readonly StoppedTherapyWatch _stopped = new StoppedTherapyWatch();

        public TherapyAlerts(SafetySupervisor supervisor, InfusionTherapy therapy)
        {
            _supervisor = supervisor;
            _therapy = therapy;
        }

        public Milliseconds NextWake { get { return _stopped.NextWake; } }

        /// <summary>A clinician's deliberate "stopped until <paramref name="until"/>"; it ends when delivery starts again.</summary>
        public void Hold(Milliseconds until, Milliseconds now)
        {
            _stopped.Hold(until);
            WatchStoppedTherapy(now);
        }

        public void Update(Milliseconds now)
        {
            WatchStoppedTherapy(now);
            WatchDrugExpiry(now);
        }

        private void WatchStoppedTherapy(Milliseconds now)
        {
            if (_supervisor.State == SafetyState.PowerOnSelfTest) return;
            _stopped.Update(_supervisor.Delivering, _supervisor.EverFilled, StoppedAlertAfter(), now);
            AlarmSystem alarms = _supervisor.Alarms;
            if (_stopped.Alert) alarms.Raise(AlarmCode.TherapyStopped, now); else alarms.ConditionGone(AlarmCode.TherapyStopped, now);
            if (_stopped.Escalated) alarms.Raise(AlarmCode.TherapyStoppedLong, now); else alarms.ConditionGone(AlarmCode.TherapyStoppedLong, now);
        }

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
    }
}
