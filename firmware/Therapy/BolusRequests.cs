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
    public sealed class BolusRequests
    {
        private readonly InfusionTherapy _therapy;
        private readonly BolusHistory _history;

        internal BolusRequests(InfusionTherapy therapy, BolusHistory history)
        {
            _therapy = therapy;
            _history = history;
        }

        /// <summary>The patient pressed the bolus button.</summary>
        public CheckReport RequestPatientBolus(Milliseconds now)
        {
            _therapy.Tick(now);
            CheckReport report = new CheckReport();
            Prescription p = _therapy.Plan.Prescription;
            DrugLimits? limits = _therapy.Plan.Limits;
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
                Milliseconds last = _history.LastPatient;
                if (!last.IsNever && now - last < pb.Lockout)
                {
                    report.Add(TherapyError.PatientBolusInLockout, CheckOutcome.Refused,
                        "patient bolus " + ClinicalDuration.Of(now - last) + " after the last one is inside the lockout limit " + ClinicalDuration.Of(pb.Lockout));
                }
                // B5
                int count = _history.PatientInLast24Hours(now);
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
                _history.Refused(true);
                return _therapy.Refuse(report, TherapyRecordKind.PatientBolusRefused, now);
            }
            Grant(true, now, p.Drug.Concentration.VolumeOf(pb!.Dose), pb.Duration);
            _therapy.Recorder.Record(now, TherapyRecordKind.PatientBolusGranted, TherapyError.None, p.Drug.Concentration.VolumeOf(pb.Dose).Value, "patient bolus " + pb.Dose.ToString() + " over " + pb.Duration.ToString());
            return report;
        }

        /// <summary>A clinician bolus of <paramref name="dose"/> over <paramref name="duration"/>.</summary>
        public CheckReport RequestClinicianBolus(Micrograms dose, Milliseconds duration, bool confirmed, Milliseconds now)
        {
            _therapy.Tick(now);
            CheckReport report = new CheckReport();
            DrugLimits? limits = _therapy.Plan.Limits;
            Drug drug = _therapy.Plan.Prescription.Drug;
            // C1 BOLUS-NEEDS-ITS-DRUG: a volume set at one concentration must not push another drug.
            DeliveryMode mode = _therapy.Plan.Prescription.Mode;
            if (limits == null || mode == DeliveryMode.Stopped || (!_therapy.Line.Flushing && (_therapy.Line.Drug.IsNone || !_therapy.Line.Drug.SameAs(drug))) || (!_therapy.ReservoirDrug.IsNone && !_therapy.ReservoirDrug.SameAs(drug)))
            {
                report.Add(TherapyError.NoDrugProgrammed, CheckOutcome.Refused, "clinician bolus in mode " + DeliveryModeName.Of(mode) + " with drug " + drug.ToString() + ", line " + _therapy.Line.Drug.ToString() + " and reservoir " + _therapy.ReservoirDrug.ToString() + ": the limit is a running prescription whose drug fills the line and the reservoir");
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
                report.Add(TherapyError.BolusDurationNotPositive, CheckOutcome.Refused, "clinician bolus duration " + ClinicalDuration.Of(duration) + " is outside the limit 1 ms..24 h");
            }
            Nanoliters volume = drug.Concentration.VolumeOf(dose);
            if (limits != null && duration.Value > 0 && dose.Value > 0)
            {
                // C5 BOLUS-RATE-CLAMP: a too-fast bolus is lengthened, never made faster or smaller.
                NanolitersPerHour basalPeak = _therapy.Plan.Prescription.PeakRate;
                NanolitersPerHour hard = limits.RateHard < _therapy.Configuration.DeviceRateMaximum ? limits.RateHard : _therapy.Configuration.DeviceRateMaximum;
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
                _history.Refused(false);
                return _therapy.Refuse(report, TherapyRecordKind.ClinicianBolusRefused, now);
            }
            for (int i = 0; i < report.Count; i++)
            {
                if (report[i].Outcome == CheckOutcome.Clamped) _therapy.Recorder.Record(now, TherapyRecordKind.Clamped, report[i].Code, 0, report[i].Message);
                if (report[i].Outcome == CheckOutcome.Confirmed) _therapy.Recorder.Record(now, TherapyRecordKind.Confirmed, report[i].Code, 0, report[i].Message);
            }
            Grant(false, now, volume, duration);
            _therapy.Recorder.Record(now, TherapyRecordKind.ClinicianBolusGranted, TherapyError.None, volume.Value, "clinician bolus " + dose.ToString() + " over " + duration.ToString());
            return report;
        }

        /// <summary>BRIDGE-NO-BOLUS: extra volume during a priming or bridge would bring the new drug to the tip early, at the old rate.</summary>
        private void CheckNoFlush(CheckReport report)
        {
            if (_therapy.Line.Flushing)
            {
                report.Add(TherapyError.BridgeInProgress, CheckOutcome.Refused,
                    "bolus while " + _therapy.Line.Incoming.ToString() + " is still on its way to the catheter tip (arrives at " + _therapy.TipArrival.ToString() + "); the limit is no bolus until then");
            }
        }

        /// <summary>B7 slot, B8 reservoir, B9 rolling 24 h forecast.</summary>
        private void CheckDelivery(string field, Nanoliters volume, Milliseconds duration, DrugLimits limits, Milliseconds now, CheckReport report)
        {
            BolusOverlays overlays = _therapy.Plan.Profile;
            overlays.Expire(now);
            if (overlays.ActiveCount >= BolusOverlays.Capacity)
            {
                report.Add(TherapyError.NoBolusSlotFree, CheckOutcome.Refused, field + ": " + overlays.ActiveCount.ToString() + " boluses running, the limit is " + BolusOverlays.Capacity.ToString());
            }
            Nanoliters pending = _history.Pending(now);
            Nanoliters reservoir = _therapy.Gauge.Computed;
            if (volume + pending > reservoir)
            {
                report.Add(TherapyError.ReservoirTooLowForBolus, CheckOutcome.Refused, field + " volume " + volume.ToString() + " (plus " + pending.ToString() + " running) is above the computed reservoir " + reservoir.ToString());
            }
            if (duration.Value <= 0) return;
            RateWindow candidate = new RateWindow(now, duration, BolusRate.Of(volume, duration));
            Nanograms peak = _therapy.Forecast.PeakWindow(_therapy.Integral.Ledger, now, overlays, candidate, _therapy.Plan.Tip, _therapy.Plan.Prescription.DailyDose, limits.DailyDoseHard);
            if (peak > limits.DailyDoseHard)
            {
                report.Add(TherapyError.RollingDailyDoseWouldExceedLimit, CheckOutcome.Refused,
                    field + ": rolling 24 h dose " + peak.ToString() + " would be above the hard daily limit " + limits.DailyDoseHard.ToString() + " for " + limits.DrugName);
            }
        }

        private void Grant(bool patient, Milliseconds now, Nanoliters volume, Milliseconds duration)
        {
            NanolitersPerHour rate = BolusRate.Of(volume, duration);
            _therapy.Plan.Profile.Add(now, duration, rate);
            _history.Granted(patient, now, duration, rate);
            _therapy.Changed();
        }
    }
}
