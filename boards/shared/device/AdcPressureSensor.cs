using System.Device.Adc;
using OpenIdds.Hal;

namespace OpenIdds.Boards
{
    /// <summary>
    /// A ratiometric 0.5-4.5 V gauge sensor (0-25 kPa) through a 2:3 divider into a 12-bit, 3.3 V ADC
    /// (ESP32 and STM32F7 alike).
    /// Below 0.25 V the wire is open (the sensor never outputs less than 0.5 V): Disconnected. At or
    /// above its full scale (4.5 V, 25 kPa) it reports OutOfRange with the full scale, which the
    /// supervisor takes for a possible occlusion while delivering (FULL-SCALE-IS-OCCLUSION).
    /// </summary>
    public sealed class AdcPressureSensor : IPressureSensor
    {
        public const int FullScalePascals = 25000;
        private readonly AdcChannel _channel;

        public AdcPressureSensor(AdcChannel channel) { _channel = channel; }

        public SensorStatus Read(out int pascals)
        {
            // ADC counts (0..4095 for 0..3.3 V) -> sensor millivolts before the 2:3 divider.
            int sensorMillivolts = _channel.ReadValue() * 3300 / 4095 * 3 / 2;
            pascals = 0;
            if (sensorMillivolts < 250) return SensorStatus.Disconnected;
            pascals = (sensorMillivolts - 500) * FullScalePascals / 4000;
            if (pascals < FullScalePascals) return SensorStatus.Ok;
            pascals = FullScalePascals;
            return SensorStatus.OutOfRange;
        }
    }
}
