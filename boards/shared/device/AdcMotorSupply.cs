using System.Device.Adc;
using OpenIdds.Hal;

namespace OpenIdds.Boards
{
    /// <summary>
    /// MOTOR-SUPPLY-WATCHED on an MCU board: VMOT through 100 k over 15 k (and 100 nF at the pin) into a
    /// spare ADC1 channel - 12 V reads 1.57 V, 15 V 1.96 V, inside the ESP32's accurate 150-2,450 mV at
    /// 11 dB and the STM32's 3.3 V. Present while the supply is at or above the stepper chip's minimum.
    /// A floating pin (divider not fitted) reads near 0: absent, the safe direction.
    /// </summary>
    public sealed class AdcMotorSupply : IMotorSupplyMonitor
    {
        /// <summary>(100 k + 15 k) / 15 k, as a fraction: supply millivolts = pin millivolts x 115 / 15.</summary>
        public const int DividerTop = 115;
        public const int DividerBottom = 15;

        private readonly AdcChannel _channel;
        private readonly int _minimumMillivolts;

        public AdcMotorSupply(AdcChannel channel, int minimumMillivolts)
        {
            _channel = channel;
            _minimumMillivolts = minimumMillivolts;
        }

        public int Millivolts { get { return _channel.ReadValue() * 3300 / 4095 * DividerTop / DividerBottom; } }

        public bool Present { get { return Millivolts >= _minimumMillivolts; } }
    }
}
