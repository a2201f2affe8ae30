using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Therapy
{
    /// <summary>
    /// A refill: the clinician withdraws the residual, which the pump compares with the volume it
    /// computed was left (REFILL-DISCREPANCY: beyond the tolerance, default 14.5 % - SynchroMed's
    /// stated over-infusion bound - means over- or under-infusion, so it is logged and alerted), then
    /// enters the volume added and its drug. Nothing changes until <see cref="Complete"/>.
    /// </summary>
    public sealed class RefillSession
    {
        /// <summary>Default tolerance in thousandths (14.5 %).</summary>
        public const long DefaultTolerancePermille = 145;

        private readonly InfusionTherapy _therapy;
        private readonly Nanoliters _expected;
        private readonly Milliseconds _openedAt;

        public long TolerancePermille = DefaultTolerancePermille;

        internal RefillSession(InfusionTherapy therapy, Nanoliters expected, Milliseconds openedAt)
        {
            _therapy = therapy;
            _expected = expected;
            _openedAt = openedAt;
        }

        public Nanoliters Expected { get { return _expected; } }
        public Milliseconds OpenedAt { get { return _openedAt; } }

        /// <param name="withdrawn">Residual volume the clinician withdrew.</param>
        /// <param name="added">Volume put into the reservoir.</param>
        /// <param name="drug">The drug and concentration put in.</param>
        /// <param name="lowThreshold">Clinician-set low-reservoir alarm threshold.</param>
        public RefillResult Complete(Nanoliters withdrawn, Nanoliters added, Drug drug, Nanoliters lowThreshold, bool confirmed, Milliseconds now)
        {
            _therapy.Tick(now);
            RefillResult result = new RefillResult();
            CheckReport report = result.Report;
            result.Expected = _expected;
            result.Withdrawn = withdrawn;

            // R1 the residual: compared with the computed volume, logged and alerted, whatever follows.
            if (withdrawn.Value < 0)
            {
                report.Add(TherapyError.RefillVolumeNegative, CheckOutcome.Refused, "residual withdrawn " + withdrawn.ToString() + " is below the limit 0.000 uL");
            }
            else if (withdrawn > _therapy.Configuration.ReservoirCapacity)
            {
                report.Add(TherapyError.RefillAboveCapacity, CheckOutcome.Refused, "residual withdrawn " + withdrawn.ToString() + " is above the reservoir capacity " + _therapy.Configuration.ReservoirCapacity.ToString());
            }
            else
            {
                result.DiscrepancyPermille = RefillSession.DiscrepancyPermilleOf(_expected, withdrawn);
                result.DiscrepancyAlert = RefillSession.BeyondTolerance(_expected, withdrawn, TolerancePermille);
            }
            // R2 volume added, R3 threshold, R4 drug and concentration
            if (added.Value < 0)
            {
                report.Add(TherapyError.RefillVolumeNegative, CheckOutcome.Refused, "volume added " + added.ToString() + " is below the limit 0.000 uL");
            }
            else if (added > _therapy.Configuration.ReservoirCapacity)
            {
                report.Add(TherapyError.RefillAboveCapacity, CheckOutcome.Refused, "volume added " + added.ToString() + " is above the reservoir capacity " + _therapy.Configuration.ReservoirCapacity.ToString());
            }
            if (lowThreshold.Value < 0 || lowThreshold >= _therapy.Configuration.ReservoirCapacity)
            {
                report.Add(TherapyError.LowReservoirThresholdOutOfRange, CheckOutcome.Refused, "low-reservoir threshold " + lowThreshold.ToString() + " is outside the limit 0.000 uL.." + _therapy.Configuration.ReservoirCapacity.ToString());
            }
            PrescriptionChecks.CheckDrug(drug, _therapy.Library, confirmed, report);
            if (_therapy.Line.Flushing)
            {
                report.Add(TherapyError.BridgeInProgress, CheckOutcome.Refused, "refill while " + _therapy.Line.Incoming.ToString() + " is still on its way to the tip (arrives at " + _therapy.TipArrival.ToString() + "); the limit is after the bridge");
            }
            // Recorded once, with the clinician's final answer: a refill sent back for a soft-limit
            // confirmation comes again with the same residual.
            if (result.DiscrepancyAlert && !report.NeedsConfirmation)
            {
                _therapy.Recorder.Record(now, TherapyRecordKind.RefillAlert, TherapyError.RefillDiscrepancyBeyondTolerance, result.DiscrepancyPermille == long.MaxValue ? -1 : result.DiscrepancyPermille,
                    "refill residual withdrawn " + withdrawn.ToString() + " differs from the expected " + _expected.ToString() + " by " +
                    (result.DiscrepancyPermille == long.MaxValue ? "all" : Decimal1(result.DiscrepancyPermille) + " %") + ", above the tolerance " + Decimal1(TolerancePermille) + " %");
            }
            if (!report.Accepted)
            {
                _therapy.Refuse(report, TherapyRecordKind.RefillRefused, now);
                return result;
            }

            // R5 a changed drug or concentration: the running prescription follows it (the bridge keeps
            // the old drug's rate until the new one reaches the tip). Refused program = refused refill.
            Prescription current = _therapy.Prescription;
            bool changed = !_therapy.ReservoirDrug.IsNone && !_therapy.ReservoirDrug.SameAs(drug);
            result.ConcentrationChanged = changed;
            if (changed && current.Mode != DeliveryMode.Stopped)
            {
                Prescription next = current.Drug.Name == drug.Name ? current.AtConcentration(drug.Concentration) : Prescription.Stopped(drug);
                Drug previousReservoir = _therapy.ReservoirDrug;
                _therapy.ReservoirDrug = Drug.None;
                CheckReport programmed = _therapy.Program(next, confirmed, now);
                if (!programmed.Accepted)
                {
                    _therapy.ReservoirDrug = previousReservoir;
                    for (int i = 0; i < programmed.Count; i++) report.Add(programmed[i].Code, programmed[i].Outcome, programmed[i].Message);
                    return result;
                }
                result.TipArrival = _therapy.TipArrival;
            }

            _therapy.ReservoirDrug = drug;
            _therapy.FilledAt = now;
            result.ReservoirVolume = added;
            result.LowReservoirThreshold = lowThreshold;
            Nanoliters perDay = _therapy.WorstCaseDailyVolume;
            if (perDay.Value > 0)
            {
                result.TimeToEmpty = new Milliseconds(added.Value * Milliseconds.PerDay / perDay.Value);
            }
            result.DrugExpiresAt = _therapy.DrugExpiresAt;
            result.NextRefillAt = _therapy.NextRefillAt(added, now);
            _therapy.Recorder.Record(now, TherapyRecordKind.Refill, TherapyError.None, added.Value,
                "refill " + added.ToString() + " of " + drug.ToString() + ", low threshold " + lowThreshold.ToString());
            _therapy.Gauge.Filled(added, lowThreshold);
            return result;
        }


        /// <summary>|withdrawn - expected| / expected in thousandths, rounded up.</summary>
        public static long DiscrepancyPermilleOf(Nanoliters expected, Nanoliters withdrawn)
        {
            long difference = withdrawn.Value - expected.Value;
            if (difference < 0) difference = -difference;
            if (expected.Value <= 0) return difference == 0 ? 0 : long.MaxValue;
            return (difference * 1000 + expected.Value - 1) / expected.Value;
        }

        /// <summary>Exact test of "beyond tolerance": |w - e| x 1000 &gt; tolerance x e (no rounding at the boundary).</summary>
        public static bool BeyondTolerance(Nanoliters expected, Nanoliters withdrawn, long tolerancePermille)
        {
            long difference = withdrawn.Value - expected.Value;
            if (difference < 0) difference = -difference;
            if (expected.Value <= 0) return difference > 0;
            return difference * 1000 > tolerancePermille * expected.Value;
        }

        private static string Decimal1(long permille)
        {
            return (permille / 10).ToString() + "." + (permille % 10).ToString();
        }
    }
}
