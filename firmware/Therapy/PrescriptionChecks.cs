using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Therapy
{
    /// <summary>
    /// PRESCRIPTION-CHECK-CHAIN: the ordered chain of checks a new prescription passes before it may
    /// run (AndroidAPS constraints style). The ORDER is the contract, and docs/therapy.md lists it:
    ///   P1 drug known (name given, in the library)         - refuse
    ///   P2 concentration (above 0, hard, soft)               - refuse / confirm
    ///   P3 mode shape (rates not negative, flex table, single-bolus duration) - refuse
    ///   P4 device rate range of the pump stage                - refuse
    ///   P5 drug rate limit (hard, soft)                       - refuse / confirm
    ///   P6 daily dose (hard, soft)                            - refuse / confirm
    ///   P7 bolus settings (dose, duration, count, lockout; hard, soft; worst-case day) - refuse / confirm
    ///   P8 large change: new daily dose above LargeChangePercent of the current one, or below
    ///      10,000 / LargeChangePercent % of it (50 % at the default 200 %) - confirm
    ///   (a prescription of mode Stopped skips every check: STOP-ALWAYS-ALLOWED)
    ///   P9 rolling 24 h forecast of the committed plan (run by <see cref="InfusionTherapy"/> once the plan is built) - refuse
    /// Every check runs even after a refusal, so the report carries ALL reasons. Checks never clamp a
    /// prescription: silently programming something other than what the clinician entered is a
    /// hazard of its own. Each message names the field, the value and the limit.
    /// </summary>
    public static class PrescriptionChecks
    {
        /// <summary>Runs P1..P8. Returns the library entry (null if P1 refused).</summary>
        public static DrugLimits? Run(Prescription p, DrugLibrary library, PumpConfiguration config, Nanograms currentDailyDose, bool confirmed, CheckReport report)
        {
            // STOP-ALWAYS-ALLOWED: stopping needs no valid drug, no limits and no confirmation.
            if (p.Mode == DeliveryMode.Stopped) return p.Drug.Name == null ? null : library.Find(p.Drug.Name);

            // P1, P2
            DrugLimits? limits = CheckDrug(p.Drug, library, confirmed, report);
            string name = p.Drug.Name == null ? "" : p.Drug.Name;
            MicrogramsPerMilliliter c = p.Drug.Concentration;

            // P3 mode shape
            CheckShape(p, report);

            // P4 device rate range, P5 drug rate limit
            NanolitersPerHour peak = p.PeakRate;
            if (p.Mode != DeliveryMode.Stopped)
            {
                if (peak > config.DeviceRateMaximum)
                {
                    report.Add(TherapyError.RateAboveDeviceMaximum, CheckOutcome.Refused, "rate " + peak.ToString() + " is above the " + PumpStageName.Of(config.Stage) + " pump maximum " + config.DeviceRateMaximum.ToString(), peak.Value, config.DeviceRateMaximum.Value);
                }
                CheckDeviceMinimum(p, config, report);
                if (limits != null)
                {
                    if (peak > limits.RateHard)
                    {
                        report.Add(TherapyError.RateAboveHardLimit, CheckOutcome.Refused, "rate " + peak.ToString() + " is above the hard limit " + limits.RateHard.ToString() + " for " + name, peak.Value, limits.RateHard.Value);
                    }
                    else if (peak > limits.RateSoft)
                    {
                        report.AddSoft(TherapyError.RateAboveSoftLimit, confirmed, "rate " + peak.ToString() + " is above the soft limit " + limits.RateSoft.ToString() + " for " + name);
                    }
                }
            }

            // P6 daily dose
            Nanograms daily = p.DailyDose;
            if (limits != null && c.Value > 0)
            {
                if (daily > limits.DailyDoseHard)
                {
                    report.Add(TherapyError.DailyDoseAboveHardLimit, CheckOutcome.Refused, "daily dose " + daily.ToString() + " is above the hard limit " + limits.DailyDoseHard.ToString() + " for " + name, daily.Value, limits.DailyDoseHard.Value);
                }
                else if (daily > limits.DailyDoseSoft)
                {
                    report.AddSoft(TherapyError.DailyDoseAboveSoftLimit, confirmed, "daily dose " + daily.ToString() + " is above the soft limit " + limits.DailyDoseSoft.ToString() + " for " + name);
                }
            }

            // P7 bolus settings
            if (p.Mode == DeliveryMode.SingleBolus && limits != null)
            {
                CheckBolusDose("single bolus dose", p.SingleBolusDose, limits, confirmed, report);
            }
            PatientBolusSettings? pb = p.PatientBolus;
            if (pb != null)
            {
                if (!p.HasBasal)
                {
                    report.Add(TherapyError.PatientBolusNotPrescribed, CheckOutcome.Refused, "patient bolus with mode " + DeliveryModeName.Of(p.Mode) + ": the limit is continuous or flex modes only");
                }
                CheckPatientBolus(p, pb, limits, config, confirmed, report);
            }

            // P8 large change (an order-of-magnitude slip: 10x instead of 1x)
            if (currentDailyDose.Value > 0 && daily.Value * 100 > currentDailyDose.Value * config.LargeChangePercent)
            {
                report.AddSoft(TherapyError.DailyDoseChangeTooLarge, confirmed,
                    "daily dose " + daily.ToString() + " is more than " + config.LargeChangePercent.ToString() + " % of the current daily dose " + currentDailyDose.ToString() +
                    " (limit " + new Nanograms(currentDailyDose.Value * config.LargeChangePercent / 100).ToString() + ")");
            }
            else if (currentDailyDose.Value > 0 && config.LargeChangePercent > 0 && daily.Value * config.LargeChangePercent < currentDailyDose.Value * 100)
            {
                CheckLargeDrop(daily, currentDailyDose, config.LargeChangePercent, confirmed, report);
            }
            return limits;
        }

        /// <summary>
        /// P8 downward (LARGE-CHANGE-BOTH-WAYS): the same slip the other way (0.1x instead of 1x) stops
        /// most of the drug at once - baclofen withdrawal (rebound spasticity, fever, worse), an opioid
        /// patient's pain crisis and withdrawal - so a new daily dose below 10,000 / LargeChangePercent %
        /// of the current one (50 % at 200 %) needs confirmation too. The limit shown is rounded up: a dose below it
        /// is exactly a flagged one.
        /// </summary>
        private static void CheckLargeDrop(Nanograms daily, Nanograms current, int percent, bool confirmed, CheckReport report)
        {
            Nanograms limit = new Nanograms((current.Value * 100 + percent - 1) / percent);
            report.AddSoft(TherapyError.DailyDoseDropTooLarge, confirmed,
                "daily dose " + daily.ToString() + " is below the limit " + limit.ToString() + ", " + ((10000 + percent - 1) / percent).ToString() +
                " % of the current daily dose " + current.ToString() + ": a large drop");
        }

        /// <summary>P1 drug known and P2 concentration; also run by a refill. Returns the library entry or null.</summary>
        public static DrugLimits? CheckDrug(Drug drug, DrugLibrary library, bool confirmed, CheckReport report)
        {
            DrugLimits? limits = null;
            string name = drug.Name == null ? "" : drug.Name;
            if (name.Length == 0)
            {
                report.Add(TherapyError.DrugNameEmpty, CheckOutcome.Refused, "drug name '' is empty; the limit is a name from the drug library");
            }
            else
            {
                limits = library.Find(name);
                if (limits == null)
                {
                    report.Add(TherapyError.DrugNotInLibrary, CheckOutcome.Refused, "drug name '" + name + "' is not in the drug library of " + library.Count.ToString() + " drugs; " + library.Suggestion(name));
                }
            }
            MicrogramsPerMilliliter c = drug.Concentration;
            if (c.Value <= 0)
            {
                report.Add(TherapyError.ConcentrationNotPositive, CheckOutcome.Refused, "concentration " + c.ToString() + " must be above the limit 0 ug/mL");
            }
            else if (limits != null)
            {
                if (c.Value > limits.ConcentrationHard.Value)
                {
                    report.Add(TherapyError.ConcentrationAboveHardLimit, CheckOutcome.Refused, "concentration " + c.ToString() + " is above the hard limit " + limits.ConcentrationHard.ToString() + " for " + name, c.Value, limits.ConcentrationHard.Value);
                }
                else if (c.Value > limits.ConcentrationSoft.Value)
                {
                    report.AddSoft(TherapyError.ConcentrationAboveSoftLimit, confirmed, "concentration " + c.ToString() + " is above the soft limit " + limits.ConcentrationSoft.ToString() + " for " + name);
                }
            }
            return limits;
        }

        /// <summary>P9, after the plan is built: the rolling 24 h forecast must stay at or below the hard daily limit.</summary>
        public static void CheckRollingForecast(Nanograms peak, DrugLimits limits, CheckReport report)
        {
            if (peak > limits.DailyDoseHard)
            {
                report.Add(TherapyError.RollingDailyDoseWouldExceedLimit, CheckOutcome.Refused,
                    "rolling 24 h dose " + peak.ToString() + " would be above the hard daily limit " + limits.DailyDoseHard.ToString() + " for " + limits.DrugName);
            }
        }

        private static void CheckShape(Prescription p, CheckReport report)
        {
            switch (p.Mode)
            {
                case DeliveryMode.Stopped:
                    return;
                case DeliveryMode.SimpleContinuous:
                    if (p.Rate.Value < 0) report.Add(TherapyError.RateNegative, CheckOutcome.Refused, "rate " + p.Rate.ToString() + " is below the limit 0.000 uL/h");
                    return;
                case DeliveryMode.Flex:
                    if (p.FlexStepCount < 1 || p.FlexStepCount > Prescription.MaxFlexSteps)
                    {
                        report.Add(TherapyError.FlexStepCountOutOfRange, CheckOutcome.Refused, "flex steps " + p.FlexStepCount.ToString() + " is outside the limit 1.." + Prescription.MaxFlexSteps.ToString());
                    }
                    if (p.FlexRateCount != p.FlexStepCount)
                    {
                        report.Add(TherapyError.FlexRateCountMismatch, CheckOutcome.Refused, "flex rates " + p.FlexRateCount.ToString() + " must equal the limit of flex steps " + p.FlexStepCount.ToString());
                    }
                    for (int i = 0; i < p.FlexStepCount; i++)
                    {
                        long start = p.FlexStart(i).Value;
                        long previous = i == 0 ? -1 : p.FlexStart(i - 1).Value;
                        if (start <= previous || start >= Milliseconds.PerDay)
                        {
                            report.Add(TherapyError.FlexStartOutOfOrder, CheckOutcome.Refused, "flex start[" + i.ToString() + "] " + start.ToString() + " ms must be after " + previous.ToString() + " ms and below the limit " + Milliseconds.PerDay.ToString() + " ms");
                        }
                    }
                    for (int i = 0; i < p.FlexRateCount; i++)
                    {
                        if (p.FlexRate(i).Value < 0) report.Add(TherapyError.RateNegative, CheckOutcome.Refused, "flex rate[" + i.ToString() + "] " + p.FlexRate(i).ToString() + " is below the limit 0.000 uL/h");
                    }
                    return;
                case DeliveryMode.SingleBolus:
                    if (p.SingleBolusDuration.Value <= 0 || p.SingleBolusDuration.Value > Milliseconds.PerDay)
                    {
                        report.Add(TherapyError.SingleBolusDurationNotPositive, CheckOutcome.Refused, "single bolus duration " + ClinicalDuration.Of(p.SingleBolusDuration) + " is outside the limit 1 ms..24 h");
                    }
                    return;
                default:
                    report.Add(TherapyError.ModeUnknown, CheckOutcome.Refused, "mode " + ((int)p.Mode).ToString() + " is outside the limit 0..3 (stopped, simple continuous, flex, single bolus)");
                    return;
            }
        }

        private static void CheckDeviceMinimum(Prescription p, PumpConfiguration config, CheckReport report)
        {
            // A flex step may be 0 (off at night); any rate that runs must be one the mechanism can keep.
            if (p.Mode == DeliveryMode.SimpleContinuous)
            {
                if (p.Rate < config.DeviceRateMinimum)
                {
                    report.Add(TherapyError.RateBelowDeviceMinimum, CheckOutcome.Refused, "rate " + p.Rate.ToString() + " is below the " + PumpStageName.Of(config.Stage) + " pump minimum " + config.DeviceRateMinimum.ToString());
                }
            }
            else if (p.Mode == DeliveryMode.Flex)
            {
                for (int i = 0; i < p.FlexRateCount; i++)
                {
                    NanolitersPerHour r = p.FlexRate(i);
                    if (r.Value > 0 && r < config.DeviceRateMinimum)
                    {
                        report.Add(TherapyError.RateBelowDeviceMinimum, CheckOutcome.Refused, "flex rate[" + i.ToString() + "] " + r.ToString() + " is below the " + PumpStageName.Of(config.Stage) + " pump minimum " + config.DeviceRateMinimum.ToString());
                    }
                }
            }
        }

        /// <summary>Bolus dose above 0, at or below the hard limit, soft limit confirmed.</summary>
        public static void CheckBolusDose(string field, Micrograms dose, DrugLimits limits, bool confirmed, CheckReport report)
        {
            if (dose.Value <= 0)
            {
                report.Add(TherapyError.BolusDoseNotPositive, CheckOutcome.Refused, field + " " + dose.ToString() + " must be above the limit 0 ug");
            }
            else if (dose > limits.BolusDoseHard)
            {
                report.Add(TherapyError.BolusDoseAboveHardLimit, CheckOutcome.Refused, field + " " + dose.ToString() + " is above the hard limit " + limits.BolusDoseHard.ToString() + " for " + limits.DrugName, dose.Value, limits.BolusDoseHard.Value);
            }
            else if (dose > limits.BolusDoseSoft)
            {
                report.AddSoft(TherapyError.BolusDoseAboveSoftLimit, confirmed, field + " " + dose.ToString() + " is above the soft limit " + limits.BolusDoseSoft.ToString() + " for " + limits.DrugName);
            }
        }

        private static void CheckPatientBolus(Prescription p, PatientBolusSettings pb, DrugLimits? limits, PumpConfiguration config, bool confirmed, CheckReport report)
        {
            if (pb.Duration.Value <= 0 || pb.Duration.Value > Milliseconds.PerDay)
            {
                report.Add(TherapyError.BolusDurationNotPositive, CheckOutcome.Refused, "patient bolus duration " + ClinicalDuration.Of(pb.Duration) + " is outside the limit 1 ms..24 h");
            }
            if (pb.Lockout.Value < 0)
            {
                report.Add(TherapyError.LockoutNegative, CheckOutcome.Refused, "patient bolus lockout " + ClinicalDuration.Of(pb.Lockout) + " is below the limit 0 min");
            }
            else if (pb.Lockout > PatientBolusSettings.MaxLockout)
            {
                report.Add(TherapyError.LockoutAboveLimit, CheckOutcome.Refused, "patient bolus lockout " + ClinicalDuration.Of(pb.Lockout) + " is above the limit " + ClinicalDuration.Of(PatientBolusSettings.MaxLockout));
            }
            if (pb.MaxPer24Hours <= 0)
            {
                report.Add(TherapyError.BolusCountNotPositive, CheckOutcome.Refused, "patient boluses per 24 h " + pb.MaxPer24Hours.ToString() + " must be above the limit 0");
            }
            if (limits == null) return;
            CheckBolusDose("patient bolus dose", pb.Dose, limits, confirmed, report);
            if (pb.MaxPer24Hours > limits.BolusesPer24HoursHard)
            {
                report.Add(TherapyError.BolusCountAboveHardLimit, CheckOutcome.Refused, "patient boluses per 24 h " + pb.MaxPer24Hours.ToString() + " is above the hard limit " + limits.BolusesPer24HoursHard.ToString() + " for " + limits.DrugName, pb.MaxPer24Hours, limits.BolusesPer24HoursHard);
            }
            else if (pb.MaxPer24Hours > limits.BolusesPer24HoursSoft)
            {
                report.AddSoft(TherapyError.BolusCountAboveSoftLimit, confirmed, "patient boluses per 24 h " + pb.MaxPer24Hours.ToString() + " is above the soft limit " + limits.BolusesPer24HoursSoft.ToString() + " for " + limits.DrugName);
            }
            if (pb.Duration.Value > 0 && p.Drug.Concentration.Value > 0)
            {
                NanolitersPerHour total = BolusRate.Of(p.Drug.Concentration.VolumeOf(pb.Dose), pb.Duration) + p.PeakRate;
                NanolitersPerHour max = limits.RateHard < config.DeviceRateMaximum ? limits.RateHard : config.DeviceRateMaximum;
                if (total > max)
                {
                    report.Add(TherapyError.RateAboveHardLimit, CheckOutcome.Refused, "patient bolus rate plus basal " + total.ToString() + " is above the hard limit " + max.ToString() + " for " + limits.DrugName, total.Value, max.Value);
                }
            }
            // The worst day the patient can reach is refused at run time anyway (ROLLING-24H-LIMIT);
            // the clinician is told now, so that a prescription is not quietly capped every day.
            Nanograms worst = p.DailyDose + new Nanograms(Nanograms.FromMicrograms(pb.Dose).Value * (pb.MaxPer24Hours > 0 ? pb.MaxPer24Hours : 0));
            if (worst > limits.DailyDoseHard)
            {
                report.AddSoft(TherapyError.WorstCaseDailyDoseAboveHardLimit, confirmed, "daily dose with all patient boluses " + worst.ToString() + " is above the hard limit " + limits.DailyDoseHard.ToString() + " for " + limits.DrugName + "; boluses will be refused at the limit");
            }
        }
    }
}
