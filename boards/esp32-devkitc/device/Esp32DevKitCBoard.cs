using System.Device.Adc;
using System.Device.Gpio;
using System.Device.Pwm;
using nanoFramework.Hardware.Esp32;
using OpenIdds.Boards;
using OpenIdds.Hal;
using OpenIdds.Hal.Storage;
using OpenIdds.Hal.Drivers;

namespace OpenIdds.Boards.Esp32DevKitC
{
    /// <summary>
    /// Wires the hal drivers to an ESP32-DevKitC (see Esp32Pins and README.md): a DRV8825 or TMC2209 on
    /// STEP/DIR/EN/FAULT, a buzzer on LEDC PWM, a three-colour LED, the patient button, the pressure
    /// sensor and battery on ADC1, the programmer on UART2, storage in a file on I:\.
    /// </summary>
    public sealed class Esp32DevKitCBoard
    {
        /// <summary>Flash pages for the journal and event log: 64 x 4 KiB in I:\openidds.nv.</summary>
        public const int StorePageSize = 4096;
        public const int StorePages = 64;

        public Esp32DevKitCBoard()
        {
            Configuration.SetPinFunction(Esp32Pins.Buzzer, DeviceFunction.PWM1);
            Configuration.SetPinFunction(Esp32Pins.PressureAdcPin, DeviceFunction.ADC1_CH6);
            Configuration.SetPinFunction(Esp32Pins.BatteryAdcPin, DeviceFunction.ADC1_CH7);
            Configuration.SetPinFunction(Esp32Pins.SerialTx, DeviceFunction.COM2_TX);
            Configuration.SetPinFunction(Esp32Pins.SerialRx, DeviceFunction.COM2_RX);

            GpioController gpio = new GpioController();
            Clock = new TickClock();
            // DRV8825 nFAULT is open-drain, active low; for a TMC2209 pass true (DIAG is active high).
            Motor = new StepDirDriver(gpio, Esp32Pins.Step, Esp32Pins.Direction, Esp32Pins.Enable, Esp32Pins.Fault, false);
            PwmChannel buzzer = PwmChannel.CreateFromPin(Esp32Pins.Buzzer, AlarmSignalPattern.HighToneHz, 0.5);
            Annunciator = new PatternAnnunciator(new PwmBuzzer(buzzer, new IndicatorLeds(gpio, Esp32Pins.RedLed, Esp32Pins.YellowLed, Esp32Pins.GreenLed)), Clock);
            AdcController adc = new AdcController();
            Watchdog = new SupervisorWatchdog(Motor, Clock);
            Hardware = new PumpHardware(
                Clock,
                Motor,
                new AdcPressureSensor(adc.OpenChannel(Esp32Pins.PressureAdcChannel)),
                null,
                new AdcBattery(adc.OpenChannel(Esp32Pins.BatteryAdcChannel)),
                Annunciator,
                new DebouncedButton(gpio, Esp32Pins.PatientButton, false),
                new FileFlash("I:\\openidds.nv", StorePageSize, StorePages),
                Watchdog,
                new UartLink("COM2", 115200));
        }

        public TickClock Clock { get; private set; }
        public StepDirDriver Motor { get; private set; }
        public PatternAnnunciator Annunciator { get; private set; }
        public SupervisorWatchdog Watchdog { get; private set; }
        public PumpHardware Hardware { get; private set; }
    }
}
