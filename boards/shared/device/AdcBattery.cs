using System.Device.Adc;
using OpenIdds.Hal;

namespace OpenIdds.Boards
{
    /// <summary>Cell voltage through a 1:2 divider. The dev board has no charge gauge, so only the voltage is known.</summary>
    public sealed class AdcBattery : IBatteryMonitor
    {
        private readonly AdcChannel _channel;

        public AdcBattery(AdcChannel channel) { _channel = channel; }

        public long ConsumedMicroampereHours { get { return -1; } }

        public SensorStatus Read(out int millivolts)
        {
            millivolts = _channel.ReadValue() * 3300 / 4095 * 2;
            return millivolts < 1000 ? SensorStatus.Disconnected : SensorStatus.Ok;
        }
    }
}
