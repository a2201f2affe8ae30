using OpenIdds.Firmware.Safety;

namespace OpenIdds.Firmware.Persistence
{
    /// <summary>
    /// One LINE-RESISTANCE-RISE window in a clinician's words - how much of a stroke's pressure is still in
    /// the line 0.5 s after it, against this patient's own line - and its two compact event values
    /// (line-resistance): a = the window's retention + the baseline's x 2^16 (per mille of the stroke's
    /// jump, 16-bit two's complement) + run x 2^32 + baseline windows left x 2^40; b = minutes to the next window.
    /// The share of the stroke is shown, not a ratio to the baseline: an open line keeps ~0 % of it, so a
    /// ratio would divide by almost nothing. `iddsctl status` and the log both read it here.
    /// </summary>
    public static class LineResistanceText
    {
        public static long PackEvidence(int retentionPerMille, int baselinePerMille, int run, int baselineLeft)
        {
            return (long)(retentionPerMille & 0xFFFF) | (long)(baselinePerMille & 0xFFFF) << 16 | (long)(run & 0xFF) << 32 | (long)(baselineLeft & 0xFF) << 40;
        }

        /// <summary>The event's values in words.</summary>
        public static string DescribeEvent(long a, long b)
        {
            return Describe((short)(a & 0xFFFF), (short)(a >> 16 & 0xFFFF), (int)(a >> 32 & 0xFF), (int)(a >> 40 & 0xFF))
                + "; next window in " + CatheterCheckText.Hours(b & 0xFFFFFF);
        }

        /// <summary>The window's verdict, then its share of the stroke against the patient's baseline.</summary>
        public static string Describe(int retentionPerMille, int baselinePerMille, int run, int baselineLeft)
        {
            string left = Tenths(retentionPerMille) + " % of a stroke's pressure left 0.5 s after it";
            if (baselineLeft > 0)
                return "line resistance baseline still learning: " + left + "; " + baselineLeft.ToString() + " more window(s) of "
                    + LineResistanceTrend.WindowStrokes.ToString() + " strokes before the line is judged";
            string baseline = "this patient's baseline " + Tenths(baselinePerMille) + " %";
            if (retentionPerMille >= baselinePerMille + LineResistanceTrend.RisePerMille)
                return "line resistance raised (the line drains slowly: a kink or partial blockage?): " + left + ", " + baseline + " ("
                    + run.ToString() + " of " + LineResistanceTrend.ConsecutiveWindows.ToString() + " windows in a row raise the alert)";
            return "line resistance normal: " + left + ", " + baseline + " (the alert needs "
                + Tenths(baselinePerMille + LineResistanceTrend.RisePerMille) + " % in " + LineResistanceTrend.ConsecutiveWindows.ToString() + " windows in a row)";
        }

        private static string Tenths(int perMille)
        {
            int magnitude = perMille < 0 ? -perMille : perMille;
            return (perMille < 0 ? "-" : "") + (magnitude / 10).ToString() + "." + (magnitude % 10).ToString();
        }
    }
}
