using System;
using System.Device.Pwm;

namespace OpenIdds.Hal.Drivers
{
    /// <summary>
    /// A piezo or magnetic buzzer on a PWM channel (50 % duty sounds loudest), plus the indicator LED
    /// on a GPIO pin per colour. The board creates the channel (PwmChannel.Create on .NET IoT,
    /// CreateFromPin on nanoFramework), so only source-identical calls are used here.
    /// </summary>
    public sealed class PwmBuzzer : IToneAndLight, IDisposable
    {
        private readonly PwmChannel _channel;
        private readonly IndicatorLeds? _leds;
        private int _frequencyHz;

        public PwmBuzzer(PwmChannel channel, IndicatorLeds? leds)
        {
            _channel = channel;
            _leds = leds;
        }

        /// <summary>The tone now sounding, 0 if silent.</summary>
        public int FrequencyHz { get { return _frequencyHz; } }

        public void SetTone(int frequencyHz)
        {
            if (frequencyHz == _frequencyHz) return;
            if (frequencyHz <= 0)
            {
                _channel.Stop();
                _frequencyHz = 0;
                return;
            }
            _channel.Frequency = frequencyHz;
            _channel.DutyCycle = 0.5;
            if (_frequencyHz == 0) _channel.Start();
            _frequencyHz = frequencyHz;
        }

        public void SetIndicator(IndicatorColor color)
        {
            if (_leds != null) _leds.Show(color);
        }

        public void Dispose()
        {
            _channel.Stop();
            _channel.Dispose();
        }
    }
}
