using System.Diagnostics;
using OpenIdds.Simulator.Campaigns;
using OpenIdds.Simulator.Scenarios;

namespace OpenIdds.Measurements;

/// <summary>
/// Campaign throughput: the false-alarm scenario (a year of an implanted pump through ordinary days)
/// over N seeds, first on one core, then on every core: simulated patient-years per wall second, the
/// parallel efficiency, the memory one worker holds, and from those the wall time of a 3,000
/// patient-year campaign here, on a 16-core machine and on ten of them (projected: throughput scales
/// with cores at the efficiency measured here, and shards share nothing but the merge).
/// </summary>
public static class CampaignRun
{
    public static void Run(int seeds)
    {
        var plan = new SweepPlan(ScenarioLibrary.Resolve("false-alarm-year"), SweepPlan.ParseSeeds($"1..{seeds}"), Array.Empty<SweepAxis>());
        int cores = Environment.ProcessorCount;
        GC.Collect();
        long baseline = Process.GetCurrentProcess().WorkingSet64;
        var (oneRate, oneYears, oneAlarms) = Measure(plan, 1);
        long peak = Process.GetCurrentProcess().PeakWorkingSet64;
        var (allRate, _, _) = Measure(plan, cores);
        double efficiency = allRate / (oneRate * cores);
        Console.WriteLine($"campaign: false-alarm-year x {seeds} seeds = {oneYears:0.#} patient-years, {oneAlarms} alarm raises");
        Console.WriteLine($"campaign: 1 core {oneRate:0.###} patient-years per wall second; {cores} cores {allRate:0.###} (efficiency {100 * efficiency:0} %)");
        Console.WriteLine($"campaign: memory per worker about {(peak - baseline) / 1_048_576.0:0} MiB (peak working set of the one-core run over the process before it)");
        Console.WriteLine($"campaign: 3,000 patient-years: {3000 / allRate / 60:0} min on this machine ({cores} cores), projected {3000 / (oneRate * 16 * efficiency) / 60:0.#} min on 16 cores and {3000 / (oneRate * 160 * efficiency) / 60:0.##} min on ten such machines (one shard each)");
    }

    private static (double PatientYearsPerSecond, double PatientYears, long Alarms) Measure(SweepPlan plan, int jobs)
    {
        var wall = Stopwatch.StartNew();
        var outcomes = CampaignRunner.Run(plan, Shard.Whole, jobs);
        wall.Stop();
        double years = outcomes.Sum(o => o.SimulatedDays) / 365.25;
        return (years / wall.Elapsed.TotalSeconds, years, outcomes.Sum(o => (long)o.AlarmsRaised.Count));
    }
}
