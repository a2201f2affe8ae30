using System.Globalization;
using OpenIdds.Simulator.Running;
using OpenIdds.Simulator.Scenarios;

namespace OpenIdds.Benchmarks;

/// <summary>
/// The occlusion detector's figures, measured in the simulator with full physics: time to alarm
/// after a complete downstream occlusion at 0.1 mL/h (trial pump) and 0.5 mL/day (implanted pump)
/// over many seeds and occlusion instants; false alarms over 10,000 simulated days of ordinary life
/// (posture changes, coughs, strains, sensor noise); and the bolus released when the occlusion clears.
/// </summary>
public static class OcclusionRun
{
    public static void Run(int falseAlarmDays)
    {
        TimeToAlarm("trial, 0.1 mL/h", "trial", 100, 1000);
        TimeToAlarm("implanted, 0.5 mL/day", "implanted", 20.833, 10_000);
        Release("trial, 0.1 mL/h", "trial", 100);
        Release("implanted, 0.5 mL/day", "implanted", 20.833);
        FalseAlarms(falseAlarmDays);
    }

    private static Scenario Base(string mode, double rate, long concentration, ulong seed, string duration) => new()
    {
        Name = $"occlusion-{mode}-{seed}",
        Mode = mode,
        Seed = seed,
        Duration = duration,
        Drug = new DrugSpec { Name = "morphine", ConcentrationUgPerMl = concentration },
        Prescription = new PrescriptionSpec { Mode = "continuous", RateUlPerH = rate },
    };

    private static void TimeToAlarm(string label, string mode, double rate, long concentration)
    {
        var times = new List<double>();
        for (ulong seed = 1; seed <= 20; seed++)
        {
            long occludeAt = 3_600_000 + (long)(seed * 7_777_777 % 3_600_000);
            var scenario = Base(mode, rate, concentration, seed, "6h") with
            {
                Actions = DailyLife.Days(1, seed).Concat(new[] { new ScenarioAction { At = $"{occludeAt}ms", Do = "occlusion" } }).ToList(),
            };
            var result = ScenarioRunner.Run(scenario);
            var alarm = result.Events.FirstOrDefault(e => e.Source == "alarm" && e.Kind == "occlusion" && e.Detail == "raised");
            times.Add(alarm == null ? double.PositiveInfinity : (alarm.Time - occludeAt) / 60_000.0);
        }
        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"occlusion: time to alarm, {label}, 20 seeds: median {times[10]:0.0} min, worst {times[^1]:0.0} min"));
    }

    private static void Release(string label, string mode, double rate)
    {
        double worst = 0;
        for (ulong seed = 1; seed <= 10; seed++)
        {
            var actions = new List<ScenarioAction> { new() { At = "2h", Do = "occlusion" }, new() { At = "5h", Do = "occlusion-clear" } };
            var untilClear = ScenarioRunner.Run(Base(mode, rate, 10_000, seed, "5h") with { Actions = actions });
            var after = ScenarioRunner.Run(Base(mode, rate, 10_000, seed, "7h") with { Actions = actions });
            worst = Math.Max(worst, after.ToCsfMicroliters - untilClear.ToCsfMicroliters);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"occlusion: volume released in the 2 h after the occlusion clears (pump alarm-stopped, relief done), {label}, worst of 10 seeds: {worst:0.000} uL"));
    }

    private static void FalseAlarms(int days)
    {
        int alarms = 0, runs = 0;
        long simulated = 0;
        var wall = System.Diagnostics.Stopwatch.StartNew();
        for (ulong seed = 1; simulated < days; seed++)
        {
            bool trial = seed % 2 == 1;
            int length = Math.Min(365, days - (int)simulated);
            var scenario = Base(trial ? "trial" : "implanted", trial ? 20.833 : 2.5, trial ? 1000 : 10_000, 1000 + seed, $"{length}d") with
            {
                ReservoirMilliliters = 1000,   // never the reason to stop: this run looks for false occlusion alarms only
                Physics = new() { ["reservoir_nanoliters"] = System.Text.Json.JsonDocument.Parse("1000000000").RootElement },
                Actions = DailyLife.Days(length, seed),
            };
            var result = ScenarioRunner.Run(scenario);
            alarms += result.Events.Count(e => e.Source == "alarm" && e.Detail == "raised" && e.Kind is "occlusion" or "pressure-sensor-fault" or "motor-stall" or "over-infusion");
            simulated += length;
            runs++;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"occlusion: false occlusion, sensor, stall or over-infusion alarms in {simulated} simulated days ({runs} runs, half trial at 0.5 mL/day, half implanted at 60 uL/day, daily posture changes, coughs, strains): {alarms} ({wall.Elapsed.TotalSeconds:0} s wall)"));
    }
}
