using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Therapy
{
    /// <summary>Refill and stage change.</summary>
    public sealed partial class InfusionTherapy
    {
        /// <summary>Starts a refill: the expected residual is the computed reservoir now.</summary>
        public RefillSession BeginRefill(Milliseconds now)
        {
            Tick(now);
            return new RefillSession(this, _gauge.Computed, now);
        }

        internal RefillResult CompleteRefill(RefillSession session, Nanoliters withdrawn, Nanoliters added, Drug drug, Nanoliters lowThreshold, bool confirmed, Milliseconds now)
        {
            Tick(now);
            RefillResult result = new RefillResult();
            CheckReport report = result.Report;
            result.Expected = session.Expected;
            result.Withdrawn = withdrawn;

            // R1 the residual: compared with the computed volume, logged and alerted, whatever follows.
            if (withdrawn.Value < 0)
            {
                report.Add(TherapyError.RefillVolumeNegative, CheckOutcome.Refused, "residual withdrawn " + withdrawn.ToString() + " is below the limit 0.000 uL");
            }
            else if (withdrawn > _config.ReservoirCapacity)
            {
                report.Add(TherapyError.RefillAboveCapacity, CheckOutcome.Refused, "residual withdrawn " + withdrawn.ToString() + " is above the reservoir capacity " + _config.ReservoirCapacity.ToString());
            }
            else
            {
                result.DiscrepancyPermille = RefillSession.DiscrepancyPermilleOf(session.Expected, withdrawn);
                result.DiscrepancyAlert = RefillSession.BeyondTolerance(session.Expected, withdrawn, session.TolerancePermille);
            }
            // R2 volume added, R3 threshold, R4 drug and concentration
            if (added.Value < 0)
            {
                report.Add(TherapyError.RefillVolumeNegative, CheckOutcome.Refused, "volume added " + added.ToString() + " is below the limit 0.000 uL");
            }
            else if (added > _config.ReservoirCapacity)
            {
                report.Add(TherapyError.RefillAboveCapacity, CheckOutcome.Refused, "volume added " + added.ToString() + " is above the reservoir capacity " + _config.ReservoirCapacity.ToString());
            }
            if (lowThreshold.Value < 0 || lowThreshold >= _config.ReservoirCapacity)
            {
                report.Add(TherapyError.LowReservoirThresholdOutOfRange, CheckOutcome.Refused, "low-reservoir threshold " + lowThreshold.ToString() + " is outside the limit 0.000 uL.." + _config.ReservoirCapacity.ToString());
            }
            PrescriptionChecks.CheckDrug(drug, _library, confirmed, report);
            if (Flushing)
            {
                report.Add(TherapyError.BridgeInProgress, CheckOutcome.Refused, "refill while " + _lineNext.ToString() + " is still on its way to the tip (arrives at " + TipArrival.ToString() + "); the limit is after the bridge");
            }
            // Recorded once, with the clinician's final answer: a refill sent back for a soft-limit
            // confirmation comes again with the same residual.
            if (result.DiscrepancyAlert && !report.NeedsConfirmation)
            {
                _recorder.Record(now, TherapyRecordKind.RefillAlert, TherapyError.RefillDiscrepancyBeyondTolerance, result.DiscrepancyPermille == long.MaxValue ? -1 : result.DiscrepancyPermille,
                    "refill residual withdrawn " + withdrawn.ToString() + " differs from the expected " + session.Expected.ToString() + " by " +
                    (result.DiscrepancyPermille == long.MaxValue ? "all" : Decimal1(result.DiscrepancyPermille) + " %") + ", above the tolerance " + Decimal1(session.TolerancePermille) + " %");
            }
            if (!report.Accepted)
            {
                Refuse(report, TherapyRecordKind.RefillRefused, now);
                return result;
            }

            // R5 a changed drug or concentration: the running prescription follows it (the bridge keeps
            // the old drug's rate until the new one reaches the tip). Refused program = refused refill.
            Prescription current = _plan.Prescription;
            bool changed = !_reservoirDrug.IsNone && !_reservoirDrug.SameAs(drug);
            result.ConcentrationChanged = changed;
            if (changed && current.Mode != DeliveryMode.Stopped)
            {
                Prescription next = current.Drug.Name == drug.Name ? current.AtConcentration(drug.Concentration) : Prescription.Stopped(drug);
                Drug previousReservoir = _reservoirDrug;
                _reservoirDrug = Drug.None;
                CheckReport programmed = Program(next, confirmed, now);
                if (!programmed.Accepted)
                {
                    _reservoirDrug = previousReservoir;
                    for (int i = 0; i < programmed.Count; i++) report.Add(programmed[i].Code, programmed[i].Outcome, programmed[i].Message);
                    return result;
                }
                result.TipArrival = TipArrival;
            }

            _reservoirDrug = drug;
            _filledAt = now;
            result.ReservoirVolume = added;
            result.LowReservoirThreshold = lowThreshold;
            Nanoliters perDay = WorstCaseDailyVolume;
            if (perDay.Value > 0)
            {
                result.TimeToEmpty = new Milliseconds(added.Value * Milliseconds.PerDay / perDay.Value);
            }
            result.DrugExpiresAt = DrugExpiresAt;
            result.NextRefillAt = NextRefillAt(added, now);
            _recorder.Record(now, TherapyRecordKind.Refill, TherapyError.None, added.Value,
                "refill " + added.ToString() + " of " + drug.ToString() + ", low threshold " + lowThreshold.ToString());
            _gauge.Filled(added, lowThreshold);
            return result;
        }

        /// <summary>The most one day can take from the reservoir: the basal plus every allowed patient bolus.</summary>
        public Nanoliters WorstCaseDailyVolume
        {
            get
            {
                Prescription p = _plan.Prescription;
                if (p.Mode == DeliveryMode.Stopped) return Nanoliters.Zero;
                long volume = p.DailyVolume.Value;
                if (p.PatientBolus != null) volume += p.Drug.Concentration.VolumeOf(p.PatientBolus.Dose).Value * p.PatientBolus.MaxPer24Hours;
                return new Nanoliters(volume);
            }
        }

        /// <summary>
        /// TRIAL-TO-IMPLANT: the documented programming step from the external trial pump to the
        /// implanted pump. The therapy stops, the implanted pump's configuration (its limits, sensors,
        /// alarms) replaces the trial's, the line is a new catheter (empty: the next prescription
        /// starts with a priming bolus) and the reservoir is empty until the implant refill. The dose
        /// ledger and patient-bolus history are kept: it is the same patient's last 24 hours.
        /// </summary>
        public CheckReport MoveToImplant(PumpConfiguration implanted, Milliseconds now)
        {
            Tick(now);
            CheckReport report = new CheckReport();
            if (_config.Stage != PumpStage.Trial || implanted.Stage != PumpStage.Implanted)
            {
                report.Add(TherapyError.StageChangeNotAllowed, CheckOutcome.Refused,
                    "stage change from " + PumpStageName.Of(_config.Stage) + " to " + PumpStageName.Of(implanted.Stage) + ": the limit is trial to implanted");
                return Refuse(report, TherapyRecordKind.ProgrammingRefused, now);
            }
            Program(Prescription.Stopped(_plan.Prescription.Drug), false, now);
            _config = implanted;
            _lineDrug = Drug.None;
            _lineNext = Drug.None;
            _lineOldVolume = implanted.LineVolume;
            _lastRunning = null;
            _reservoirDrug = Drug.None;
            _gauge.Unfilled();
            _revision++;
            _recorder.Record(now, TherapyRecordKind.ProgrammingCommitted, TherapyError.None, 0, "moved from trial to implanted pump: stopped, new catheter to prime, reservoir to fill");
            return report;
        }

        private static string Decimal1(long permille)
        {
            return (permille / 10).ToString() + "." + (permille % 10).ToString();
        }
    }
}
