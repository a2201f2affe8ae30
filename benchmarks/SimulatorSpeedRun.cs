using System.Diagnostics;
using OpenIdds.Simulator.Running;
using OpenIdds.Simulator.Scenarios;

namespace OpenIdds.Benchmarks;

/// <summary>
/// Simulated time per wall second, on one core: the default scenario, and one year of an implanted
/// pump with full physics (head variation and slip, line compliance, posture and coughs every day),
/// both running the whole firmware (therapy, supervisor, journal writes into RAM flash).
/// </summary>
public static class SimulatorSpeedRun
{
    public static void Run()
    {
        // One core, as the goal is stated: the figure must not lean on the second one.
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows()) Process.GetCurrentProcess().ProcessorAffinity = 1;
        Measure(Scenario.Load(ScenarioLibrary.Resolve(ScenarioLibrary.DefaultName)));
        var actions = new List<ScenarioAction>();
        for (int day = 0; day < 365; day++)
        {
            actions.Add(new ScenarioAction { At = $"{day}d7h", Do = "posture", Posture = "standing" });
            actions.Add(new ScenarioAction { At = $"{day}d9h", Do = "cough" });
            actions.Add(new ScenarioAction { At = $"{day}d22h", Do = "posture", Posture = "lying" });
        }
        Measure(new Scenario
        {
            Name = "implanted-year",
            Mode = "implanted",
            Duration = "365d",
            Seed = 365,
            Drug = new DrugSpec { Name = "morphine", ConcentrationUgPerMl = 10_000 },
            Prescription = new PrescriptionSpec { Mode = "flex", Steps = { new FlexStepSpec { At = "06:00", RateUlPerH = 2.5m }, new FlexStepSpec { At = "22:00", RateUlPerH = 2.0m } } },
            Actions = actions,
        });
    }

    private const double WarmUpDays = 365;
    private const int MinimumRuns = 5;

    /// <summary>
    /// Cold first run (printed, so the JIT's share is visible), then warm-up runs until a simulated year
    /// has gone by, then the median of as many runs again (at least five): the steady-state figure, as
    /// BenchmarkDotNet would take it after its warm-up. The runtime recompiles the hot loop with profile
    /// data only after hundreds of thousands of wake-ups, so a short warm-up would time the JIT.
    /// </summary>
    private static void Measure(Scenario scenario)
    {
        var cold = Stopwatch.StartNew();
        var result = ScenarioRunner.Run(scenario);
        cold.Stop();
        double days = result.DurationMilliseconds / 86_400_000.0;
        int runs = Math.Max(MinimumRuns, (int)Math.Ceiling(WarmUpDays / days));
        for (int i = 1; i < runs; i++) ScenarioRunner.Run(scenario);
        var seconds = new double[runs];
        for (int i = 0; i < runs; i++)
        {
            var wall = Stopwatch.StartNew();
            result = ScenarioRunner.Run(scenario);
            seconds[i] = wall.Elapsed.TotalSeconds;
        }
        Array.Sort(seconds);
        double median = seconds[runs / 2];
        double years = days / 365.0;
        Console.WriteLine($"simulator: {scenario.Name}: {days:0} simulated days in {median:0.000} s wall (median of {runs} runs, range {seconds[0]:0.000}-{seconds[^1]:0.000} s; cold first run {cold.Elapsed.TotalSeconds:0.000} s) = {years / median:0.00} simulated years per wall second ({result.WakeUps} wake-ups, {result.StepsTaken} steps)");
    }
}
