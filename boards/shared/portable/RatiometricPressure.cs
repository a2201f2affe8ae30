using OpenIdds.Hal;

namespace OpenIdds.Boards
{
    /// <summary>
    /// PRESSURE-RATIOMETRIC: the 0.5-4.5 V gauge's output is a fraction of its own 5 V supply (USB VBUS,
    /// 4.75-5.25 V), so the board reads both and converts their ratio, never the output against the
    /// ADC's 3.3 V: a supply 5 % off would be 1.4 kPa at full scale, and 25 mV of ripple 156 Pa. Both
    /// go through dividers that keep the pins inside the ESP32's accurate 150-2,450 mV at 11 dB
    /// (Espressif ESP32 ADC guide): the output 1:2 (10 k over 10 k: 0.25-2.375 V), the supply 1:3
    /// (20 k over 10 k: 1.58-1.75 V), 100 nF at each pin for the STM32's 3-cycle sample. An ADC's gain
    /// error (the ESP32's Vref varies chip to chip) is common to both readings and cancels in the ratio;
    /// what is left, offset and the divider tolerances, the two-point calibration takes out
    /// (<see cref="Calibration"/>, PRESSURE-TWO-POINT-CAL: the board's own raw readings vented and at a
    /// known pressure, set by the service command, docs/flashing.md). The driver sums <see cref="Samples"/>
    /// conversions of each (oversampling: a raw ESP32 conversion scatters by several counts).
    /// </summary>
    public sealed class RatiometricPressure
    {
        public const int FullScalePascals = 25000;

        /// <summary>
        /// Conversions summed per reading, of the output and of the supply alike. 64: the ESP32's chain
        /// then differs by 29.7 Pa between readings (16: 32.9 Pa), 1.68 times under the 50 Pa noise limit
        /// (SENSOR-NOISE-LIMIT-MARGIN, docs/benchmarks.md).
        /// </summary>
        public const int Samples = 64;

        /// <summary>Output divider 1:2 and supply divider 1:3: pin millivolts times these give the sensor's.</summary>
        public const int OutputDividerInverse = 2;
        public const int SupplyDividerInverse = 3;

        /// <summary>Below this supply (summed counts per sample, about 1 V at the sensor) the supply wire is off.</summary>
        public const int MinimumSupplyCountsPerSample = 400;

        public RatiometricPressure()
        {
            Calibration = PressureCalibration.Nominal();
        }

        /// <summary>The two-point line readings are converted along (the datasheet's until the board is calibrated).</summary>
        public PressureCalibration Calibration { get; set; }

        /// <summary>Output over supply at 0 Pa, parts per million: 0.5 V of 5 V nominally; the bench's vented reading.</summary>
        public int ZeroPartsPerMillion
        {
            get { return Calibration.ZeroPartsPerMillion; }
            set { Calibration = new PressureCalibration(value, FullScalePartsPerMillion, FullScalePascals); }
        }

        /// <summary>Output over supply at full scale, parts per million: 4.5 V of 5 V nominally.</summary>
        public int FullScalePartsPerMillion
        {
            get { return Calibration.SpanPascals == FullScalePascals ? Calibration.SpanPartsPerMillion : (int)(Calibration.ZeroPartsPerMillion + (long)(Calibration.SpanPartsPerMillion - Calibration.ZeroPartsPerMillion) * FullScalePascals / Calibration.SpanPascals); }
            set { Calibration = new PressureCalibration(ZeroPartsPerMillion, value, FullScalePascals); }
        }

        /// <summary>The raw reading of the last <see cref="Convert"/>, ppm (0 with no supply): what the bench calibrates with.</summary>
        public int LastRatioPartsPerMillion { get; private set; }

        /// <summary>The ratio of the sensor's output to its supply, ppm, from summed counts of the two channels.</summary>
        public static long RatioPartsPerMillion(long outputCounts, long supplyCounts)
        {
            return outputCounts * OutputDividerInverse * 1000000 / (supplyCounts * SupplyDividerInverse);
        }

        /// <summary>
        /// Pascals from summed counts. Disconnected: no supply, or an output under half the calibrated
        /// zero (the sensor never gives less than its zero; an open output wire reads near 0). Half the
        /// calibrated ratio, not of the nominal 0.5 V: the ESP32's raw counts start near 142 mV, so its
        /// vented ratio is about 44,000 ppm, not 100,000. OutOfRange at or above full scale, with the
        /// full scale as the reading (FULL-SCALE-IS-OCCLUSION).
        /// </summary>
        public SensorStatus Convert(long outputCounts, long supplyCounts, out int pascals)
        {
            pascals = 0;
            LastRatioPartsPerMillion = 0;
            if (supplyCounts < (long)MinimumSupplyCountsPerSample * Samples) return SensorStatus.Disconnected;
            long ratio = RatioPartsPerMillion(outputCounts, supplyCounts);
            LastRatioPartsPerMillion = ratio > int.MaxValue ? int.MaxValue : (int)ratio;
            PressureCalibration calibration = Calibration;
            if (ratio < calibration.ZeroPartsPerMillion / 2) return SensorStatus.Disconnected;
            long p = calibration.Pascals(ratio);
            if (p >= FullScalePascals)
            {
                pascals = FullScalePascals;
                return SensorStatus.OutOfRange;
            }
            pascals = (int)p;
            return SensorStatus.Ok;
        }
    }
}
