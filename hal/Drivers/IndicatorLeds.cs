using System.Device.Gpio;

namespace OpenIdds.Hal.Drivers
{
    /// <summary>A red/yellow/green indicator on three GPIO pins (active high); -1 for a colour the board lacks.</summary>
    public sealed class IndicatorLeds
    {
        private readonly GpioController _gpio;
        private readonly int _redPin;
        private readonly int _yellowPin;
        private readonly int _greenPin;

        public IndicatorLeds(GpioController gpio, int redPin, int yellowPin, int greenPin)
        {
            _gpio = gpio;
            _redPin = redPin;
            _yellowPin = yellowPin;
            _greenPin = greenPin;
            Open(_redPin);
            Open(_yellowPin);
            Open(_greenPin);
        }

        public void Show(IndicatorColor color)
        {
            Set(_redPin, color == IndicatorColor.Red);
            Set(_yellowPin, color == IndicatorColor.Yellow);
            Set(_greenPin, color == IndicatorColor.Green);
        }

        private void Open(int pin)
        {
            if (pin < 0) return;
            _gpio.OpenPin(pin, PinMode.Output);
            _gpio.Write(pin, PinValue.Low);
        }

        private void Set(int pin, bool on)
        {
            if (pin >= 0) _gpio.Write(pin, on ? PinValue.High : PinValue.Low);
        }
    }
}
