using System.Globalization;

namespace OpenIdds.Bench.Analysis;

/// <summary>What a disturbance looked like on the balance.</summary>
public enum DisturbanceKind
{
    /// <summary>The mass jumped and came back at the next reading (a hand on the pan, a knock, a draught).</summary>
    Spike,

    /// <summary>The mass jumped up and stayed (something set on the pan or the vessel, a drop that fell from the outlet).</summary>
    Step,

    /// <summary>The mass fell (something taken off, the tubing lifting the vessel, a leak): no pump delivers a negative volume.</summary>
    NegativeStep,
}

/// <summary>One mass change no pump at the set rate can make, at the time of the reading after it.</summary>
public sealed record Disturbance(DisturbanceKind Kind, double Minutes, double ChangeMilligrams, double LimitMilligrams, string Where, bool InAnalysisPeriod)
{
    public string Name => Kind switch { DisturbanceKind.Spike => "spike", DisturbanceKind.Step => "step", _ => "negative step" };

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Name} of {ChangeMilligrams:+0.000;-0.000} mg at {Minutes:0.####} min ({Where}; limit {LimitMilligrams:+0.000;-0.000} mg)");
}

/// <summary>
/// Rule DISTURBANCE-LIMIT: between two consecutive usable readings the mass may rise by at most
/// <see cref="RateFactor"/> times what the set rate delivers in the time between them, plus
/// <see cref="AllowanceMilligrams"/>, and may fall by at most <see cref="AllowanceMilligrams"/>. The factor
/// leaves room for a pulsatile pump (a whole stroke can land in one sample) and for the rate's own
/// error many times over; the allowance covers the balance's resolution, noise and one forming drop.
/// A change beyond it is no pump's delivery: a rise that comes back at the next reading is a spike, a
/// rise that stays is a step, a fall is a negative step. One in the analysis period fails the run,
/// because A and every Ep would measure the disturbance, not the pump; one before it is reported and
/// shows in the flow graph only.
/// </summary>
public static class DisturbanceDetector
{
    public const double RateFactor = 10, AllowanceMilligrams = 1;

    /// <param name="usable">the usable readings in sample order: index on the grid, mass (mg), measured time (ms), and where it came from</param>
    public static List<Disturbance> Find(IReadOnlyList<(long Index, double Mass, long Measured, string Where)> usable, double rateMicrolitersPerHour, double density, double sampleMinutes, long analysisStart, long analysisEnd)
    {
        var found = new List<Disturbance>();
        for (int k = 1; k < usable.Count; k++)
        {
            var (a, b) = (usable[k - 1], usable[k]);
            double change = b.Mass - a.Mass, up = Upper(a, b, rateMicrolitersPerHour, density);
            if (change <= up && change >= -AllowanceMilligrams) continue;
            bool inPeriod = b.Index >= analysisStart && b.Index <= analysisEnd;
            if (change > up && k + 1 < usable.Count)
            {
                var c = usable[k + 1];
                double back = c.Mass - b.Mass;
                if (back < -AllowanceMilligrams)
                {
                    found.Add(new Disturbance(DisturbanceKind.Spike, b.Index * sampleMinutes, change, up, b.Where, inPeriod));
                    k++;   // its way back down is the same disturbance
                    continue;
                }
            }
            found.Add(change > up
                ? new Disturbance(DisturbanceKind.Step, b.Index * sampleMinutes, change, up, b.Where, inPeriod)
                : new Disturbance(DisturbanceKind.NegativeStep, b.Index * sampleMinutes, change, -AllowanceMilligrams, b.Where, inPeriod));
        }
        return found;
    }

    private static double Upper((long Index, double Mass, long Measured, string Where) a, (long Index, double Mass, long Measured, string Where) b, double rate, double density) =>
        RateFactor * rate * density * ((b.Measured - a.Measured) / 3_600_000.0) + AllowanceMilligrams;
}
