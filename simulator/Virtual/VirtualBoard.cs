using System.Device.Gpio;
using OpenIdds.Hal;
using OpenIdds.Hal.Drivers;
using OpenIdds.Hal.Storage;

namespace OpenIdds.Simulator.Virtual;

/// <summary>
/// A whole pump in software, wired like a dev board: the real hal drivers on virtual pins numbered as
/// the chosen board numbers them (<see cref="BoardPins"/>; the ESP32 DevKitC's unless told), so a trace
/// reads like the real board's. The sensors are the scenario's, not the board's.
/// </summary>
public sealed class VirtualBoard
{
    public VirtualBoard(long truePicolitersPerStep, IPressureSensor? pressure = null, IReservoirLevelSensor? reservoirLevel = null, IBatteryMonitor? battery = null, BoardPins? pins = null)
    {
        Pins = pins ?? BoardPins.Esp32DevKitC;
        Pressure = pressure ?? new VirtualPressureSensor();
        Battery = battery ?? new VirtualBattery();
        ReservoirLevel = reservoirLevel;
        Gpio = new VirtualGpioDriver();
        var controller = new GpioController(Gpio);
        Gpio.PullUp(Pins.Enable);
        Motor = new StepDirDriver(controller, Pins.Step, Pins.Direction, Pins.Enable, Pins.Fault, StepperChip.Drv8825, Gpio.Timing);
        Buzzer = new VirtualPwmChannel();
        Outputs = new PwmBuzzer(Buzzer, new IndicatorLeds(controller, Pins.RedLed, Pins.YellowLed, Pins.GreenLed));
        Annunciator = new PatternAnnunciator(Outputs, Clock);
        Mechanism = new PeristalticMechanism(Gpio, Pins.Step, Pins.Direction, Pins.Enable, truePicolitersPerStep);
        Ticks = new TickWidener(() => unchecked((uint)Clock.ElapsedMilliseconds));
        // The boards' BOM has the motor-supply divider (MOTOR-SUPPLY-WATCHED): the firmware's motor is the supply-checked one.
        Hardware = new PumpHardware(Ticks, new SupplyCheckedMotor(Motor, MotorSupply), Pressure, ReservoirLevel, Battery, Annunciator, Button, Store, Watchdog, Link);
    }

    /// <summary>VMOT: the supply a scenario can drop, behind the independent motor cut.</summary>
    public VirtualMotorSupply MotorSupply { get; } = new();

    /// <summary>
    /// What the firmware's clock reads: the board's 32-bit millisecond tick, widened by hal's
    /// TickWidener as a board with a 32-bit tick counter must do (TICKS-NEVER-WRAP). The nanoFramework
    /// boards' TickCount64 never wraps; the simulator takes the harder case, so a run past 49.7 days
    /// crosses a wrap. <see cref="Clock"/> is the same time, unwrapped, for the simulator itself.
    /// </summary>
    public IMonotonicClock Ticks { get; private set; }

    /// <summary>A reset: the tick counter starts again from zero, and the widener (in RAM) with it.</summary>
    public void Reset()
    {
        Clock.Reset();
        Ticks = new TickWidener(() => unchecked((uint)Clock.ElapsedMilliseconds));
        Hardware = Hardware.WithClock(Ticks);
    }

    /// <summary>Fits an encoder on the rotor: the driver's completed count becomes what the rotor did (<see cref="RotorEncoderDriver"/>).</summary>
    public void FitRotorEncoder(Func<long> lostSteps) => Hardware = Hardware.WithMotor(new SupplyCheckedMotor(new RotorEncoderDriver(Motor, lostSteps), MotorSupply));

    /// <summary>Which board's pin numbers the drivers use.</summary>
    public BoardPins Pins { get; }

    public VirtualClock Clock { get; } = new();
    public VirtualGpioDriver Gpio { get; }
    public StepDirDriver Motor { get; }
    public VirtualPwmChannel Buzzer { get; }
    public PwmBuzzer Outputs { get; }

    /// <summary>The pattern player; the simulator advances it with <see cref="PatternAnnunciator.Update"/> only when a test listens.</summary>
    public PatternAnnunciator Annunciator { get; }
    public PeristalticMechanism Mechanism { get; }
    public IPressureSensor Pressure { get; }
    public IReservoirLevelSensor? ReservoirLevel { get; }
    public IBatteryMonitor Battery { get; }
    public VirtualButton Button { get; } = new();
    /// <summary>64 pages of 4 KiB rated for 10,000 erase cycles, as the ESP32 and STM32F7 boards budget.</summary>
    public RamFlash Store { get; } = new(4096, 64, 10000);
    public VirtualWatchdog Watchdog { get; } = new();
    public VirtualLink Link { get; } = new();
    /// <summary>What the firmware is given: every driver, on the widened tick.</summary>
    public PumpHardware Hardware { get; private set; }

    /// <summary>Pulls the driver's nFAULT line low, as a DRV8825 does on a stall or over-current.</summary>
    public void InjectMotorFault() => Gpio.SetInput(Pins.Fault, PinValue.Low);

    /// <summary>Releases the nFAULT line (the jam freed).</summary>
    public void ClearMotorFault() => Gpio.SetInput(Pins.Fault, PinValue.High);
}
