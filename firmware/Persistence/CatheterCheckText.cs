using OpenIdds.Firmware.Safety;

namespace OpenIdds.Firmware.Persistence
{
    /// <summary>
    /// One catheter integrity check in a clinician's words - the verdict and the band energies as a
    /// percentage of the patient's baseline - and its two compact event values (catheter-check; the
    /// event log keeps a in 64 bits, b in 32):
    /// a = respiratory percent + cardiac percent x 2^16 (each 0-9999) + run x 2^32 + baseline checks
    /// left x 2^40 + judged bands x 2^48 (1 respiratory, 2 cardiac);
    /// b = verdict (CatheterCheckVerdict) + minutes to the next check x 2^8.
    /// `iddsctl status` and the log both read it here.
    /// </summary>
    public static class CatheterCheckText
    {
        public static long PackEvidence(int respiratoryPercent, int cardiacPercent, int run, int baselineLeft, bool respiratoryJudged, bool cardiacJudged)
        {
            long judged = (respiratoryJudged ? 1 : 0) | (cardiacJudged ? 2 : 0);
            return (long)(respiratoryPercent & 0xFFFF) | (long)(cardiacPercent & 0xFFFF) << 16 | (long)(run & 0xFF) << 32 | (long)(baselineLeft & 0xFF) << 40 | judged << 48;
        }

        public static long PackVerdict(CatheterCheckVerdict verdict, long minutesToNext)
        {
            return (long)verdict | (minutesToNext & 0xFFFFFF) << 8;
        }

        /// <summary>The event's values in words.</summary>
        public static string DescribeEvent(long a, long b)
        {
            string text = Describe((CatheterCheckVerdict)(int)(b & 0xFF), (int)(a & 0xFFFF), (int)(a >> 16 & 0xFFFF), (int)(a >> 32 & 0xFF), (int)(a >> 40 & 0xFF), (a >> 48 & 1) != 0, (a >> 48 & 2) != 0);
            return text + "; next check in " + Hours(b >> 8 & 0xFFFFFF);
        }

        /// <summary>The verdict, then each judged band's energy against the patient's baseline.</summary>
        public static string Describe(CatheterCheckVerdict verdict, int respiratoryPercent, int cardiacPercent, int run, int baselineLeft, bool respiratoryJudged, bool cardiacJudged)
        {
            switch (verdict)
            {
                case CatheterCheckVerdict.None: return "no check yet";
                case CatheterCheckVerdict.Learning:
                    return baselineLeft > 0
                        ? "baseline still learning: " + baselineLeft.ToString() + " more check(s) before the catheter is judged"
                        : "baseline learned from the first " + CatheterIntegrityMonitor.BaselineBursts.ToString() + " checks; the catheter is judged from the next one";
                case CatheterCheckVerdict.Intact: return "intact: " + Bands(respiratoryPercent, cardiacPercent, respiratoryJudged, cardiacJudged);
                case CatheterCheckVerdict.PulsatilityLost:
                    return "pulsatility lost: " + Bands(respiratoryPercent, cardiacPercent, respiratoryJudged, cardiacJudged) + Run(run);
                case CatheterCheckVerdict.RisingResistance:
                    return "rising resistance (cardiac pulse damped, respiratory wave kept: a kink or partial blockage?): " + Bands(respiratoryPercent, cardiacPercent, respiratoryJudged, cardiacJudged) + Run(run);
                case CatheterCheckVerdict.Disturbed: return "not judged: a cough, strain or posture change disturbed the recording";
                case CatheterCheckVerdict.TooWeak: return "not judged: this patient's CSF pulse at the pump is too small to judge against the sensor's noise";
                case CatheterCheckVerdict.Skipped: return "skipped: the pump's strokes left no quiet 26 s to record";
                default: return "verdict " + ((int)verdict).ToString();
            }
        }

        private static string Bands(int respiratoryPercent, int cardiacPercent, bool respiratoryJudged, bool cardiacJudged)
        {
            return "cardiac " + Band(cardiacPercent, cardiacJudged) + ", respiratory " + Band(respiratoryPercent, respiratoryJudged) + " of this patient's baseline energy";
        }

        private static string Band(int percent, bool judged)
        {
            return percent.ToString() + " %" + (judged ? "" : " (too small to judge)");
        }

        private static string Run(int run)
        {
            return " (" + run.ToString() + " of " + CatheterIntegrityMonitor.ConsecutiveBursts.ToString() + " checks in a row raise the alert)";
        }

        /// <summary>"3 h 59 min": the time to the next check or window as a clinician reads it.</summary>
        internal static string Hours(long minutes)
        {
            long hours = minutes / 60;
            return hours == 0 ? minutes.ToString() + " min" : minutes % 60 == 0 ? hours.ToString() + " h" : hours.ToString() + " h " + (minutes % 60).ToString() + " min";
        }
    }
}
