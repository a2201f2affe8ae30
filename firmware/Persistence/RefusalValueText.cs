using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Persistence
{
    /// <summary>
    /// REFUSAL-LOGGED-WITH-LIMIT: a refusal against a numeric limit is followed in the event log by a
    /// refused-value event - the value, the rule and the limit - printed with the rule's field and unit.
    /// The log's b is 32 bits, so the rule rides in the top bits of a: a = rule x 2^48 + value, b = limit.
    /// </summary>
    public static class RefusalValueText
    {
        private const int CodeShift = 48;
        private const long ValueMask = (1L << CodeShift) - 1;

        public static long Pack(TherapyError code, long value) { return ((long)code << CodeShift) | (value & ValueMask); }

        public static TherapyError CodeOf(long packed) { return (TherapyError)(packed >> CodeShift); }

        public static long ValueOf(long packed) { return packed & ValueMask; }

        public static string Describe(long packed, long limit)
        {
            TherapyError code = CodeOf(packed);
            long value = ValueOf(packed);
            return TherapyErrorName.Of(code) + ": " + FieldOf(code) + " " + InUnit(code, value) + ", limit " + InUnit(code, limit);
        }

        private static string FieldOf(TherapyError code)
        {
            switch (code)
            {
                case TherapyError.DailyDoseAboveHardLimit: return "daily dose";
                case TherapyError.ConcentrationAboveHardLimit: return "concentration";
                case TherapyError.BolusDoseAboveHardLimit: return "bolus dose";
                case TherapyError.BolusCountAboveHardLimit: return "patient boluses per 24 h";
                default: return "rate";
            }
        }

        private static string InUnit(TherapyError code, long value)
        {
            switch (code)
            {
                case TherapyError.DailyDoseAboveHardLimit: return new Nanograms(value).ToString();
                case TherapyError.ConcentrationAboveHardLimit: return value.ToString() + " ug/mL";
                case TherapyError.BolusDoseAboveHardLimit: return value.ToString() + " ug";
                case TherapyError.BolusCountAboveHardLimit: return value.ToString();
                default: return new NanolitersPerHour(value).ToString();
            }
        }
    }
}
