using OpenIdds.Hal;

namespace OpenIdds.Simulator.Physics;

/// <summary>
/// The drug reservoir: what the strokes draw from, and - on boards that have one - a level sensor that
/// measures it with its own (coarse) noise. When it runs dry, strokes move air and deliver nothing.
/// </summary>
public sealed class ReservoirModel : IReservoirLevelSensor
{
    private readonly PhysicsParameters _p;
    private readonly SimulationRandom _random;

    public ReservoirModel(PhysicsParameters parameters, SimulationRandom random, long initialNanoliters, long concentration)
    {
        _p = parameters;
        _random = random;
        Nanoliters = initialNanoliters;
        Concentration = concentration;
    }

    public double Nanoliters { get; private set; }

    /// <summary>ug/mL of the drug in the reservoir now.</summary>
    public long Concentration { get; private set; }

    public bool LevelSensorFitted { get; set; } = true;

    /// <summary>Draws a stroke's volume; returns what was actually available.</summary>
    public double Draw(double nanoliters)
    {
        double drawn = Math.Min(nanoliters, Nanoliters);
        Nanoliters -= drawn;
        return drawn;
    }

    /// <summary>A refill: the residual is withdrawn, then new drug is added (which may change the concentration).</summary>
    public double Refill(long addedNanoliters, long concentration)
    {
        double withdrawn = Nanoliters;
        Nanoliters = Math.Min(addedNanoliters, _p.ReservoirNanoliters);
        Concentration = concentration;
        return withdrawn;
    }

    public SensorStatus Read(out long nanoliters)
    {
        nanoliters = 0;
        if (!LevelSensorFitted) return SensorStatus.NotFitted;
        nanoliters = (long)Math.Max(0, Math.Round(Nanoliters + _p.LevelNoiseNanoliters * _random.NextGaussian()));
        return SensorStatus.Ok;
    }
}
