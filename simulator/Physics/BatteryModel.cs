using OpenIdds.Hal;

namespace OpenIdds.Simulator.Physics;

/// <summary>
/// A primary lithium cell: charge drawn by each motor step and by the quiescent current, and a terminal
/// voltage that stays flat (the plateau) for most of the life and falls off after the knee, as Li-SOCl2
/// cells do (plateau, knee and empty voltage are physics parameters). The flat plateau says little
/// about what is left, which is why the firmware's elective replacement indicator counts charge.
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
        // Flat down to the knee, then a linear fall to the empty voltage.
        millivolts = remaining >= _p.BatteryKneeFraction
            ? _p.BatteryPlateauMillivolts
            : (int)Math.Round(_p.BatteryEmptyMillivolts + (_p.BatteryPlateauMillivolts - _p.BatteryEmptyMillivolts) * remaining / _p.BatteryKneeFraction);
        return SensorStatus.Ok;
    }
}
