using System;
using System.Device.Pwm;

namespace OpenIdds.Boards
{
    /// <summary>
    /// NATIVE-CALLS-CHECKED: a PWM channel opened by its pin, the one way that works on every nanoFramework target:
    /// <c>PwmChannel.Create(chip, channel)</c> leaves the pin unset, so the STM32 native start routes the
    /// timer to no pin (nf-interpreter, ChibiOS PwmChannel NativeStart). <c>CreateFromPin</c> finds the
    /// timer and channel and returns null where none maps the pin: that stops the start-up here, naming
    /// the pin, instead of at the first alarm tone.
    /// </summary>
    public static class PwmOnPin
    {
        public static PwmChannel Open(int pin, int frequencyHz)
        {
            PwmChannel channel = PwmChannel.CreateFromPin(pin, frequencyHz, 0.5);
            if (channel == null) throw new InvalidOperationException("no PWM timer on pin " + pin.ToString() + ": the target firmware maps none there");
            return channel;
        }
    }
}
