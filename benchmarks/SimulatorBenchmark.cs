using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using OpenIdds.Simulator.Running;
using OpenIdds.Simulator.Scenarios;

namespace OpenIdds.Benchmarks;

/// <summary>
/// Simulated time per wall second: the default scenario (14 days), and one year of an implanted pump
/// with full physics (head variation and slip, line compliance, posture changes and a cough every day),
/// both running the whole firmware (therapy, supervisor, journal writes into RAM flash). One operation
/// is one whole run; simulated years per wall second = simulated years / mean.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(WholeRuns))]
public class SimulatorBenchmark
{
    /// <summary>A run is a second or more: three warm-up runs (the runtime recompiles the hot loop with profile data only after hundreds of thousands of wake-ups), then seven measured, in process.</summary>
    private sealed class WholeRuns : ManualConfig
    {
        public WholeRuns() => AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithStrategy(RunStrategy.Monitoring).WithWarmupCount(3).WithIterationCount(7));
    }

    private Scenario _default = null!;
    private Scenario _year = null!;

    [GlobalSetup]
    public void Setup()
    {
        _default = Scenario.Load(ScenarioLibrary.Resolve(ScenarioLibrary.DefaultName));
        var actions = new List<ScenarioAction>();
        for (int day = 0; day < 365; day++)
        {
            actions.Add(new ScenarioAction { At = $"{day}d7h", Do = "posture", Posture = "standing" });
            actions.Add(new ScenarioAction { At = $"{day}d9h", Do = "cough" });
            actions.Add(new ScenarioAction { At = $"{day}d22h", Do = "posture", Posture = "lying" });
        }
        _year = new Scenario
        {
            Name = "implanted-year",
            Mode = "implanted",
            Duration = "365d",
            Seed = 365,
            Drug = new DrugSpec { Name = "morphine", ConcentrationUgPerMl = 10_000 },
            Prescription = new PrescriptionSpec { Mode = "flex", Steps = { new FlexStepSpec { At = "06:00", RateUlPerH = 2.5m }, new FlexStepSpec { At = "22:00", RateUlPerH = 2.0m } } },
            Actions = actions,
        };
    }

    [Benchmark(Description = "default scenario, 14 simulated days")]
    public long DefaultScenario() => ScenarioRunner.Run(_default).WakeUps;

    [Benchmark(Description = "implanted pump, 365 simulated days, daily posture and cough")]
    public long ImplantedYear() => ScenarioRunner.Run(_year).WakeUps;
}
