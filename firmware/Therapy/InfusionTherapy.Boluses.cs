using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Therapy
{
    /// <summary>
    /// Bolus requests. The ordered chain for a PATIENT bolus:
    ///   B1 therapy runs a basal (continuous or flex)       B2 no priming or bridge in progress
    ///   B3 a patient bolus is prescribed                   B4 lockout since the last granted one (PATIENT-LOCKOUT)
    ///   B5 fewer than the maximum in the rolling 24 h (PATIENT-MAX-PER-24H)
    ///   B6 dose within the library's hard limit            B7 a bolus slot is free
    ///   B8 the computed reservoir holds the volume         B9 rolling 24 h forecast within the hard daily limit (ROLLING-24H-LIMIT)
    /// For a CLINICIAN bolus: C1 a prescription runs whose drug fills the line and the reservoir, C2 no priming or bridge,
    /// C3 dose (hard / soft), C4 duration, C5 rate (hard: the duration is CLAMPED longer, never the
    /// rate higher; soft: confirm), then B7, B8, B9. Every check runs; the refusal carries all reasons.
    /// </summary>
    public sealed partial class InfusionTherapy
    {
        /// <summary>Patient-bolus grants remembered: the lockout and the 24 h count are computed from them.</summary>
        public const int GrantCapacity = 32;

        private readonly long[] _grants = new long[GrantCapacity];
        private int _grantsWritten;

        private readonly long[] _bolusStart = new long[BolusOverlays.Capacity];
        private readonly long[] _bolusEnd = new long[BolusOverlays.Capacity];
        private readonly NanolitersPerHour[] _bolusRate = new NanolitersPerHour[BolusOverlays.Capacity];

        private int _patientGranted;
        private int _patientRefused;
        private int _clinicianGranted;
        private int _clinicianRefused;

        public int PatientBolusesGranted { get { return _patientGranted; } }
        public int PatientBolusesRefused { get { return _patientRefused; } }
        public int ClinicianBolusesGranted { get { return _clinicianGranted; } }
        public int ClinicianBolusesRefused { get { return _clinicianRefused; } }

        /// <summary>Patient boluses granted in (now - 24 h, now].</summary>
        public int PatientBolusesInLast24Hours(Milliseconds now)
        {
            int n = 0;
            int held = _grantsWritten < GrantCapacity ? _grantsWritten : GrantCapacity;
            for (int i = 0; i < held; i++)
            {
                if (_grants[i] > now.Value - Milliseconds.PerDay && _grants[i] <= now.Value) n++;
            }
            return n;
        }

        /// <summary>When the last patient bolus was granted; Never if none.</summary>
        public Milliseconds LastPatientBolus
        {
            get { return _grantsWritten == 0 ? Milliseconds.Never : new Milliseconds(_grants[(_grantsWritten - 1) % GrantCapacity]); }
        }

        /// <summary>The patient pressed the bolus button.</summary>
        public CheckReport RequestPatientBolus(Milliseconds now)
        {
            Tick(now);
            CheckReport report = new CheckReport();
            Prescription p = _plan.Prescription;
            DrugLimits? limits = _plan.Limits;
            // B1
            if (!p.HasBasal || limits == null)
            {
                report.Add(TherapyError.TherapyNotRunning, CheckOutcome.Refused, "patient bolus in mode " + DeliveryModeName.Of(p.Mode) + ": the limit is a running continuous or flex therapy");
            }
            // B2
            CheckNoFlush(report);
            // B3
            PatientBolusSettings? pb = p.PatientBolus;
            if (pb == null)
            {
                report.Add(TherapyError.PatientBolusNotPrescribed, CheckOutcome.Refused, "patient bolus is not prescribed; the limit is 0 per 24 h");
            }
            else
            {
                // B4
                Milliseconds last = LastPatientBolus;
                if (!last.IsNever && now - last < pb.Lockout)
                {
                    report.Add(TherapyError.PatientBolusInLockout, CheckOutcome.Refused,
                        "patient bolus " + (now - last).ToString() + " after the last one is inside the lockout limit " + pb.Lockout.ToString());
                }
                // B5
                int count = PatientBolusesInLast24Hours(now);
                if (count >= pb.MaxPer24Hours)
                {
                    report.Add(TherapyError.PatientBolusCountReached, CheckOutcome.Refused,
                        "patient boluses in the last 24 h " + count.ToString() + " reached the limit " + pb.MaxPer24Hours.ToString() + " per 24 h");
                }
                // B6
                if (limits != null && pb.Dose > limits.BolusDoseHard)
                {
                    report.Add(TherapyError.BolusDoseAboveHardLimit, CheckOutcome.Refused,
                        "patient bolus dose " + pb.Dose.ToString() + " is above the hard limit " + limits.BolusDoseHard.ToString() + " for " + limits.DrugName);
                }
                if (limits != null)
                {
                    Nanoliters volume = p.Drug.Concentration.VolumeOf(pb.Dose);
                    CheckDelivery("patient bolus", volume, pb.Duration, limits, now, report);
                }
            }
            if (!report.Accepted)
            {
                _patientRefused++;
                return Refuse(report, TherapyRecordKind.PatientBolusRefused, now);
            }
            Grant(now, p.Drug.Concentration.VolumeOf(pb!.Dose), pb.Duration);
            _grants[_grantsWritten % GrantCapacity] = now.Value;
            _grantsWritten++;
            _patientGranted++;
            _recorder.Record(now, TherapyRecordKind.PatientBolusGranted, TherapyError.None, p.Drug.Concentration.VolumeOf(pb.Dose).Value, "patient bolus " + pb.Dose.ToString() + " over " + pb.Duration.ToString());
            return report;
        }

        /// <summary>A clinician bolus of <paramref name="dose"/> over <paramref name="duration"/>.</summary>
        public CheckReport RequestClinicianBolus(Micrograms dose, Milliseconds duration, bool confirmed, Milliseconds now)
        {
            Tick(now);
            CheckReport report = new CheckReport();
            DrugLimits? limits = _plan.Limits;
            Drug drug = _plan.Prescription.Drug;
            // C1 BOLUS-NEEDS-ITS-DRUG: a volume set at one concentration must not push another drug.
            DeliveryMode mode = _plan.Prescription.Mode;
            if (limits == null || mode == DeliveryMode.Stopped || (!Flushing && (_lineDrug.IsNone || !_lineDrug.SameAs(drug))) || (!_reservoirDrug.IsNone && !_reservoirDrug.SameAs(drug)))
            {
                report.Add(TherapyError.NoDrugProgrammed, CheckOutcome.Refused, "clinician bolus in mode " + DeliveryModeName.Of(mode) + " with drug " + drug.ToString() + ", line " + _lineDrug.ToString() + " and reservoir " + _reservoirDrug.ToString() + ": the limit is a running prescription whose drug fills the line and the reservoir");
            }
            // C2
            CheckNoFlush(report);
            if (limits != null)
            {
                // C3
                PrescriptionChecks.CheckBolusDose("clinician bolus dose", dose, limits, confirmed, report);
            }
            // C4
            if (duration.Value <= 0 || duration.Value > Milliseconds.PerDay)
            {
                report.Add(TherapyError.BolusDurationNotPositive, CheckOutcome.Refused, "clinician bolus duration " + duration.ToString() + " is outside the limit 1 ms.." + Milliseconds.PerDay.ToString() + " ms");
            }
            Nanoliters volume = drug.Concentration.VolumeOf(dose);
            if (limits != null && duration.Value > 0 && dose.Value > 0)
            {
                // C5 BOLUS-RATE-CLAMP: a too-fast bolus is lengthened, never made faster or smaller.
                NanolitersPerHour basalPeak = _plan.Prescription.PeakRate;
                NanolitersPerHour hard = limits.RateHard < _config.DeviceRateMaximum ? limits.RateHard : _config.DeviceRateMaximum;
                NanolitersPerHour room = new NanolitersPerHour(hard.Value - basalPeak.Value);
                NanolitersPerHour rate = BolusRate.Of(volume, duration);
                if (room.Value <= 0)
                {
                    report.Add(TherapyError.RateAboveHardLimit, CheckOutcome.Refused, "basal " + basalPeak.ToString() + " leaves no room for a bolus under the hard rate limit " + hard.ToString());
                }
                else if (rate > room)
                {
                    Milliseconds longer = BolusRate.ShortestDuration(volume, room);
                    report.Add(TherapyError.BolusRateClamped, CheckOutcome.Clamped,
                        "clinician bolus rate " + rate.ToString() + " is above the hard limit " + room.ToString() + " (with basal); duration lengthened from " + duration.ToString() + " to " + longer.ToString());
                    duration = longer;
                    rate = BolusRate.Of(volume, duration);
                }
                if (rate + basalPeak > limits.RateSoft)
                {
                    report.AddSoft(TherapyError.RateAboveSoftLimit, confirmed, "clinician bolus rate with basal " + (rate + basalPeak).ToString() + " is above the soft limit " + limits.RateSoft.ToString() + " for " + limits.DrugName);
                }
                CheckDelivery("clinician bolus", volume, duration, limits, now, report);
            }
            if (!report.Accepted)
            {
                _clinicianRefused++;
                return Refuse(report, TherapyRecordKind.ClinicianBolusRefused, now);
            }
            for (int i = 0; i < report.Count; i++)
            {
                if (report[i].Outcome == CheckOutcome.Clamped) _recorder.Record(now, TherapyRecordKind.Clamped, report[i].Code, 0, report[i].Message);
                if (report[i].Outcome == CheckOutcome.Confirmed) _recorder.Record(now, TherapyRecordKind.Confirmed, report[i].Code, 0, report[i].Message);
            }
            Grant(now, volume, duration);
            _clinicianGranted++;
            _recorder.Record(now, TherapyRecordKind.ClinicianBolusGranted, TherapyError.None, volume.Value, "clinician bolus " + dose.ToString() + " over " + duration.ToString());
            return report;
        }

        private void CheckNoFlush(CheckReport report)
        {
            if (Flushing)
            {
                report.Add(TherapyError.BridgeInProgress, CheckOutcome.Refused,
                    "bolus while " + _lineNext.ToString() + " is still on its way to the catheter tip (arrives at " + TipArrival.ToString() + "); the limit is no bolus until then");
            }
        }

        /// <summary>B7 slot, B8 reservoir, B9 rolling 24 h forecast.</summary>
        private void CheckDelivery(string field, Nanoliters volume, Milliseconds duration, DrugLimits limits, Milliseconds now, CheckReport report)
        {
            BolusOverlays overlays = _plan.Profile;
            overlays.Expire(now);
            if (overlays.ActiveCount >= BolusOverlays.Capacity)
            {
                report.Add(TherapyError.NoBolusSlotFree, CheckOutcome.Refused, field + ": " + overlays.ActiveCount.ToString() + " boluses running, the limit is " + BolusOverlays.Capacity.ToString());
            }
            Nanoliters pending = PendingBolusVolume(now);
            Nanoliters reservoir = _gauge.Computed;
            if (volume + pending > reservoir)
            {
                report.Add(TherapyError.ReservoirTooLowForBolus, CheckOutcome.Refused, field + " volume " + volume.ToString() + " (plus " + pending.ToString() + " running) is above the computed reservoir " + reservoir.ToString());
            }
            if (duration.Value <= 0) return;
            RateWindow candidate = new RateWindow(now, duration, BolusRate.Of(volume, duration));
            Nanograms peak = _forecast.PeakWindow(_ledger, now, overlays, candidate, _plan.Tip, _plan.Prescription.DailyDose, limits.DailyDoseHard);
            if (peak > limits.DailyDoseHard)
            {
                report.Add(TherapyError.RollingDailyDoseWouldExceedLimit, CheckOutcome.Refused,
                    field + ": rolling 24 h dose " + peak.ToString() + " would be above the hard daily limit " + limits.DailyDoseHard.ToString() + " for " + limits.DrugName);
            }
        }

        private void Grant(Milliseconds now, Nanoliters volume, Milliseconds duration)
        {
            NanolitersPerHour rate = BolusRate.Of(volume, duration);
            _plan.Profile.Add(now, duration, rate);
            // The records are the therapy's own (not overlay slot numbers), so they survive a plan swap.
            int slot = 0;
            for (int i = 0; i < BolusOverlays.Capacity; i++)
            {
                if (_bolusEnd[i] <= now.Value) { slot = i; break; }
            }
            _bolusStart[slot] = now.Value;
            _bolusEnd[slot] = now.Value + duration.Value;
            _bolusRate[slot] = rate;
            _revision++;
        }

        private Nanoliters PendingBolusVolume(Milliseconds now)
        {
            long total = 0;
            for (int i = 0; i < BolusOverlays.Capacity; i++)
            {
                if (_bolusEnd[i] <= now.Value) continue;
                long from = _bolusStart[i] > now.Value ? _bolusStart[i] : now.Value;
                total += (_bolusRate[i].Value * (_bolusEnd[i] - from) + Milliseconds.PerHour - 1) / Milliseconds.PerHour;
            }
            return new Nanoliters(total);
        }

        /// <summary>Lays the rest of every running bolus over a new plan (a same-drug reprogramming never cuts one).</summary>
        private void CarryBolusesInto(BolusOverlays overlays, Milliseconds now)
        {
            for (int i = 0; i < BolusOverlays.Capacity; i++)
            {
                if (_bolusEnd[i] <= now.Value) continue;
                long from = _bolusStart[i] > now.Value ? _bolusStart[i] : now.Value;
                overlays.Add(new Milliseconds(from), new Milliseconds(_bolusEnd[i] - from), _bolusRate[i]);
            }
        }

        /// <summary>
        /// BOLUS-ABANDONED-AFTER-OUTAGE: ends every running bolus at <paramref name="now"/> - the rest of it
        /// is never given - and returns how many there were. Grants, lockouts and the dose given so far stay.
        /// </summary>
        public int AbandonBoluses(Milliseconds now)
        {
            int running = 0;
            for (int i = 0; i < BolusOverlays.Capacity; i++) if (_bolusEnd[i] > now.Value) running++;
            if (running == 0) return 0;
            BolusOverlays profile = _plan.Profile;
            for (int slot = 0; slot < BolusOverlays.Capacity; slot++) profile.EndAt(slot, now);
            ForgetBoluses();
            _revision++;
            return running;
        }

        private void ForgetBoluses()
        {
            for (int i = 0; i < BolusOverlays.Capacity; i++) _bolusEnd[i] = long.MinValue;
        }
    }
}
