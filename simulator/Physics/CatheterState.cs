using System.Globalization;
using OpenIdds.HostLib;
using OpenIdds.Simulator.Scenarios;

namespace OpenIdds.Simulator.Physics;

/// <summary>
/// The scenario action "catheter": puts the catheter into one state - intact (repaired), tip migrated
/// (epidural, subcutaneous), leaking (factor: the share of the flow lost), disconnected, kinked
/// (factor: the resistance multiplier) or occluded. Each state replaces the one before, at once, or,
/// with "over" (kink, leak, epidural, subcutaneous), gradually: the kink's multiplier, the leak's
/// share or the tip's share outside move in a straight line from the line's present value (if it is
/// already in that state; else from intact) to the target over that time (<see cref="CatheterRamp"/>).
/// </summary>
public static class CatheterState
{
    public static void Apply(ScenarioAction a, string kindField, string factorField, string overField, PumpWorld world, Action<string, string, string> log)
    {
        var line = world.Line;
        long length = a.Over is string over ? DurationText.ParseMilliseconds(over, overField) : 0;
        if (a.Over != null && length <= 0) throw new ScenarioException($"{overField}: '{a.Over}' is not above the limit 0: a gradual change needs a length");
        if (a.Over != null && a.Kind is not ("kink" or "leak" or "epidural" or "subcutaneous"))
            throw new ScenarioException($"{overField}: a catheter '{a.Kind}' changes at once; 'over' is for kink, leak, epidural and subcutaneous");
        // The present value of the quantity a ramp moves, if the line is already in that state.
        double kinkedBy = line.OcclusionFactor > 1 && !double.IsInfinity(line.OcclusionFactor) ? line.OcclusionFactor : 1.0;
        double leaking = line.LeakFraction;
        double outside = line.Placement.ToString().ToLowerInvariant() == a.Kind ? line.TipOutside : 0.0;
        world.CatheterRamp = null;
        line.Placement = TipPlacement.Intrathecal;
        line.TipOutside = 1.0;
        line.Disconnected = false;
        line.LeakFraction = 0;
        line.OcclusionFactor = 1.0;
        double target = 1.0, from = 0.0;
        switch (a.Kind)
        {
            case "intact": break;
            case "epidural": line.Placement = TipPlacement.Epidural; from = outside; break;
            case "subcutaneous": line.Placement = TipPlacement.Subcutaneous; from = outside; break;
            case "disconnected": line.Disconnected = true; break;
            case "occluded": line.OcclusionFactor = double.PositiveInfinity; break;
            case "leak":
                double fraction = a.Factor ?? throw new ScenarioException($"{factorField}: a leak needs the share of the flow it loses, 0..1");
                if (fraction is < 0 or > 1) throw new ScenarioException(string.Create(CultureInfo.InvariantCulture, $"{factorField}: {fraction} is outside 0..1 (the share of the flow that leaks)"));
                line.LeakFraction = fraction;
                target = fraction;
                from = leaking;
                break;
            case "kink":
                double factor = a.Factor ?? throw new ScenarioException($"{factorField}: a kink needs its resistance multiplier, above 1");
                if (factor <= 1) throw new ScenarioException(string.Create(CultureInfo.InvariantCulture, $"{factorField}: {factor} is not above 1 (the kink's resistance multiplier)"));
                line.OcclusionFactor = factor;
                target = factor;
                from = kinkedBy;
                break;
            default:
                throw new ScenarioException($"{kindField}: '{a.Kind}' is not one of intact, epidural, subcutaneous, leak, disconnected, kink, occluded");
        }
        string what = a.Factor is null ? a.Kind! : string.Create(CultureInfo.InvariantCulture, $"{a.Kind} x{a.Factor}");
        if (length > 0)
        {
            world.CatheterRamp = new CatheterRamp(a.Kind!, from, target, world.Now, length);
            world.CatheterRamp.Apply(line, world.Now);
            what += " over " + a.Over;
        }
        log("fault", "catheter", what);
    }
}
