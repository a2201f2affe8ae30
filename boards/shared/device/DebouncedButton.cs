using System;
using System.Device.Gpio;
using OpenIdds.Hal;

namespace OpenIdds.Boards
{
    /// <summary>
    /// The patient button: nanoFramework's own debounce filter (50 ms) plus a 1 s refractory time, so a
    /// bouncing or held button is one request (key bounce is a listed failure mode). The refractory
    /// time is measured on the HAL clock, like every other time the firmware keeps.
    /// </summary>
    public sealed class DebouncedButton : IPatientButton
    {
        private const long RefractoryMilliseconds = 1000;
        private readonly GpioPin _pin;
        private readonly IMonotonicClock _clock;
        private int _presses;
        private long _lastPress = -RefractoryMilliseconds;

        private readonly bool _activeHigh;

        /// <param name="activeHigh">False for a button to ground (pull-up, press = falling edge); true for one to 3.3 V (pull-down, press = rising edge).</param>
        public DebouncedButton(GpioController gpio, int pin, bool activeHigh, IMonotonicClock clock)
        {
            _clock = clock;
            _activeHigh = activeHigh;
            _pin = gpio.OpenPin(pin, activeHigh ? PinMode.InputPullDown : PinMode.InputPullUp);
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
            if (e.ChangeType != (_activeHigh ? PinEventTypes.Rising : PinEventTypes.Falling)) return;
            long now = _clock.ElapsedMilliseconds;
            if (now - _lastPress < RefractoryMilliseconds) return;
            _lastPress = now;
            _presses++;
        }
    }
}
