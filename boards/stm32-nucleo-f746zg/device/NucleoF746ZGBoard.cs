using System.Device.Adc;
using System.Device.Gpio;
using System.Device.Pwm;
using OpenIdds.Hal;
using OpenIdds.Hal.Drivers;

namespace OpenIdds.Boards.NucleoF746ZG
{
    /// <summary>
    /// Wires the hal drivers to a NUCLEO-F746ZG: the same driver, sensors and buzzer as the ESP32 board
    /// on STM32 pins (no pin matrix to configure: functions are fixed by the target firmware), the
    /// on-board LEDs and user button, the programmer on USART2 through a USB-serial adapter, the
    /// sensors only where fitted (<see cref="NucleoOptions"/>).
    /// </summary>
    public static class NucleoF746ZGBoard
    {
        public static BoardHardware Wire(BoardOptions options)
        {
            BoardHardware board = new BoardHardware();
            board.Options = options;
            board.Gpio = new GpioController();
            board.Clock = new TickClock();
            board.Motor = new StepDirDriver(board.Gpio, NucleoPins.Step, NucleoPins.Direction, NucleoPins.Enable, NucleoPins.Fault, options.Stepper, new SpinPinTiming());
            board.Leds = new IndicatorLeds(board.Gpio, NucleoPins.RedLed, NucleoPins.YellowLed, NucleoPins.GreenLed);
            PwmChannel buzzer = PwmOnPin.Open(NucleoPins.Buzzer, AlarmSignalPattern.HighToneHz);
            board.Annunciator = new PatternAnnunciator(new PwmBuzzer(buzzer, board.Leds), board.Clock);

            AdcController? adc = null;
            if (options.PressureSensorFitted || options.BatteryDividerFitted || options.MotorSupplySenseFitted) adc = new AdcController();
            if (options.MotorSupplySenseFitted) board.MotorSupply = new AdcMotorSupply(adc!.OpenChannel(NucleoPins.MotorSupplyAdcChannel), options.Stepper.MinimumSupplyMillivolts);
            if (options.PressureSensorFitted) board.Pressure = new AdcPressureSensor(adc!.OpenChannel(NucleoPins.PressureAdcChannel), adc.OpenChannel(NucleoPins.SensorSupplyAdcChannel), options.PressureConversion());
            else board.Pressure = new NoPressureSensor();
            if (options.BatteryDividerFitted) board.Battery = new AdcBattery(adc!.OpenChannel(NucleoPins.BatteryAdcChannel), options.BatteryLine);
            else board.Battery = new NominalSupply(options.NominalSupplyMillivolts);

            board.Button = new DebouncedButton(board.Gpio, NucleoPins.PatientButton, true, board.Clock);
            board.Link = new UartLink(NucleoPins.SerialPort, 115200);
            board.Marker = new RestartMarker(BoardMain.RestartMarkerPath);
            board.Watchdog = new SupervisorWatchdog(board.Motor, board.Clock, board.Marker);
            board.LoopbackInputPin = NucleoPins.LoopbackInput;
            board.MotorCutTriggerPin = NucleoPins.MotorCutTrigger;
            return board;
        }
    }
}
