using OpenIdds.Simulator.Physics;

namespace OpenIdds.Simulator.Scenarios;

/// <summary>
/// A patient's ordinary days as scenario actions: getting up, sitting, lying down, coughing and
/// straining at seeded random times. What an occlusion detector must ride through without alarming.
/// </summary>
public static class DailyLife
{
    public static List<ScenarioAction> Days(int days, ulong seed)
    {
        var random = new SimulationRandom(seed);
        var actions = new List<ScenarioAction>();
        string At(int day, double hours) => $"{day}d{(long)(hours * 3_600_000)}ms";
        for (int day = 0; day < days; day++)
        {
            double up = 6 + 2 * random.NextDouble();
            actions.Add(new ScenarioAction { At = At(day, up), Do = "posture", Posture = "standing" });
            actions.Add(new ScenarioAction { At = At(day, up + 1 + random.NextDouble()), Do = "posture", Posture = "sitting" });
            actions.Add(new ScenarioAction { At = At(day, 13 + 2 * random.NextDouble()), Do = "posture", Posture = "standing" });
            actions.Add(new ScenarioAction { At = At(day, 22 + random.NextDouble()), Do = "posture", Posture = "lying" });
            int coughs = (int)(random.NextDouble() * 6);
            for (int i = 0; i < coughs; i++) actions.Add(new ScenarioAction { At = At(day, up + random.NextDouble() * 14), Do = "cough" });
            if (random.Chance(0.5)) actions.Add(new ScenarioAction { At = At(day, up + random.NextDouble() * 14), Do = "strain" });
        }
        return actions;
    }
}
