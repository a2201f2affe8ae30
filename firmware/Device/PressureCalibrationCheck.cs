using OpenIdds.Firmware.Therapy;
using OpenIdds.Hal;

namespace OpenIdds.Firmware.Device
{
    /// <summary>
    /// PRESSURE-TWO-POINT-CAL: the points a pressure calibration may have. The raw reading is the gauge's
    /// output over its supply (ppm), so the ADC pair can give 0..1,000,000; the zero point stays above
    /// twice the open-wire limit (the board reads under half the zero as a disconnection, so an open
    /// output wire must still read below it), the span lies above the zero, at a known pressure inside the
    /// gauge's range and large enough for the line to be steep: at least half the datasheet's 32 ppm a
    /// pascal, so a count of noise in a small span cannot double the gain.
    /// </summary>
    public static class PressureCalibrationCheck
    {
        public const int MinimumZeroPartsPerMillion = 20000;
        public const int MaximumPartsPerMillion = 1000000;
        public const int MinimumSpanPascals = 2000;
        public const int MaximumSpanPascals = PressureCalibration.GaugeFullScalePascals;

        /// <summary>Half the datasheet's 800,000 ppm over 25,000 Pa.</summary>
        public const int MinimumPartsPerMillionPerPascal = 16;

        /// <summary>Adds a refusal naming the field, the value and the limit for each point out of bounds.</summary>
        public static void Check(int zeroPartsPerMillion, int spanPartsPerMillion, int spanPascals, CheckReport report)
        {
            if (zeroPartsPerMillion < MinimumZeroPartsPerMillion || zeroPartsPerMillion > MaximumPartsPerMillion)
            {
                Refuse(report, "zero_ppm " + zeroPartsPerMillion.ToString() + " is outside the limit " + MinimumZeroPartsPerMillion.ToString() + ".." + MaximumPartsPerMillion.ToString() + " ppm (the ADC pair's range, above the open-wire reading)", zeroPartsPerMillion, MinimumZeroPartsPerMillion);
            }
            if (spanPartsPerMillion < 0 || spanPartsPerMillion > MaximumPartsPerMillion)
            {
                Refuse(report, "span_ppm " + spanPartsPerMillion.ToString() + " is outside the limit 0.." + MaximumPartsPerMillion.ToString() + " ppm (the ADC pair's range)", spanPartsPerMillion, MaximumPartsPerMillion);
            }
            if (spanPascals < MinimumSpanPascals || spanPascals > MaximumSpanPascals)
            {
                Refuse(report, "span_pa " + spanPascals.ToString() + " is outside the limit " + MinimumSpanPascals.ToString() + ".." + MaximumSpanPascals.ToString() + " Pa (the gauge's range, a span large enough to measure)", spanPascals, MinimumSpanPascals);
            }
            if (zeroPartsPerMillion >= spanPartsPerMillion)
            {
                Refuse(report, "zero_ppm " + zeroPartsPerMillion.ToString() + " is not below span_ppm " + spanPartsPerMillion.ToString() + "; the limit is a zero point below the span point", zeroPartsPerMillion, spanPartsPerMillion);
            }
            else if (spanPascals >= MinimumSpanPascals && spanPascals <= MaximumSpanPascals)
            {
                long needed = (long)spanPascals * MinimumPartsPerMillionPerPascal;
                long span = (long)spanPartsPerMillion - zeroPartsPerMillion;
                if (span < needed)
                {
                    Refuse(report, "span_ppm - zero_ppm " + span.ToString() + " is below the limit " + needed.ToString() + " ppm (half the gauge's 32 ppm a pascal over span_pa " + spanPascals.ToString() + ")", span, needed);
                }
            }
        }

        private static void Refuse(CheckReport report, string message, long value, long limit)
        {
            report.Add(TherapyError.PressureCalibrationOutOfRange, CheckOutcome.Refused, message, value, limit);
        }
    }
}
