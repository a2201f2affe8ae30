using System.Device.Adc;
using System.Device.Gpio;
using System.Device.Pwm;
using OpenIdds.Hal;
using OpenIdds.Hal.Drivers;
using OpenIdds.Hal.Storage;

namespace OpenIdds.Boards.NucleoF746ZG
{
    /// <summary>
    /// Wires the hal drivers to a NUCLEO-F746ZG: the same driver, sensors and buzzer as the ESP32 board
    /// on STM32 pins (no pin matrix to configure: functions are fixed by the target firmware), the
    /// on-board LEDs and user button, the programmer on the ST-LINK virtual COM port, storage on I:\.
    /// </summary>
    public sealed class NucleoF746ZGBoard
    {
        public const int StorePageSize = 4096;
        public const int StorePages = 64;

        public NucleoF746ZGBoard()
        {
            GpioController gpio = new GpioController();
            Clock = new TickClock();
            Motor = new StepDirDriver(gpio, NucleoPins.Step, NucleoPins.Direction, NucleoPins.Enable, NucleoPins.Fault, false);
            PwmChannel buzzer = PwmChannel.Create(NucleoPins.BuzzerTimer, NucleoPins.BuzzerChannel, AlarmSignalPattern.HighToneHz, 0.5);
            Annunciator = new PatternAnnunciator(new PwmBuzzer(buzzer, new IndicatorLeds(gpio, NucleoPins.RedLed, NucleoPins.YellowLed, NucleoPins.GreenLed)), Clock);
            AdcController adc = new AdcController();
            Watchdog = new SupervisorWatchdog(Motor, Clock);
            Hardware = new PumpHardware(
                Clock,
                Motor,
                new AdcPressureSensor(adc.OpenChannel(NucleoPins.PressureAdcChannel)),
                null,
                new AdcBattery(adc.OpenChannel(NucleoPins.BatteryAdcChannel)),
                Annunciator,
                new DebouncedButton(gpio, NucleoPins.PatientButton, true),
                new FileFlash("I:\\openidds.nv", StorePageSize, StorePages),
                Watchdog,
                new UartLink(NucleoPins.SerialPort, 115200));
        }

        public TickClock Clock { get; private set; }
        public StepDirDriver Motor { get; private set; }
        public PatternAnnunciator Annunciator { get; private set; }
        public SupervisorWatchdog Watchdog { get; private set; }
        public PumpHardware Hardware { get; private set; }
    }
}
