using System.Threading;
using System.Threading.Tasks;
using OpenIdds.Simulator.Running;
using OpenIdds.Simulator.Scenarios;

namespace OpenIdds.Simulator.Campaigns;

/// <summary>Runs a shard of a campaign on up to <c>jobs</c> cores. Each run is deterministic for its seed and values, so the order the cores finish in changes nothing.</summary>
public static class CampaignRunner
{
    public static IReadOnlyList<RunOutcome> Run(SweepPlan plan, Shard shard, int jobs, Action<int, int>? progress = null)
    {
        var mine = plan.Runs.Where(r => shard.Owns(r.Index)).ToList();
        var expectation = Expectation.LoadBeside(plan.ScenarioPath);
        var outcomes = new RunOutcome[mine.Count];
        int done = 0;
        Parallel.For(0, mine.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs) }, i =>
        {
            var run = mine[i];
            var scenario = plan.Scenario(run);
            var result = ScenarioRunner.Run(scenario);
            outcomes[i] = RunOutcome.Of(run, scenario, result, expectation?.Check(result));
            progress?.Invoke(Interlocked.Increment(ref done), mine.Count);
        });
        return outcomes;
    }
}
