using System.Device.Gpio;
using System.Device.Pwm;
using OpenIdds.Hal;
using OpenIdds.Hal.Drivers;

namespace OpenIdds.Boards.LinuxSbc;

/// <summary>
/// Wires the same hal drivers to a Raspberry Pi through .NET IoT. The GPIO controller, PWM channel,
/// clock, store, link and restart marker are injected: Program passes the real ones, host tests pass
/// the simulator's virtual GPIO driver and PWM channel and check the pins. A Pi has no ADC, so the
/// pressure sensor is not fitted and the supply is reported as USB's nominal 5 V (BoardOptions).
/// </summary>
public sealed class LinuxSbcBoard
{
    public LinuxSbcBoard(GpioController gpio, PwmChannel buzzer, IMonotonicClock clock, INonVolatileStore store, ISerialLink link, RestartMarker marker, BoardOptions options, IPinTiming? timing = null)
    {
        Timing = timing ?? new StopwatchPinTiming();
        if (options.PressureSensorFitted || options.BatteryDividerFitted)
            throw new ArgumentException("a Raspberry Pi has no ADC: this board reads no pressure sensor or battery divider (PressureSensorFitted and BatteryDividerFitted must be false)", nameof(options));
        Gpio = gpio;
        Clock = clock;
        Options = options;
        Motor = new StepDirDriver(gpio, RaspberryPiPins.Step, RaspberryPiPins.Direction, RaspberryPiPins.Enable, RaspberryPiPins.Fault, options.Stepper, Timing);
        Annunciator = new PatternAnnunciator(new PwmBuzzer(buzzer, new IndicatorLeds(gpio, RaspberryPiPins.RedLed, RaspberryPiPins.YellowLed, RaspberryPiPins.GreenLed)), clock);
        Button = new EdgeButton(gpio, RaspberryPiPins.PatientButton, clock);
        Watchdog = new ProcessWatchdog(Motor, clock, marker);
        IMotorDriver watched = options.MotorSupplySenseFitted ? new SupplyCheckedMotor(Motor, new GpioMotorSupply(gpio, RaspberryPiPins.MotorSupply)) : Motor;
        Hardware = new PumpHardware(clock, watched, new NoPressureSensor(), null, new NominalSupply(options.NominalSupplyMillivolts), Annunciator, Button, store, Watchdog, link);
    }

    public GpioController Gpio { get; }
    public IMonotonicClock Clock { get; }
    public BoardOptions Options { get; }
    /// <summary>The STEP and DIR holds (the high-resolution timer; a test passes the virtual driver's).</summary>
    public IPinTiming Timing { get; }
    public StepDirDriver Motor { get; }
    public PatternAnnunciator Annunciator { get; }
    public EdgeButton Button { get; }
    public ProcessWatchdog Watchdog { get; }
    public PumpHardware Hardware { get; }
}
