using System.Device.Gpio;
using System.Device.Pwm;
using OpenIdds.Hal;
using OpenIdds.Hal.Drivers;

namespace OpenIdds.Boards.LinuxSbc;

/// <summary>
/// Wires the same hal drivers to a Raspberry Pi through .NET IoT. The GPIO controller, PWM channel,
/// clock, store and link are injected: Program passes the real ones, host tests pass the simulator's
/// virtual GPIO driver and PWM channel and check the pins.
/// </summary>
public sealed class LinuxSbcBoard
{
    public LinuxSbcBoard(GpioController gpio, PwmChannel buzzer, IMonotonicClock clock, INonVolatileStore store, ISerialLink link)
    {
        Clock = clock;
        Motor = new StepDirDriver(gpio, RaspberryPiPins.Step, RaspberryPiPins.Direction, RaspberryPiPins.Enable, RaspberryPiPins.Fault, faultActiveHigh: false);
        Annunciator = new PatternAnnunciator(new PwmBuzzer(buzzer, new IndicatorLeds(gpio, RaspberryPiPins.RedLed, RaspberryPiPins.YellowLed, RaspberryPiPins.GreenLed)), clock);
        Button = new EdgeButton(gpio, RaspberryPiPins.PatientButton, clock);
        Hardware = new PumpHardware(clock, Motor, new NoPressureSensor(), null, new MainsSupply(), Annunciator, Button, store, new ProcessWatchdog(Motor, clock), link);
    }

    public IMonotonicClock Clock { get; }
    public StepDirDriver Motor { get; }
    public PatternAnnunciator Annunciator { get; }
    public EdgeButton Button { get; }
    public PumpHardware Hardware { get; }
}
