using System.Globalization;
using OpenIdds.Simulator.Scenarios;

namespace OpenIdds.Simulator.Physics;

/// <summary>
/// The scenario action "catheter": puts the catheter into one state at once - intact (repaired),
/// tip migrated (epidural, subcutaneous), leaking (factor: the share of the flow lost), disconnected,
/// kinked (factor: the resistance multiplier) or occluded. Each state replaces the one before.
/// </summary>
public static class CatheterState
{
    public static void Apply(ScenarioAction a, string kindField, string factorField, CatheterLine line, Action<string, string, string> log)
    {
        line.Placement = TipPlacement.Intrathecal;
        line.Disconnected = false;
        line.LeakFraction = 0;
        line.OcclusionFactor = 1.0;
        switch (a.Kind)
        {
            case "intact": break;
            case "epidural": line.Placement = TipPlacement.Epidural; break;
            case "subcutaneous": line.Placement = TipPlacement.Subcutaneous; break;
            case "disconnected": line.Disconnected = true; break;
            case "occluded": line.OcclusionFactor = double.PositiveInfinity; break;
            case "leak":
                double fraction = a.Factor ?? throw new ScenarioException($"{factorField}: a leak needs the share of the flow it loses, 0..1");
                if (fraction is < 0 or > 1) throw new ScenarioException(string.Create(CultureInfo.InvariantCulture, $"{factorField}: {fraction} is outside 0..1 (the share of the flow that leaks)"));
                line.LeakFraction = fraction;
                break;
            case "kink":
                double factor = a.Factor ?? throw new ScenarioException($"{factorField}: a kink needs its resistance multiplier, above 1");
                if (factor <= 1) throw new ScenarioException(string.Create(CultureInfo.InvariantCulture, $"{factorField}: {factor} is not above 1 (the kink's resistance multiplier)"));
                line.OcclusionFactor = factor;
                break;
            default:
                throw new ScenarioException($"{kindField}: '{a.Kind}' is not one of intact, epidural, subcutaneous, leak, disconnected, kink, occluded");
        }
        log("fault", "catheter", a.Factor is null ? a.Kind! : string.Create(CultureInfo.InvariantCulture, $"{a.Kind} x{a.Factor}"));
    }
}
