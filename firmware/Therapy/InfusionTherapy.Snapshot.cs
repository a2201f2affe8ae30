using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Therapy
{
    /// <summary>
    /// Saving and restoring the therapy across a reset (THERAPY-SURVIVES-RESET). The plan is not stored
    /// as objects: it is rebuilt from the prescription, the commit time, the line content and the tip
    /// schedule by the same rules <see cref="BuildPlan"/> used, so what runs after a reset is what ran
    /// before it. Lockouts and 24 h counts come back from the grant times, the rolling dose from the
    /// ledger's hourly sums (restored late, so only ever over-counted).
    /// </summary>
    public sealed partial class InfusionTherapy
    {
        /// <summary>Copies the state into <paramref name="s"/> (no allocation: prescriptions are immutable and shared).</summary>
        public void Save(TherapySnapshot s)
        {
            s.Stage = _config.Stage;
            s.LowReservoirThreshold = _gauge.LowThreshold;
            s.TimeOfDayAtZero = _config.TimeOfDayAtZero;
            s.LargeChangePercent = _config.LargeChangePercent;
            s.Prescription = _plan.Prescription;
            s.CommittedAt = _plan.CommittedAt;
            s.Flushes = _plan.Flushes;
            s.IncomingDrug = _plan.IncomingDrug;
            s.Tip = _plan.Tip;
            s.LineDrug = _lineDrug;
            s.LineNext = _lineNext;
            s.LineOldVolume = _lineOldVolume;
            s.LastRunning = _lastRunning;
            s.ReservoirDrug = _reservoirDrug;
            s.FilledAt = _filledAt;
            s.LedgerDrug = _ledgerDrug;
            s.DeliveredMass = _deliveredMass;
            s.PlannedVolume = _plannedVolume;
            s.IntegratedTo = _integratedTo;
            s.VolumeRemainder = _volumeRemainder;
            s.MassRemainder = _massRemainder;
            s.CurrentHour = DoseLedger.HourOf(DoseLedger.BucketOf(_integratedTo));
            for (int i = 0; i < TherapySnapshot.HoursHeld; i++) s.HourlyMass[i] = _ledger.InHour(s.CurrentHour - i).Value;
            for (int i = 0; i < BolusOverlays.Capacity; i++)
            {
                bool running = _bolusEnd[i] > _integratedTo.Value;
                s.BolusStart[i] = running ? _bolusStart[i] : 0;
                s.BolusEnd[i] = running ? _bolusEnd[i] : 0;
                s.BolusRate[i] = running ? _bolusRate[i].Value : 0;
            }
            int held = _grantsWritten < GrantCapacity ? _grantsWritten : GrantCapacity;
            for (int i = 0; i < held; i++) s.Grants[i] = _grants[(_grantsWritten - held + i) % GrantCapacity];
            s.GrantCount = held;
            s.PatientGranted = _patientGranted;
            s.PatientRefused = _patientRefused;
            s.ClinicianGranted = _clinicianGranted;
            s.ClinicianRefused = _clinicianRefused;
        }

        /// <summary>
        /// A therapy as <paramref name="s"/> left it. <paramref name="config"/> is the pump's configuration
        /// for the saved stage; its clinician-set fields are taken from the snapshot.
        /// </summary>
        public static InfusionTherapy Restore(TherapySnapshot s, PumpConfiguration config, DrugLibrary library, ITherapyRecorder? recorder, IReservoirGauge reservoir)
        {
            config.TimeOfDayAtZero = s.TimeOfDayAtZero;
            config.LargeChangePercent = s.LargeChangePercent;
            InfusionTherapy t = new InfusionTherapy(config, library, recorder, reservoir, s.IntegratedTo);
            t._lineDrug = s.LineDrug;
            t._lineNext = s.LineNext;
            t._lineOldVolume = s.LineOldVolume;
            t._lastRunning = s.LastRunning;
            t._reservoirDrug = s.ReservoirDrug;
            t._filledAt = s.FilledAt;
            t._ledgerDrug = s.LedgerDrug;
            t._deliveredMass = s.DeliveredMass;
            t._plannedVolume = s.PlannedVolume;
            t._volumeRemainder = s.VolumeRemainder;
            t._massRemainder = s.MassRemainder;
            long latest = DoseLedger.BucketOf(s.IntegratedTo);
            for (int i = 0; i < TherapySnapshot.HoursHeld; i++) t._ledger.RecordHour(s.CurrentHour - i, new Nanograms(s.HourlyMass[i]), latest);
            for (int i = 0; i < s.GrantCount; i++) t._grants[i] = s.Grants[i];
            t._grantsWritten = s.GrantCount;
            t._patientGranted = s.PatientGranted;
            t._patientRefused = s.PatientRefused;
            t._clinicianGranted = s.ClinicianGranted;
            t._clinicianRefused = s.ClinicianRefused;
            t._plan = t.RebuildPlan(s);
            for (int i = 0; i < BolusOverlays.Capacity; i++)
            {
                t._bolusStart[i] = s.BolusStart[i];
                t._bolusEnd[i] = s.BolusEnd[i] > s.IntegratedTo.Value ? s.BolusEnd[i] : long.MinValue;
                t._bolusRate[i] = new NanolitersPerHour(s.BolusRate[i]);
                if (t._bolusEnd[i] > s.IntegratedTo.Value && s.BolusRate[i] > 0)
                {
                    // A bolus in progress goes on to its original end, never from its beginning.
                    long from = s.BolusStart[i] > s.IntegratedTo.Value ? s.BolusStart[i] : s.IntegratedTo.Value;
                    t._plan.Profile.Add(new Milliseconds(from), new Milliseconds(s.BolusEnd[i] - from), t._bolusRate[i]);
                }
            }
            t._revision = 1;
            return t;
        }

        /// <summary>The plan <see cref="BuildPlan"/> made at <see cref="TherapySnapshot.CommittedAt"/>, from the same facts.</summary>
        private TherapyPlan RebuildPlan(TherapySnapshot s)
        {
            Prescription p = s.Prescription;
            DrugLimits? limits = p.Drug.Name == null ? null : _library.Find(p.Drug.Name);
            Milliseconds tod = _config.TimeOfDayAtZero;
            if (p.Mode == DeliveryMode.Stopped)
            {
                return new TherapyPlan(p, limits, new ConstantRate(NanolitersPerHour.Zero), s.Tip, s.CommittedAt, Drug.None, false);
            }
            if (!s.Flushes)
            {
                return new TherapyPlan(p, limits, p.BuildBasal(tod, s.CommittedAt), s.Tip, s.CommittedAt, Drug.None, false);
            }
            IRateProfile push;
            if (s.LineDrug.IsNone) push = new ConstantRate(_config.PrimingRate);
            else if (s.LastRunning != null && s.LastRunning.Drug.SameAs(s.LineDrug)) push = s.LastRunning.BuildBasal(tod, s.CommittedAt);
            else push = p.BuildBasal(tod, s.CommittedAt);
            Milliseconds arrival = s.Tip.SwitchAt;
            return new TherapyPlan(p, limits, new ProfileSwitch(push, arrival, p.BuildBasal(tod, arrival)), s.Tip, s.CommittedAt, s.IncomingDrug, true);
        }
    }
}
