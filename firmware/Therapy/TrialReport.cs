using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Therapy
{
    /// <summary>
    /// What the clinician decides the implant on: baseline pain against trial pain, relief in percent
    /// (>= 50 % is a commonly used threshold - a configurable default, not clinical advice), the dose
    /// delivered per day, patient-bolus requests granted and refused, activity kept up, and the side
    /// effects with their worst severity. TRIAL-JUDGED-ON-THREE: the recommendation weighs relief,
    /// function and tolerable side effects (British Pain Society 2015; Polyanalgesic Consensus
    /// Conference 2017) and names each with its figures; it recommends only when all three are met.
    /// All figures are integers: pain in tenths of a point, relief in whole percent (rounded down).
    /// </summary>
    public sealed class TrialReport
    {
        public const int DefaultReliefThresholdPercent = 50;

        public int BaselinePainEntries;
        public int TrialPainEntries;
        /// <summary>Mean baseline pain x 10 (e.g. 72 = 7.2), -1 if no baseline entry.</summary>
        public int BaselinePainTenths = -1;
        /// <summary>Mean trial pain x 10, -1 if no trial entry.</summary>
        public int TrialPainTenths = -1;
        /// <summary>(baseline - trial) / baseline in whole percent; 0 if either is missing or the baseline is 0.</summary>
        public int ReliefPercent;
        public bool MeetsReliefThreshold;
        public Milliseconds TrialDuration;
        public Nanograms Delivered;
        /// <summary>Delivered mass per 24 h of trial (rounded down).</summary>
        public Nanograms DosePerDay;
        public int BolusRequestsGranted;
        public int BolusRequestsRefused;
        /// <summary>Activity minutes per 24 h of trial.</summary>
        public long ActivityMinutesPerDay;
        /// <summary>Mean minutes per activity entry before the trial and during it; -1 if none.</summary>
        public long BaselineActivityMinutesPerEntry = -1;
        public long TrialActivityMinutesPerEntry = -1;
        /// <summary>Trial side-effect entries per <see cref="SideEffectKind"/>, and the worst severity of each.</summary>
        public int[] SideEffectEntries = new int[SideEffectName.Count];
        public SideEffectSeverity[] WorstSideEffect = new SideEffectSeverity[SideEffectName.Count];
        public int ReliefThresholdPercent;
        /// <summary>Relief at least the threshold; not recorded without both baseline and trial pain.</summary>
        public TrialCriterion Relief;
        /// <summary>Activity kept up: trial minutes per activity entry at least the baseline's; not recorded without both.</summary>
        public TrialCriterion Function;
        /// <summary>Tolerable: no severe side effect and none that stops the trial (SIDE-EFFECT-STOPS-TRIAL).</summary>
        public TrialCriterion SideEffects;

        /// <summary>All three criteria met.</summary>
        public bool Recommended
        {
            get { return Relief == TrialCriterion.Met && Function == TrialCriterion.Met && SideEffects == TrialCriterion.Met; }
        }

        /// <summary>The recommendation in words, naming every criterion, its figures and its verdict.</summary>
        public string Recommendation()
        {
            string text = Recommended ? "implant may be considered" : "implant not supported";
            text += "; relief " + ReliefPercent.ToString() + " % against " + ReliefThresholdPercent.ToString() + " %: " + TrialCriterionName.Of(Relief);
            text += "; function " + Minutes(TrialActivityMinutesPerEntry) + " per activity entry against " + Minutes(BaselineActivityMinutesPerEntry) + " at baseline: " + TrialCriterionName.Of(Function);
            string effects = "";
            for (int k = 0; k < SideEffectName.Count; k++)
            {
                if (SideEffectEntries[k] == 0) continue;
                effects += (effects.Length == 0 ? "" : ", ") + SideEffectName.Of((SideEffectKind)k) + " x" + SideEffectEntries[k].ToString() + " worst " + SideEffectSeverityName.Of(WorstSideEffect[k]);
            }
            text += "; side effects " + (effects.Length == 0 ? "none recorded" : effects) + ": " + TrialCriterionName.Of(SideEffects);
            return text;
        }

        private static string Minutes(long perEntry) { return perEntry < 0 ? "none" : perEntry.ToString() + " min"; }

        public static TrialReport From(TrialDiary diary, InfusionTherapy therapy, Milliseconds now, int reliefThresholdPercent)
        {
            therapy.Tick(now);
            TrialReport report = new TrialReport();
            long baselineSum = 0;
            long trialSum = 0;
            long activity = 0;
            long baselineActivity = 0;
            int baselineActivityEntries = 0;
            int trialActivityEntries = 0;
            report.SideEffects = TrialCriterion.Met;
            for (int i = 0; i < diary.Count; i++)
            {
                bool baseline = diary.IsBaseline(i);
                if (diary.IsSideEffect(i))
                {
                    if (baseline) continue;
                    int k = (int)diary.SideEffect(i);
                    report.SideEffectEntries[k]++;
                    if (diary.Severity(i) > report.WorstSideEffect[k]) report.WorstSideEffect[k] = diary.Severity(i);
                    if (SideEffectStop.Intolerable(diary.SideEffect(i), diary.Severity(i))) report.SideEffects = TrialCriterion.NotMet;
                }
                else if (diary.Pain(i) >= 0)
                {
                    if (baseline) { baselineSum += diary.Pain(i); report.BaselinePainEntries++; }
                    else { trialSum += diary.Pain(i); report.TrialPainEntries++; }
                }
                else if (!baseline)
                {
                    activity += diary.Minutes(i);
                    trialActivityEntries++;
                }
                else
                {
                    baselineActivity += diary.Minutes(i);
                    baselineActivityEntries++;
                }
            }
            if (report.BaselinePainEntries > 0) report.BaselinePainTenths = (int)(baselineSum * 10 / report.BaselinePainEntries);
            if (report.TrialPainEntries > 0) report.TrialPainTenths = (int)(trialSum * 10 / report.TrialPainEntries);
            if (report.BaselinePainEntries > 0 && report.TrialPainEntries > 0 && baselineSum > 0)
            {
                // Relief from the exact means: (b/nb - t/nt) / (b/nb) = 1 - t nb / (b nt).
                long relief = 100 - (trialSum * report.BaselinePainEntries * 100 + baselineSum * report.TrialPainEntries - 1) / (baselineSum * report.TrialPainEntries);
                report.ReliefPercent = (int)relief;
            }
            report.MeetsReliefThreshold = report.ReliefPercent >= reliefThresholdPercent;
            report.ReliefThresholdPercent = reliefThresholdPercent;
            if (report.BaselinePainEntries == 0 || report.TrialPainEntries == 0) report.Relief = TrialCriterion.NotRecorded;
            else report.Relief = report.MeetsReliefThreshold ? TrialCriterion.Met : TrialCriterion.NotMet;
            if (baselineActivityEntries > 0) report.BaselineActivityMinutesPerEntry = baselineActivity / baselineActivityEntries;
            if (trialActivityEntries > 0) report.TrialActivityMinutesPerEntry = activity / trialActivityEntries;
            if (baselineActivityEntries == 0 || trialActivityEntries == 0) report.Function = TrialCriterion.NotRecorded;
            else report.Function = activity * baselineActivityEntries >= baselineActivity * trialActivityEntries ? TrialCriterion.Met : TrialCriterion.NotMet;
            report.TrialDuration = diary.TrialStarted ? now - diary.TrialStart : Milliseconds.Zero;
            report.Delivered = therapy.DeliveredMass - diary.DeliveredAtStart;
            if (report.TrialDuration.Value > 0)
            {
                report.DosePerDay = new Nanograms(report.Delivered.Value * Milliseconds.PerDay / report.TrialDuration.Value);
                report.ActivityMinutesPerDay = activity * Milliseconds.PerDay / report.TrialDuration.Value;
            }
            report.BolusRequestsGranted = therapy.PatientBolusesGranted - diary.GrantedAtStart;
            report.BolusRequestsRefused = therapy.PatientBolusesRefused - diary.RefusedAtStart;
            return report;
        }
    }
}
