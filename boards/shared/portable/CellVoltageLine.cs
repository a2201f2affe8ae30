using System;

namespace OpenIdds.Boards
{
    /// <summary>
    /// BATTERY-TWO-POINT-CAL: the cell behind the board's 1:2 divider (100 k over 100 k, 100 nF), read as
    /// <see cref="Samples"/> conversions summed and put on a line through two bench points. Read on the
    /// ADC's nominal line alone (3,300 mV over 4,095 counts), an ESP32 at 11 dB is far off: its raw counts
    /// start near 142 mV and its reference varies 1,000-1,200 mV from chip to chip (Espressif's ADC
    /// calibration notes), so a 3.6 V cell reads about 3.3 V and the low (3.3 V) and end-of-service (3.1 V)
    /// rules fire hundreds of millivolts early (263 mV at worst over 3.0-4.2 V through the simulator's
    /// ESP32 model; 2 mV on two points: CellVoltageLineTests). The two points are what the board reports on the nominal
    /// line (`iddsctl status`, battery) against a multimeter at the divider's top, at two cell voltages
    /// from a bench supply; the board's options file keeps them (docs/flashing.md, "Measure the battery line").
    /// </summary>
    public sealed class CellVoltageLine
    {
        /// <summary>Conversions summed per reading: a raw ESP32 conversion scatters by several counts.</summary>
        public const int Samples = 64;

        /// <summary>The nominal line: a 12-bit ADC on a 3.3 V reference, behind the 1:2 divider.</summary>
        public const int FullScaleCounts = 4095;
        public const int FullScaleCellMillivolts = 6600;

        /// <summary>The narrowest pair of points that still fixes a slope: 500 mV apart, on both sides.</summary>
        public const int MinimumSpanMillivolts = 500;

        private readonly int _reportedLow;
        private readonly int _trueLow;
        private readonly int _reportedHigh;
        private readonly int _trueHigh;

        /// <summary>The nominal line, uncorrected: right for an STM32 (its reference is VDDA), not for an ESP32.</summary>
        public CellVoltageLine() : this(0, 0, FullScaleCellMillivolts, FullScaleCellMillivolts) { }

        /// <summary>
        /// A line through two bench points: the cell millivolts the board reported on the nominal line and
        /// those a multimeter read, at a lower and a higher cell voltage. Points that fix no slope are
        /// refused, naming the field, the value and the limit.
        /// </summary>
        public CellVoltageLine(int reportedLowMillivolts, int trueLowMillivolts, int reportedHighMillivolts, int trueHighMillivolts)
        {
            if (reportedHighMillivolts - reportedLowMillivolts < MinimumSpanMillivolts)
                throw new ArgumentException("reportedHighMillivolts " + reportedHighMillivolts.ToString() + " must be at least " + MinimumSpanMillivolts.ToString() + " mV above reportedLowMillivolts " + reportedLowMillivolts.ToString());
            if (trueHighMillivolts - trueLowMillivolts < MinimumSpanMillivolts)
                throw new ArgumentException("trueHighMillivolts " + trueHighMillivolts.ToString() + " must be at least " + MinimumSpanMillivolts.ToString() + " mV above trueLowMillivolts " + trueLowMillivolts.ToString());
            _reportedLow = reportedLowMillivolts;
            _trueLow = trueLowMillivolts;
            _reportedHigh = reportedHighMillivolts;
            _trueHigh = trueHighMillivolts;
        }

        /// <summary>The cell on the nominal line, from <see cref="Samples"/> conversions summed.</summary>
        public static int NominalMillivolts(long countSum)
        {
            return (int)(countSum * FullScaleCellMillivolts / ((long)FullScaleCounts * Samples));
        }

        /// <summary>The cell's millivolts from <see cref="Samples"/> conversions summed, on this line.</summary>
        public int Millivolts(long countSum)
        {
            long reported = NominalMillivolts(countSum);
            return (int)(_trueLow + (reported - _reportedLow) * (_trueHigh - _trueLow) / (_reportedHigh - _reportedLow));
        }
    }
}
