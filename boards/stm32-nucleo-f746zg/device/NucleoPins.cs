namespace OpenIdds.Boards.NucleoF746ZG
{
    /// <summary>
    /// What runs on which NUCLEO-F746ZG pin (README.md has the wiring table). nanoFramework numbers STM32
    /// GPIOs as (port - 'A') x 16 + pin, so PE9 is 4 x 16 + 9 = 73.
    /// </summary>
    public static class NucleoPins
    {
        private static int Pin(char port, int pin) { return (port - 'A') * 16 + pin; }

        /// <summary>STEP on PE9 (CN10 D6), DIR on PE11 (D5), ENABLE on PF14 (D4, pulled up: motor off at reset), FAULT on PE13 (D3).</summary>
        public static readonly int Step = Pin('E', 9);
        public static readonly int Direction = Pin('E', 11);
        public static readonly int Enable = Pin('F', 14);
        public static readonly int Fault = Pin('E', 13);

        /// <summary>The board's own LEDs: LD3 red (PB14), LD1 green (PB0); an external yellow LED on PF13 (D7).</summary>
        public static readonly int RedLed = Pin('B', 14);
        public static readonly int GreenLed = Pin('B', 0);
        public static readonly int YellowLed = Pin('F', 13);

        /// <summary>The board's blue user button B1 (PC13) is the patient button: pulled down, high when pressed.</summary>
        public static readonly int PatientButton = Pin('C', 13);

        /// <summary>
        /// Buzzer on PD12 (CN10 D29), TIM4 CH1: opened by pin (PwmOnPin), so the target's own table
        /// picks the timer (nf-interpreter GetChannelPwm, STM32F746xx: TIM4, channel 0, enabled in the
        /// target's mcuconf.h).
        /// </summary>
        public static readonly int Buzzer = Pin('D', 12);

        /// <summary>ADC channels as the ST_NUCLEO144_F746ZG firmware numbers them: 0 = A0 (PA3) pressure (1:2 divider, 100 nF), 1 = A1 (PC0) battery.</summary>
        public const int PressureAdcChannel = 0;
        public const int BatteryAdcChannel = 1;

        /// <summary>The pressure sensor's 5 V supply through a 1:3 divider into A4 (PF5, ADC3 IN15): the target's ADC channel 4.</summary>
        public const int SensorSupplyAdcChannel = 4;

        /// <summary>The motor supply (VMOT) through 100 k over 15 k into A3 (PF3, ADC3 IN9): the target's ADC channel 3.</summary>
        public const int MotorSupplyAdcChannel = 3;

        /// <summary>
        /// The programmer link: USART2 (COM2) on PD5 TX / PD6 RX (Zio CN9 D53 / D52) through a USB-serial
        /// adapter. Not the ST-LINK virtual COM port: that is USART3, which the ST_NUCLEO144_F746ZG
        /// firmware keeps for nanoFramework's own wire protocol (deploy and debug); the target gives
        /// managed code COM2 (PD5/PD6) and COM6 (PC6/PC7).
        /// </summary>
        public const string SerialPort = "COM2";
        public static readonly int SerialTx = Pin('D', 5);
        public static readonly int SerialRx = Pin('D', 6);

        /// <summary>The loopback self-test's spare input: PF15 (CN10 D2), a jumper from STEP (PE9, D6) lands here.</summary>
        public static readonly int LoopbackInput = Pin('F', 15);

        /// <summary>The independent motor cut's monostable trigger (MOTOR-CUT-HEARTBEAT): PF12, CN10 D8, a plain output.</summary>
        public static readonly int MotorCutTrigger = Pin('F', 12);

        /// <summary>Reserved for an analog reservoir-level sensor: ADC channel 2 = A2 (PC3); no driver reads it yet.</summary>
        public const int LevelSensorAdcChannel = 2;
    }
}
