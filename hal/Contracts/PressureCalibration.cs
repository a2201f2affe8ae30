namespace OpenIdds.Hal
{
    /// <summary>
    /// A board's two-point calibration of its pressure reading (PRESSURE-TWO-POINT-CAL): the raw reading,
    /// the gauge's output over its own supply in parts per million, at 0 Pa (vented to air) and at a known
    /// pressure, as the board itself measured them on the bench. A reading converts along the line
    /// through the two points, in integers. The firmware checks the points before it sets one
    /// (firmware/Device/PressureCalibrationCheck.cs).
    /// </summary>
    public sealed class PressureCalibration
    {
        /// <summary>The gauge's datasheet line (0.5 V and 4.5 V of 5 V at 0 and 25 kPa), until the bench measures the board.</summary>
        public const int NominalZeroPartsPerMillion = 100000;
        public const int NominalFullScalePartsPerMillion = 900000;
        public const int GaugeFullScalePascals = 25000;

        public PressureCalibration(int zeroPartsPerMillion, int spanPartsPerMillion, int spanPascals)
        {
            ZeroPartsPerMillion = zeroPartsPerMillion;
            SpanPartsPerMillion = spanPartsPerMillion;
            SpanPascals = spanPascals;
        }

        /// <summary>The datasheet line.</summary>
        public static PressureCalibration Nominal()
        {
            return new PressureCalibration(NominalZeroPartsPerMillion, NominalFullScalePartsPerMillion, GaugeFullScalePascals);
        }

        /// <summary>The raw reading vented to air.</summary>
        public int ZeroPartsPerMillion { get; private set; }

        /// <summary>The raw reading at <see cref="SpanPascals"/>.</summary>
        public int SpanPartsPerMillion { get; private set; }

        /// <summary>The known pressure of the span point.</summary>
        public int SpanPascals { get; private set; }

        /// <summary>Pascals for a raw reading (negative below the zero point).</summary>
        public long Pascals(long ratioPartsPerMillion)
        {
            return (ratioPartsPerMillion - ZeroPartsPerMillion) * SpanPascals / (SpanPartsPerMillion - ZeroPartsPerMillion);
        }
    }
}
