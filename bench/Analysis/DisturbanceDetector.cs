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
/// <remarks>Consecutive samples beyond the limit the same way (a sustained flow far above the rate, such as a priming bolus) are one disturbance, from <c>Minutes</c> to <c>UntilMinutes</c> over <c>Samples</c> samples.</remarks>
public sealed record Disturbance(DisturbanceKind Kind, double Minutes, double ChangeMilligrams, double LimitMilligrams, string Where, bool InAnalysisPeriod)
{
    public double UntilMinutes { get; init; } = Minutes;
    public int Samples { get; init; } = 1;

    public string Name => Kind switch { DisturbanceKind.Spike => "spike", DisturbanceKind.Step => "step", _ => "negative step" };

    public string Describe() => Samples == 1
        ? string.Create(CultureInfo.InvariantCulture, $"{Name} of {ChangeMilligrams:+0.000;-0.000} mg at {Minutes:0.####} min ({Where}; limit {LimitMilligrams:+0.000;-0.000} mg)")
        : string.Create(CultureInfo.InvariantCulture, $"{Name}s of {ChangeMilligrams:+0.000;-0.000} mg in all from {Minutes:0.####} to {UntilMinutes:0.####} min ({Samples} samples from {Where}, each beyond the limit, {LimitMilligrams:+0.000;-0.000} mg for the first)");
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
            var kind = change > up ? DisturbanceKind.Step : DisturbanceKind.NegativeStep;
            if (found.Count > 0 && found[^1] is { } previous && previous.Kind == kind && previous.Samples > 0 && Math.Abs(previous.UntilMinutes - a.Index * sampleMinutes) < 1e-9 && k >= 2 && Flagged(usable[k - 2], a, rateMicrolitersPerHour, density))
            {
                found[^1] = previous with { ChangeMilligrams = previous.ChangeMilligrams + change, UntilMinutes = b.Index * sampleMinutes, Samples = previous.Samples + 1, InAnalysisPeriod = previous.InAnalysisPeriod || inPeriod };
                continue;
            }
            found.Add(kind == DisturbanceKind.Step
                ? new Disturbance(DisturbanceKind.Step, b.Index * sampleMinutes, change, up, b.Where, inPeriod)
                : new Disturbance(DisturbanceKind.NegativeStep, b.Index * sampleMinutes, change, -AllowanceMilligrams, b.Where, inPeriod));
        }
        return found;
    }

    private static bool Flagged((long Index, double Mass, long Measured, string Where) a, (long Index, double Mass, long Measured, string Where) b, double rate, double density)
    {
        double change = b.Mass - a.Mass;
        return change > Upper(a, b, rate, density) || change < -AllowanceMilligrams;
    }

    private static double Upper((long Index, double Mass, long Measured, string Where) a, (long Index, double Mass, long Measured, string Where) b, double rate, double density) =>
        RateFactor * rate * density * ((b.Measured - a.Measured) / 3_600_000.0) + AllowanceMilligrams;
}
