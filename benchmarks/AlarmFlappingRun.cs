using System.Globalization;
using OpenIdds.Simulator.Running;
using OpenIdds.Simulator.Scenarios;

namespace OpenIdds.Benchmarks;

/// <summary>
/// THRESHOLD-HYSTERESIS, measured: the false-alarm run's daily life (posture changes, coughs, strains)
/// on implanted pumps with a coarse level sensor whose reservoir sits near its low threshold for days
/// (3 mL at 5 uL/h for 8 days, as `reservoir-level-wanders`), and the trial pump's cell through its
/// low voltage. Prints how often each alarm condition was raised, per simulated year: a threshold
/// condition that flaps shows as hundreds; with hysteresis each is raised about once per crossing.
/// </summary>
public static class AlarmFlappingRun
{
    public static void Run(int runs)
    {
        var raises = new SortedDictionary<string, int>(StringComparer.Ordinal);
        long simulatedDays = 0;
        var wall = System.Diagnostics.Stopwatch.StartNew();
        for (ulong seed = 1; seed <= (ulong)runs; seed++)
        {
            const int days = 8;
            var scenario = new Scenario
            {
                Name = $"flapping-{seed}",
                Mode = "implanted",
                Seed = 3000 + seed,
                Duration = $"{days}d",
                LevelSensor = true,
                ReservoirMilliliters = 3,
                Drug = new DrugSpec { Name = "morphine", ConcentrationUgPerMl = 10_000 },
                Prescription = new PrescriptionSpec { Mode = "continuous", RateUlPerH = 5 },
                Actions = DailyLife.Days(days, seed),
            };
            var result = ScenarioRunner.Run(scenario);
            foreach (var e in result.Events.Where(e => e.Source == "alarm" && e.Detail == "raised"))
                raises[e.Kind] = raises.GetValueOrDefault(e.Kind) + 1;
            simulatedDays += days;
        }
        double years = simulatedDays / 365.25;
        string table = raises.Count == 0 ? "none" : string.Join(", ", raises.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Key} {r.Value / years:0.0}")));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"flapping: alarm raises per condition per simulated year, {runs} implanted runs of {8} days (level sensor, reservoir through its low threshold, daily posture changes, coughs, strains; {simulatedDays} days = {years:0.00} years): {table} ({wall.Elapsed.TotalSeconds:0} s wall)"));
    }
}
