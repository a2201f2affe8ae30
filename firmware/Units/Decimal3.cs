namespace OpenIdds.Firmware.Units
{
    /// <summary>
    /// Formats a count of thousandths as "123.456" with integer arithmetic only: doubles may trap on
    /// single-precision-FPU boards, and a display must never round a dose differently from the log.
    /// </summary>
    public static class Decimal3
    {
        public static string Format(long thousandths)
        {
            bool negative = thousandths < 0;
            long magnitude = negative ? -thousandths : thousandths;
            long whole = magnitude / 1000;
            long fraction = magnitude % 1000;
            string digits = fraction.ToString();
            while (digits.Length < 3) digits = "0" + digits;
            return (negative ? "-" : "") + whole.ToString() + "." + digits;
        }
    }
}
