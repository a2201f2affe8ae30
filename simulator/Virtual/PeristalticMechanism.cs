namespace OpenIdds.Simulator.Virtual;

/// <summary>
/// The pump head: each rising edge on STEP while the driver is enabled pushes one stroke of drug.
/// The true stroke volume may differ from the firmware's calibration - that difference is exactly
/// what a bench run measures. (Per-stroke variation, slip and compliance are the full physics model.)
/// </summary>
public sealed class PeristalticMechanism
{
    private readonly VirtualGpioDriver _gpio;
    private readonly int _stepPin;
    private readonly int _enablePin;
    private readonly int _directionPin;

    public PeristalticMechanism(VirtualGpioDriver gpio, int stepPin, int directionPin, int enablePin, long truePicolitersPerStep)
    {
        _gpio = gpio;
        _stepPin = stepPin;
        _directionPin = directionPin;
        _enablePin = enablePin;
        TruePicolitersPerStep = truePicolitersPerStep;
        gpio.RisingEdge += OnEdge;
    }

    public long TruePicolitersPerStep { get; }

    /// <summary>Strokes the head actually made (forward minus reverse), counted from pin edges.</summary>
    public long Strokes { get; private set; }

    /// <summary>Edges on STEP while the driver was disabled: pulses that moved nothing.</summary>
    public long IgnoredPulses { get; private set; }

    public long DeliveredPicoliters => Strokes * TruePicolitersPerStep;

    /// <summary>Each stroke the head makes, forward or reverse: the physics model listens here.</summary>
    public event Action<OpenIdds.Hal.MotorDirection>? Stroke;

    private void OnEdge(int pin)
    {
        if (pin != _stepPin) return;
        // ENABLE is active low on A4988/DRV8825/TMC2209.
        if (_gpio.Level(_enablePin) == System.Device.Gpio.PinValue.High) { IgnoredPulses++; return; }
        bool forward = _gpio.Level(_directionPin) == System.Device.Gpio.PinValue.Low;
        Strokes += forward ? 1 : -1;
        Stroke?.Invoke(forward ? OpenIdds.Hal.MotorDirection.Forward : OpenIdds.Hal.MotorDirection.Reverse);
    }
}
