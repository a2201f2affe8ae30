using System.Device.Pwm;

namespace OpenIdds.Simulator.Virtual;

/// <summary>A PWM channel that only remembers what it was set to, so tests can hear the buzzer.</summary>
public sealed class VirtualPwmChannel : PwmChannel
{
    public override int Frequency { get; set; }
    public override double DutyCycle { get; set; }
    public bool Running { get; private set; }
    public int Starts { get; private set; }
    public override void Start() { Running = true; Starts++; }
    public override void Stop() { Running = false; }
}
