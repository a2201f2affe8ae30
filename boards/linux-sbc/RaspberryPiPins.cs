namespace OpenIdds.Boards.LinuxSbc;

/// <summary>
/// BCM GPIO numbers on a Raspberry Pi 40-pin header (README.md has the same table; LinuxBoardTests
/// holds both to these numbers). The buzzer is on GPIO18 because it is hardware PWM0: PwmChannel chip
/// 0, channel 0, once dtoverlay=pwm is in config.txt (Pi 4 and earlier). Everything else is a plain GPIO.
/// A Pi has no ADC: a downstream pressure sensor or a cell divider needs an external one (e.g. an
/// ADS1115 on I2C), so this board reports the pressure sensor as not fitted and its supply as nominal.
/// </summary>
public static class RaspberryPiPins
{
    public const int Step = 17;        // header pin 11
    public const int Direction = 27;   // pin 13
    public const int Enable = 22;      // pin 15, 10 k pull-up to 3.3 V: motor off while Linux boots
    public const int Fault = 23;       // pin 16, DRV8825 nFAULT
    public const int PatientButton = 24;  // pin 18, button to GND
    public const int RedLed = 5;       // pin 29
    public const int YellowLed = 6;    // pin 31
    public const int GreenLed = 13;    // pin 33
    public const int LoopbackInput = 16;   // pin 36: the loopback self-test's jumper from STEP lands here
    public const int MotorCutTrigger = 26; // pin 37: the independent motor cut's monostable trigger (MOTOR-CUT-HEARTBEAT)
    public const int MotorSupply = 25;     // pin 22: VMOT through 39 k over 10 k, high while the motor supply is there
    public const int BuzzerGpio = 18;      // pin 12
    public const int BuzzerPwmChip = 0;    // GPIO18 is PWM0 ...
    public const int BuzzerPwmChannel = 0; // ... channel 0 of chip 0
}
