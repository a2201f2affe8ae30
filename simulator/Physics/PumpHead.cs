namespace OpenIdds.Simulator.Physics;

/// <summary>
/// The peristaltic head: a stroke pushes a volume that varies a little stroke to stroke and falls as
/// back-pressure rises (the rollers slip), down to nothing at the stall pressure.
/// Lost steps (a step pulse that moves nothing) and a stalled motor are injectable faults.
/// </summary>
public sealed class PumpHead
{
    private readonly PhysicsParameters _p;
    private readonly SimulationRandom _random;

    public PumpHead(PhysicsParameters parameters, SimulationRandom random)
    {
        _p = parameters;
        _random = random;
    }

    /// <summary>Probability that a step pulse moves nothing (a worn gear, a missed micro-step).</summary>
    public double LostStepProbability { get; set; }

    public bool Stalled { get; set; }

    public long Pulses { get; private set; }
    public long LostSteps { get; private set; }

    /// <summary>The volume one forward stroke moves against <paramref name="backPressurePascals"/>, nL.</summary>
    public double Stroke(double backPressurePascals)
    {
        Pulses++;
        if (Stalled || _random.Chance(LostStepProbability))
        {
            LostSteps++;
            return 0;
        }
        double nominal = _p.StrokePicoliters / 1000.0 * (1.0 + _p.StrokeVariation * _random.NextGaussian());
        double slip = Math.Clamp(backPressurePascals / _p.StallPressurePascals, 0.0, 1.0);
        return Math.Max(0.0, nominal * (1.0 - slip));
    }
}
