using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Therapy
{
    /// <summary>
    /// What the clinician decides the implant on: baseline pain against trial pain, relief in percent
    /// (>= 50 % is a commonly used threshold - a configurable default, not clinical advice), the dose
    /// delivered per day, patient-bolus requests granted and refused, and activity kept up.
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

        public static TrialReport From(TrialDiary diary, InfusionTherapy therapy, Milliseconds now, int reliefThresholdPercent)
        {
            therapy.Tick(now);
            TrialReport report = new TrialReport();
            long baselineSum = 0;
            long trialSum = 0;
            long activity = 0;
            for (int i = 0; i < diary.Count; i++)
            {
                bool baseline = diary.IsBaseline(i);
                if (diary.Pain(i) >= 0)
                {
                    if (baseline) { baselineSum += diary.Pain(i); report.BaselinePainEntries++; }
                    else { trialSum += diary.Pain(i); report.TrialPainEntries++; }
                }
                else if (!baseline)
                {
                    activity += diary.Minutes(i);
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
