namespace OpenIdds.Simulator.Physics;

/// <summary>
/// The simulator's only source of randomness: SplitMix64, seeded by the scenario. Its sequence is
/// defined here, not by a runtime version, so a seed replays identically anywhere. Gaussian noise is
/// the Irwin-Hall sum of twelve uniforms (additions only: bit-identical, and within 0.1 % of normal
/// out to 3 sigma, which is all sensor noise needs).
/// </summary>
public sealed class SimulationRandom
{
    private ulong _state;

    public SimulationRandom(ulong seed) { _state = seed; }

    private const ulong Increment = 0x9E3779B97F4A7C15UL;

    public ulong NextUInt64() => Mix(_state += Increment);

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => Unit(NextUInt64());

    /// <summary>Approximately standard normal (mean 0, sd 1).</summary>
    public double NextGaussian()
    {
        // The same twelve draws as twelve NextDouble calls, in order, with the state in a local, summed
        // as whole numbers of 2^-53 (exact: twelve 53-bit values fit in 57 bits) and scaled once: the
        // pressure sensor takes three of these every tick, and a chain of twelve dependent
        // floating-point additions was the loop's critical path.
        ulong state = _state;
        long sum = 0;
        for (int i = 0; i < 12; i++)
        {
            state += Increment;
            sum += (long)(Mix(state) >> 11);
        }
        _state = state;
        return sum * (1.0 / (1UL << 53)) - 6.0;
    }

    /// <summary>SplitMix64's output function of one state.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>The top 53 bits as a double in [0, 1).</summary>
    private static double Unit(ulong bits) => (bits >> 11) * (1.0 / (1UL << 53));

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => p > 0 && NextDouble() < p;

    /// <summary>A whole number in 0..<paramref name="bound"/>-1 (0 for a bound of 0 or less).</summary>
    public int NextInt(int bound) => bound <= 0 ? 0 : (int)(NextUInt64() % (ulong)bound);

    /// <summary>An independent stream for one part of the model, so adding noise in one place does not shift another's.</summary>
    public SimulationRandom Fork(ulong stream) => new(_state ^ (stream * 0xD1B54A32D192ED03UL));
}
