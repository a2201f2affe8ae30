using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Units;
using OpenIdds.Simulator.Scenarios;

namespace OpenIdds.Simulator.Running;

/// <summary>Turns a scenario's prescription into the firmware's rate profile (null = stopped).</summary>
public static class PrescriptionProfiles
{
    public static IRateProfile? ToProfile(PrescriptionSpec spec, long timeOfDayAtZero, string field)
    {
        switch (spec.Mode)
        {
            case "stopped":
                return null;
            case "continuous":
                return new ConstantRate(Rate(spec.RateUlPerH, field + ".rate_ul_per_h"));
            case "flex":
                if (spec.Steps.Count == 0) throw new ScenarioException($"{field}.steps: a flex prescription needs at least one step");
                return new FlexSchedule(
                    spec.Steps.Select((s, i) => new Milliseconds(DurationText.ParseTimeOfDay(s.At, $"{field}.steps[{i}].at"))).ToArray(),
                    spec.Steps.Select((s, i) => Rate(s.RateUlPerH, $"{field}.steps[{i}].rate_ul_per_h")).ToArray(),
                    new Milliseconds(timeOfDayAtZero));
            default:
                throw new ScenarioException($"{field}.mode: '{spec.Mode}' is not one of stopped, continuous, flex");
        }
    }

    private static NanolitersPerHour Rate(double microlitersPerHour, string field)
    {
        if (microlitersPerHour < 0 || microlitersPerHour > 1_000_000)
            throw new ScenarioException($"{field}: {microlitersPerHour} uL/h is outside 0..1000000 uL/h");
        return new NanolitersPerHour((long)Math.Round(microlitersPerHour * 1000));
    }
}
