using OpenIdds.Hal;

namespace OpenIdds.Simulator.Physics;

/// <summary>
/// A primary lithium cell: charge drawn by each motor step and by the quiescent current, and a terminal
/// voltage that stays flat (3.6 V) for most of the life and falls off at the end, as Li-SOCl2 cells do.
/// The knee is where an implanted pump's elective replacement indicator must warn, months ahead.
/// </summary>
public sealed class BatteryModel : IBatteryMonitor
{
    private readonly PhysicsParameters _p;
    private double _consumed;

    public BatteryModel(PhysicsParameters parameters) { _p = parameters; }

    /// <summary>Extra drain multiplier (a degraded cell, a leaking board); 1 = nominal.</summary>
    public double DrainFactor { get; set; } = 1.0;

    public long ConsumedMicroampereHours => (long)_consumed;

    public double RemainingFraction => Math.Max(0, 1.0 - _consumed / _p.BatteryMicroampereHours);

    public void OnStep() => _consumed += _p.StepMicroampereHours * DrainFactor;

    public void Idle(double hours) => _consumed += _p.QuiescentMicroamperes * hours * DrainFactor;

    public SensorStatus Read(out int millivolts)
    {
        double remaining = RemainingFraction;
        // Flat 3.60 V down to 15 % remaining, then a linear fall to 3.00 V at empty.
        millivolts = remaining >= 0.15 ? 3600 : (int)Math.Round(3000 + 600 * remaining / 0.15);
        return SensorStatus.Ok;
    }
}
