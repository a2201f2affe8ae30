using OpenIdds.Simulator.Physics;

namespace OpenIdds.Simulator.Scenarios;

/// <summary>
/// A patient's ordinary days as scenario actions: getting up, sitting, lying down, coughing and
/// straining at seeded random times, asleep from lying down to getting up, and two walks a day.
/// What an occlusion detector and the catheter integrity check must ride through without alarming.
/// The walks draw from their own stream, so the postures, coughs and strains of a seed stay as they were.
/// </summary>
public static class DailyLife
{
    public static List<ScenarioAction> Days(int days, ulong seed)
    {
        var random = new SimulationRandom(seed);
        var walks = random.Fork(7);
        var actions = new List<ScenarioAction>();
        string At(int day, double hours) => $"{day}d{(long)(hours * 3_600_000)}ms";
        for (int day = 0; day < days; day++)
        {
            double up = 6 + 2 * random.NextDouble();
            actions.Add(new ScenarioAction { At = At(day, up), Do = "posture", Posture = "standing" });
            actions.Add(new ScenarioAction { At = At(day, up + 1 + random.NextDouble()), Do = "posture", Posture = "sitting" });
            actions.Add(new ScenarioAction { At = At(day, 13 + 2 * random.NextDouble()), Do = "posture", Posture = "standing" });
            double down = 22 + random.NextDouble();
            actions.Add(new ScenarioAction { At = At(day, down), Do = "posture", Posture = "lying" });
            actions.Add(new ScenarioAction { At = At(day, up), Do = "activity", Activity = "rest" });
            actions.Add(new ScenarioAction { At = At(day, down), Do = "activity", Activity = "asleep" });
            foreach (double start in new[] { up + 2 + 3 * walks.NextDouble(), 16 + 4 * walks.NextDouble() })
            {
                actions.Add(new ScenarioAction { At = At(day, start), Do = "activity", Activity = "walking" });
                actions.Add(new ScenarioAction { At = At(day, start + 0.5 + 0.5 * walks.NextDouble()), Do = "activity", Activity = "rest" });
            }
            int coughs = (int)(random.NextDouble() * 6);
            for (int i = 0; i < coughs; i++) actions.Add(new ScenarioAction { At = At(day, up + random.NextDouble() * 14), Do = "cough" });
            if (random.Chance(0.5)) actions.Add(new ScenarioAction { At = At(day, up + random.NextDouble() * 14), Do = "strain" });
        }
        return actions;
    }
}
