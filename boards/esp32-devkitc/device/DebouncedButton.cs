using System;
using System.Device.Gpio;
using OpenIdds.Hal;

namespace OpenIdds.Boards.Esp32DevKitC
{
    /// <summary>
    /// The patient button: nanoFramework's own debounce filter (50 ms) plus a 1 s refractory time, so a
    /// bouncing or held button is one request (key bounce is a listed failure mode).
    /// </summary>
    public sealed class DebouncedButton : IPatientButton
    {
        private const long RefractoryMilliseconds = 1000;
        private readonly GpioPin _pin;
        private int _presses;
        private long _lastPress = -RefractoryMilliseconds;

        public DebouncedButton(GpioController gpio, int pin)
        {
            _pin = gpio.OpenPin(pin, PinMode.InputPullUp);
            _pin.DebounceTimeout = TimeSpan.FromMilliseconds(50);
            _pin.ValueChanged += OnChanged;
        }

        public int TakePresses()
        {
            int n = _presses;
            _presses = 0;
            return n;
        }

        private void OnChanged(object sender, PinValueChangedEventArgs e)
        {
            if (e.ChangeType != PinEventTypes.Falling) return;
            long now = Environment.TickCount64;
            if (now - _lastPress < RefractoryMilliseconds) return;
            _lastPress = now;
            _presses++;
        }
    }
}
