namespace OpenIdds.Simulator.Physics;

/// <summary>
/// The bench balance the pump delivers into (IEC 60601-2-24 gravimetric set-up): the vessel's mass
/// from the volume that reached it, minus evaporation, read with the balance's noise and rounded to its
/// resolution. Its readings go through the same analysis as a real balance's CSV.
/// </summary>
public sealed class LabBalance
{
    private readonly PhysicsParameters _p;
    private readonly SimulationRandom _random;

    public LabBalance(PhysicsParameters parameters, SimulationRandom random)
    {
        _p = parameters;
        _random = random;
    }

    /// <summary>A reading in mg, given the volume delivered into the vessel (nL) and the time (ms).</summary>
    public double ReadMilligrams(double deliveredNanoliters, long now)
    {
        double mass = deliveredNanoliters / 1000.0 * _p.DensityMilligramsPerMicroliter
                      - _p.EvaporationMilligramsPerHour * now / 3_600_000.0
                      + _p.BalanceNoiseMilligrams * _random.NextGaussian();
        return Math.Round(mass / _p.BalanceResolutionMilligrams) * _p.BalanceResolutionMilligrams;
    }
}
