using System.Device.Gpio;
using OpenIdds.Hal;

namespace OpenIdds.Boards.LinuxSbc;

/// <summary>
/// MOTOR-SUPPLY-WATCHED on a Raspberry Pi, which has no ADC: VMOT through 39 k over 10 k into a GPIO.
/// 12 V gives 2.45 V (a high, VIH 2.0 V), a lost supply 0 V. It tells a supply that is there from one
/// that is gone; a sag between about 4 and 9.8 V reads either way (README, "What detects what").
/// </summary>
public sealed class GpioMotorSupply : IMotorSupplyMonitor
{
    private readonly GpioController _gpio;
    private readonly int _pin;

    public GpioMotorSupply(GpioController gpio, int pin)
    {
        _gpio = gpio;
        _pin = pin;
        gpio.OpenPin(pin, PinMode.Input);
    }

    public bool Present => _gpio.Read(_pin) == PinValue.High;
}
