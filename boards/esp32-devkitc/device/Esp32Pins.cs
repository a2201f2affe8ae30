namespace OpenIdds.Boards.Esp32DevKitC
{
    /// <summary>
    /// What runs on which ESP32-DevKitC pin, and why (README.md has the wiring table).
    /// Strapping pins (0, 2, 5, 12, 15) and pins the ROM drives or pulls at boot (1, 3, 14, 15) carry
    /// no output that matters during a reset, and every analog input is on ADC1: ADC2 cannot be read
    /// while Wi-Fi runs.
    /// </summary>
    public static class Esp32Pins
    {
        /// <summary>DRV8825/TMC2209 STEP: a plain output, no boot role.</summary>
        public const int Step = 26;
        /// <summary>DIR.</summary>
        public const int Direction = 27;
        /// <summary>
        /// ENABLE (active low), pulled up by 10 k so the motor is off while the ESP32 boots. GPIO23, not
        /// GPIO14: GPIO14 is JTAG TMS, pulled up and driven by the ROM during boot, and must not carry a
        /// line that enables the motor.
        /// </summary>
        public const int Enable = 23;
        /// <summary>DRV8825 nFAULT (open drain, active low) or TMC2209 DIAG (active high).</summary>
        public const int Fault = 13;
        /// <summary>Buzzer through an NPN transistor (and a flyback diode for a magnetic one), on LEDC PWM channel 1.</summary>
        public const int Buzzer = 25;
        public const int RedLed = 18;
        public const int YellowLed = 19;
        public const int GreenLed = 21;
        /// <summary>Patient button to ground, internal pull-up, debounced in software.</summary>
        public const int PatientButton = 4;
        /// <summary>Pressure sensor (0.5-4.5 V) through a 1:2 divider (10 k over 10 k, 100 nF) into ADC1 channel 6 (GPIO34, input only): 0.25-2.375 V, inside the accurate range at 11 dB.</summary>
        public const int PressureAdcPin = 34;
        public const int PressureAdcChannel = 6;
        /// <summary>The pressure sensor's 5 V supply through a 1:3 divider (20 k over 10 k, 100 nF) into ADC1 channel 4 (GPIO32): the ratio's reference.</summary>
        public const int SensorSupplyAdcPin = 32;
        public const int SensorSupplyAdcChannel = 4;
        /// <summary>The cell through a 1:2 divider into ADC1 channel 7 (GPIO35, input only).</summary>
        public const int BatteryAdcPin = 35;
        public const int BatteryAdcChannel = 7;
        /// <summary>The motor supply (VMOT) through 100 k over 15 k into ADC1 channel 3 (GPIO39, input only).</summary>
        public const int MotorSupplyAdcPin = 39;
        public const int MotorSupplyAdcChannel = 3;
        /// <summary>UART2 to the programmer (iddsctl) through a USB-serial adapter.</summary>
        public const int SerialTx = 17;
        public const int SerialRx = 16;
        /// <summary>The loopback self-test's spare input: a jumper from STEP (GPIO26) lands here. It has an internal pull-down.</summary>
        public const int LoopbackInput = 33;

        /// <summary>The independent motor cut's monostable trigger (MOTOR-CUT-HEARTBEAT): GPIO22, a plain output with no boot role.</summary>
        public const int MotorCutTrigger = 22;
        /// <summary>Reserved for an analog reservoir-level sensor (ADC1 channel 0, input only); no driver reads it yet.</summary>
        public const int LevelSensorAdcPin = 36;
    }
}
