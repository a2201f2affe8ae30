using System.Device.Adc;
using OpenIdds.Hal;

namespace OpenIdds.Boards
{
    /// <summary>
    /// The voltage of the one cell that powers the rig (3.0-4.2 V Li-ion, or the model's 3.6 V
    /// Li-SOCl2) through a 1:2 divider (100 k over 100 k, 100 nF at the pin) into a 3.3 V, 12-bit ADC:
    /// at most 2.1 V on the pin. Only a cell: the 12 V motor supply through 1:2 would put 6 V on the
    /// pin and destroy it. The dev board has no charge gauge, so only the voltage is known. Wired only
    /// where BoardOptions.BatteryDividerFitted says so; a floating pin would read as a flat battery.
    /// </summary>
    public sealed class AdcBattery : IBatteryMonitor
    {
        private readonly AdcChannel _channel;
        private readonly CellVoltageLine _line;

        /// <param name="line">The board's two bench points (BATTERY-TWO-POINT-CAL, BoardOptions.BatteryLine).</param>
        public AdcBattery(AdcChannel channel, CellVoltageLine line)
        {
            _channel = channel;
            _line = line;
        }

        public long ConsumedMicroampereHours { get { return -1; } }

        public SensorStatus Read(out int millivolts)
        {
            long sum = 0;
            for (int i = 0; i < CellVoltageLine.Samples; i++) sum += _channel.ReadValue();
            millivolts = _line.Millivolts(sum);
            return millivolts < 1000 ? SensorStatus.Disconnected : SensorStatus.Ok;
        }
    }
}
