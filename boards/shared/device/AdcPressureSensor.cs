using System.Device.Adc;
using OpenIdds.Hal;

namespace OpenIdds.Boards
{
    /// <summary>
    /// The ratiometric 0.5-4.5 V gauge (0-25 kPa) read as <see cref="RatiometricPressure"/> says: its
    /// output and its 5 V supply on two ADC channels, <see cref="RatiometricPressure.Samples"/>
    /// conversions of each summed, the ratio converted with the board's two-point calibration.
    /// </summary>
    public sealed class AdcPressureSensor : ICalibratedPressureSensor
    {
        private readonly AdcChannel _output;
        private readonly AdcChannel _supply;
        private readonly RatiometricPressure _conversion;

        public AdcPressureSensor(AdcChannel output, AdcChannel supply, RatiometricPressure conversion)
        {
            _output = output;
            _supply = supply;
            _conversion = conversion;
        }

        /// <summary>PRESSURE-TWO-POINT-CAL: the firmware sets the board's points from its journal and the service command.</summary>
        public PressureCalibration Calibration
        {
            get { return _conversion.Calibration; }
            set { _conversion.Calibration = value; }
        }

        public int LastRatioPartsPerMillion { get { return _conversion.LastRatioPartsPerMillion; } }

        public SensorStatus Read(out int pascals)
        {
            long output = 0, supply = 0;
            for (int i = 0; i < RatiometricPressure.Samples; i++)
            {
                output += _output.ReadValue();
                supply += _supply.ReadValue();
            }
            return _conversion.Convert(output, supply, out pascals);
        }
    }
}
