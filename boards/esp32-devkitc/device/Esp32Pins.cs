namespace OpenIdds.Boards.Esp32DevKitC
{
    /// <summary>
    /// What runs on which ESP32-DevKitC pin, and why (README.md has the wiring table).
    /// Strapping pins (0, 2, 5, 12, 15) are avoided for outputs that must be low at boot, and every
    /// analog input is on ADC1: ADC2 cannot be read while Wi-Fi runs.
    /// </summary>
    public static class Esp32Pins
    {
        /// <summary>DRV8825/TMC2209 STEP: a plain output, no boot role.</summary>
        public const int Step = 26;
        /// <summary>DIR.</summary>
        public const int Direction = 27;
        /// <summary>ENABLE (active low): pulled high by a 10 k resistor so the motor is off while the ESP32 boots.</summary>
        public const int Enable = 14;
        /// <summary>DRV8825 nFAULT (open drain, active low) or TMC2209 DIAG (active high).</summary>
        public const int Fault = 13;
        /// <summary>Piezo buzzer through a transistor, on LEDC PWM channel 1.</summary>
        public const int Buzzer = 25;
        public const int RedLed = 18;
        public const int YellowLed = 19;
        public const int GreenLed = 21;
        /// <summary>Patient button to ground, internal pull-up, debounced in software.</summary>
        public const int PatientButton = 4;
        /// <summary>Pressure sensor (0.5-4.5 V) through a 2:3 divider into ADC1 channel 6 (GPIO34, input only).</summary>
        public const int PressureAdcPin = 34;
        public const int PressureAdcChannel = 6;
        /// <summary>Battery through a 1:2 divider into ADC1 channel 7 (GPIO35, input only).</summary>
        public const int BatteryAdcPin = 35;
        public const int BatteryAdcChannel = 7;
        /// <summary>UART2 to the programmer (iddsctl) through a USB-serial adapter.</summary>
        public const int SerialTx = 17;
        public const int SerialRx = 16;
    }
}
