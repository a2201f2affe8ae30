using System.Device.Adc;
using OpenIdds.Hal;

namespace OpenIdds.Boards
{
    /// <summary>
    /// The ratiometric 0.5-4.5 V gauge (0-25 kPa) read as <see cref="RatiometricPressure"/> says: its
    /// output and its 5 V supply on two ADC channels, <see cref="RatiometricPressure.Samples"/>
    /// conversions of each summed, the ratio converted with the board's two-point calibration.
    /// </summary>
    public sealed class AdcPressureSensor : IPressureSensor
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
