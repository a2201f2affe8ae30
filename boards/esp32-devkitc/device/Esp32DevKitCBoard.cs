using System.Device.Adc;
using System.Device.Gpio;
using System.Device.Pwm;
using nanoFramework.Hardware.Esp32;
using OpenIdds.Hal;
using OpenIdds.Hal.Drivers;

namespace OpenIdds.Boards.Esp32DevKitC
{
    /// <summary>
    /// Wires the hal drivers to an ESP32-DevKitC (see Esp32Pins and README.md): a DRV8825 or TMC2209 on
    /// STEP/DIR/EN/FAULT, a buzzer on LEDC PWM, a three-colour LED, the patient button, the pressure
    /// sensor and the cell on ADC1 where fitted (<see cref="DevKitCOptions"/>), the programmer on UART2.
    /// </summary>
    public static class Esp32DevKitCBoard
    {
        public static BoardHardware Wire(BoardOptions options)
        {
            BoardHardware board = new BoardHardware();
            board.Options = options;
            Configuration.SetPinFunction(Esp32Pins.Buzzer, DeviceFunction.PWM1);
            Configuration.SetPinFunction(Esp32Pins.SerialTx, DeviceFunction.COM2_TX);
            Configuration.SetPinFunction(Esp32Pins.SerialRx, DeviceFunction.COM2_RX);

            board.Gpio = new GpioController();
            board.Clock = new TickClock();
            board.Motor = new StepDirDriver(board.Gpio, Esp32Pins.Step, Esp32Pins.Direction, Esp32Pins.Enable, Esp32Pins.Fault, options.Stepper, new SpinPinTiming());
            board.Leds = new IndicatorLeds(board.Gpio, Esp32Pins.RedLed, Esp32Pins.YellowLed, Esp32Pins.GreenLed);
            PwmChannel buzzer = PwmOnPin.Open(Esp32Pins.Buzzer, AlarmSignalPattern.HighToneHz);
            board.Annunciator = new PatternAnnunciator(new PwmBuzzer(buzzer, board.Leds), board.Clock);

            AdcController? adc = null;
            if (options.PressureSensorFitted || options.BatteryDividerFitted || options.MotorSupplySenseFitted) adc = new AdcController();
            if (options.MotorSupplySenseFitted)
            {
                Configuration.SetPinFunction(Esp32Pins.MotorSupplyAdcPin, DeviceFunction.ADC1_CH3);
                board.MotorSupply = new AdcMotorSupply(adc!.OpenChannel(Esp32Pins.MotorSupplyAdcChannel), options.Stepper.MinimumSupplyMillivolts);
            }
            if (options.PressureSensorFitted)
            {
                Configuration.SetPinFunction(Esp32Pins.PressureAdcPin, DeviceFunction.ADC1_CH6);
                Configuration.SetPinFunction(Esp32Pins.SensorSupplyAdcPin, DeviceFunction.ADC1_CH4);
                board.Pressure = new AdcPressureSensor(adc!.OpenChannel(Esp32Pins.PressureAdcChannel), adc.OpenChannel(Esp32Pins.SensorSupplyAdcChannel), options.PressureConversion());
            }
            else board.Pressure = new NoPressureSensor();
            if (options.BatteryDividerFitted)
            {
                Configuration.SetPinFunction(Esp32Pins.BatteryAdcPin, DeviceFunction.ADC1_CH7);
                board.Battery = new AdcBattery(adc!.OpenChannel(Esp32Pins.BatteryAdcChannel), options.BatteryLine);
            }
            else board.Battery = new NominalSupply(options.NominalSupplyMillivolts);

            board.Button = new DebouncedButton(board.Gpio, Esp32Pins.PatientButton, false, board.Clock);
            board.Link = new UartLink("COM2", 115200);
            board.Marker = new RestartMarker(BoardMain.RestartMarkerPath);
            board.Watchdog = new SupervisorWatchdog(board.Motor, board.Clock, board.Marker);
            board.LoopbackInputPin = Esp32Pins.LoopbackInput;
            board.MotorCutTriggerPin = Esp32Pins.MotorCutTrigger;
            return board;
        }
    }
}
