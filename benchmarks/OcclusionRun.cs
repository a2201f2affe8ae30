using System.Globalization;
using OpenIdds.Simulator.Running;
using OpenIdds.Simulator.Scenarios;

namespace OpenIdds.Benchmarks;

/// <summary>
/// The occlusion detector's figures, measured in the simulator with full physics: time to alarm after a
/// complete downstream occlusion at 0.1 mL/h (trial pump) and 0.5 mL/day (implanted pump), and for the
/// implanted pump with motor feedback only (no pressure sensor), over 20 seeds each; false alarms over
/// 10,000 simulated days of ordinary life (posture changes, coughs, strains, sensor noise); and the
/// volume released when the occlusion clears.
/// Each time-to-alarm run is a patient's day up to the occlusion (DailyLife: up at 6-8 h, posture changes,
/// coughs and strains through the day) with the occlusion at a seeded time between 9 h and 20 h, and
/// more transients in its first five minutes - while the detector is collecting its evidence.
/// </summary>
public static class OcclusionRun
{
    private const int Seeds = 20;

    public static void Run(int falseAlarmDays)
    {
        // The pressure figures through each board's signal chain (the scenario's board picks it).
        foreach (string board in SensorNoiseRun.Boards)
        {
            TimeToAlarm($"{board}, trial, 0.1 mL/h", "trial", 100, 1000, pressureSensor: true, after: "2h", board);
            TimeToAlarm($"{board}, implanted, 0.5 mL/day", "implanted", 20.833, 10_000, pressureSensor: true, after: "6h", board);
        }
        TimeToAlarm("implanted, 0.5 mL/day, motor feedback only (no pressure sensor)", "implanted", 20.833, 10_000, pressureSensor: false, after: "24h", "esp32-devkitc");
        foreach (string board in SensorNoiseRun.Boards)
        {
            Release($"{board}, trial, 0.1 mL/h", "trial", 100, pressureSensor: true, board);
            Release($"{board}, implanted, 0.5 mL/day", "implanted", 20.833, pressureSensor: true, board);
        }
        Release("implanted, 0.5 mL/day, motor feedback only", "implanted", 20.833, pressureSensor: false, "esp32-devkitc");
        FalseAlarms(falseAlarmDays);
    }

    private static Scenario Base(string mode, double rate, long concentration, ulong seed, string duration, string board = "esp32-devkitc") => new()
    {
        Name = $"occlusion-{mode}-{seed}",
        Mode = mode,
        Board = board,
        Seed = seed,
        Duration = duration,
        Drug = new DrugSpec { Name = "morphine", ConcentrationUgPerMl = concentration },
        Prescription = new PrescriptionSpec { Mode = "continuous", RateUlPerH = rate },
    };

    /// <summary>A day of ordinary life, the occlusion at a seeded waking hour, and a posture change, two coughs and a strain in its first five minutes.</summary>
    private static (List<ScenarioAction> Actions, long OccludeAt) DayWithOcclusion(ulong seed)
    {
        long occludeAt = 9 * 3_600_000L + (long)(seed * 7_777_777 % (11 * 3_600_000UL));
        var random = new OpenIdds.Simulator.Physics.SimulationRandom(seed ^ 0x0CC1);
        string At(long ms) => $"{ms}ms";
        var actions = DailyLife.Days(1, seed).Where(a => DurationText.ParseMilliseconds(a.At, "at") < occludeAt).ToList();
        actions.Add(new ScenarioAction { At = At(occludeAt), Do = "occlusion" });
        actions.Add(new ScenarioAction { At = At(occludeAt + 1 + random.NextInt(300_000)), Do = "posture", Posture = random.Chance(0.5) ? "standing" : "sitting" });
        actions.Add(new ScenarioAction { At = At(occludeAt + 1 + random.NextInt(300_000)), Do = "cough" });
        actions.Add(new ScenarioAction { At = At(occludeAt + 1 + random.NextInt(300_000)), Do = "cough" });
        actions.Add(new ScenarioAction { At = At(occludeAt + 1 + random.NextInt(300_000)), Do = "strain" });
        return (actions, occludeAt);
    }

    private static void TimeToAlarm(string label, string mode, double rate, long concentration, bool pressureSensor, string after, string board)
    {
        var times = new List<double>();
        int transientsBefore = 0;
        for (ulong seed = 1; seed <= Seeds; seed++)
        {
            var (actions, occludeAt) = DayWithOcclusion(seed);
            transientsBefore += actions.Count(a => a.Do != "occlusion" && DurationText.ParseMilliseconds(a.At, "at") < occludeAt);
            var scenario = Base(mode, rate, concentration, seed, $"{occludeAt + DurationText.ParseMilliseconds(after, "after")}ms", board) with
            {
                PressureSensor = pressureSensor,
                Actions = actions,
            };
            var result = ScenarioRunner.Run(scenario);
            var alarm = result.Events.FirstOrDefault(e => e.Source == "alarm" && e.Detail == "raised" && e.Time >= occludeAt && e.Kind is "occlusion" or "motor-stall");
            times.Add(alarm == null ? double.PositiveInfinity : (alarm.Time - occludeAt) / 60_000.0);
        }
        times.Sort();
        int alarmed = times.Count(t => !double.IsInfinity(t));
        string Minutes(double t) => double.IsInfinity(t) ? $"none within {after}" : string.Create(CultureInfo.InvariantCulture, $"{t:0.0} min");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"occlusion: time to alarm, {label}, {Seeds} seeds ({transientsBefore / (double)Seeds:0.0} posture changes, coughs and strains before each occlusion, 4 in its first 5 min): {alarmed} of {Seeds} alarmed; median {Minutes(times[Seeds / 2])}, worst {Minutes(times[^1])}"));
    }

    /// <summary>
    /// The occlusion from 2 h to 8 h, cleared at 8 h: what reaches CSF in the 30 min after the clear
    /// beyond the prescription in them (the session's release window). With a pressure sensor the pump
    /// has alarmed and taken the held strokes back; with motor feedback only it never knew.
    /// </summary>
    private static void Release(string label, string mode, double rate, bool pressureSensor, string board)
    {
        double worst = double.NegativeInfinity;
        for (ulong seed = 1; seed <= 10; seed++)
        {
            var actions = new List<ScenarioAction> { new() { At = "2h", Do = "occlusion" }, new() { At = "8h", Do = "occlusion-clear" } };
            var result = ScenarioRunner.Run(Base(mode, rate, 10_000, seed, "9h", board) with { Actions = actions, PressureSensor = pressureSensor });
            worst = Math.Max(worst, result.ReleasesAfterClear.Single().Microliters);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"occlusion: volume released in the {ScenarioSession.ReleaseWindowMilliseconds / 60_000} min after a 6 h occlusion clears, beyond the prescription, {label}, worst of 10 seeds: {worst:0.000} uL"));
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
