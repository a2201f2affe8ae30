using OpenIdds.Hal;

namespace OpenIdds.Simulator.Virtual;

/// <summary>
/// A step/dir driver with an encoder on the rotor - the implanted pump's motor feedback: its completed
/// step count is what the rotor did, not what was pulsed, so a step the rotor did not follow (a lost
/// step, a jam) is missing from it, which the firmware's LOST-STEPS-ARE-A-STALL rule looks for. A plain
/// StepDirDriver counts its own pulses and can never show that. Everything else is the real driver.
/// </summary>
public sealed class RotorEncoderDriver : IMotorDriver
{
    private readonly IMotorDriver _driver;
    private readonly Func<long> _lostSteps;

    /// <param name="lostSteps">Forward pulses the rotor has not followed so far (the physics' head knows).</param>
    public RotorEncoderDriver(IMotorDriver driver, Func<long> lostSteps)
    {
        _driver = driver;
        _lostSteps = lostSteps;
    }

    public bool Enabled => _driver.Enabled;
    public void Enable() => _driver.Enable();
    public void Disable() => _driver.Disable();
    public MotorDirection Direction => _driver.Direction;
    public void SetDirection(MotorDirection direction) => _driver.SetDirection(direction);
    public void Step() => _driver.Step();
    public long CompletedSteps => _driver.CompletedSteps - _lostSteps();
    public bool CanDetectStall => true;
    public bool Stalled => _driver.Stalled;
}
