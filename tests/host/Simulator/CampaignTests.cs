using OpenIdds.Simulator.Campaigns;
using OpenIdds.Simulator.Scenarios;

namespace OpenIdds.Tests.Host.Simulator;

/// <summary>
/// Verification campaigns (`simulator sweep`, `simulator merge`): a scenario over seeds and a grid of
/// values, deterministic run by run, sliced into shards that merge into the same aggregates, byte for
/// byte, as one process gives.
/// </summary>
[TestClass]
public class CampaignTests
{
    private static readonly string[] TwoByTwo = { "sweep", "posture-and-cough", "--seeds", "1..2", "--param", "prescription.rate_ul_per_h=50,100", "--jobs", "2" };

    [TestMethod]
    [Timeout(300_000)]
    public void One_command_runs_a_two_seed_by_two_rate_sweep_and_writes_every_output()
    {
        string folder = Directory.CreateTempSubdirectory("openidds-campaign-").FullName;
        try
        {
            var (exit, output) = SimulatorCommandLineTests.Simulator(folder, TwoByTwo.Append("--out").Append("campaign").ToArray());
            Assert.AreEqual(0, exit, output);
            StringAssert.Contains(output, "4 runs in 2 cells");
            string campaign = Path.Combine(folder, "campaign");
            foreach (string file in new[] { "campaign.json", "runs.csv", "runs.json", "aggregates.csv", "aggregates.json", "index.html", "delivery-error-histogram.png", "delivery-error-ecdf.png" })
                Assert.IsTrue(File.Exists(Path.Combine(campaign, file)), file);
            string[] aggregates = File.ReadAllLines(Path.Combine(campaign, "aggregates.csv"));
            Assert.AreEqual(3, aggregates.Length, string.Join("\n", aggregates));
            StringAssert.StartsWith(aggregates[1], "\"prescription.rate_ul_per_h=50\",2,");
            // The scenario's expectations were written for 100 uL/h: a pass rate, per cell.
            var cells = File.ReadAllLines(Path.Combine(campaign, "aggregates.csv")).Skip(1).Select(l => l.Split(',')).ToList();
            Assert.AreEqual("2", cells[1][9], "both 100 uL/h runs meet the scenario's expectations");
            Assert.AreEqual(4, File.ReadAllLines(Path.Combine(campaign, "runs.csv")).Length - 1);
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [TestMethod]
    [Timeout(300_000)]
    public void One_process_and_three_merged_shards_give_byte_identical_aggregates()
    {
        string folder = Directory.CreateTempSubdirectory("openidds-shards-").FullName;
        try
        {
            var plan = new SweepPlan(ScenarioLibrary.Resolve("posture-and-cough"), SweepPlan.ParseSeeds("1..2"), new[] { SweepAxis.Parse("prescription.rate_ul_per_h=50,100") });
            var manifest = new CampaignManifest(plan.ScenarioName, plan.Seeds, plan.Axes, plan.Runs.Count, "0/1");
            CampaignWriter.Write(manifest, CampaignRunner.Run(plan, Shard.Whole, 2), Path.Combine(folder, "one"), aggregates: true);
            var shards = new List<string>();
            for (int i = 0; i < 3; i++)
            {
                string shard = Path.Combine(folder, "shard" + i);
                CampaignWriter.Write(manifest with { Shard = $"{i}/3" }, CampaignRunner.Run(plan, new Shard(i, 3), 1), shard, aggregates: false);
                shards.Add(shard);
            }
            var (merged, runs) = CampaignMerge.Read(shards);
            CampaignWriter.Write(merged, runs, Path.Combine(folder, "merged"), aggregates: true);
            foreach (string file in new[] { "aggregates.csv", "aggregates.json", "runs.csv", "runs.json" })
                CollectionAssert.AreEqual(File.ReadAllBytes(Path.Combine(folder, "one", file)), File.ReadAllBytes(Path.Combine(folder, "merged", file)), file);

            var missing = Assert.ThrowsExactly<ScenarioException>(() => CampaignMerge.Read(new[] { shards[0], shards[2] }));
            StringAssert.Contains(missing.Message, "runs 1 are in no shard folder");
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [TestMethod]
    public void The_shard_comes_from_the_command_line_or_a_batch_engines_index_variable()
    {
        Assert.AreEqual(new Shard(2, 10), Shard.Resolve("2/10", null, _ => null));
        Assert.AreEqual(new Shard(3, 4), Shard.Resolve(null, 4, n => n == "JOB_COMPLETION_INDEX" ? "3" : null));
        Assert.AreEqual(new Shard(1, 4), Shard.Resolve(null, 4, n => n == "SLURM_ARRAY_TASK_ID" ? "1" : null));
        Assert.AreEqual(Shard.Whole, Shard.Resolve(null, null, _ => "7"));
        StringAssert.Contains(Assert.ThrowsExactly<ScenarioException>(() => Shard.Resolve("3/3", null, _ => null)).Message, "--shard: '3/3'");
        StringAssert.Contains(Assert.ThrowsExactly<ScenarioException>(() => Shard.Resolve(null, 4, _ => null)).Message, "JOB_COMPLETION_INDEX");
        Assert.IsTrue(new Shard(1, 3).Owns(4) && !new Shard(1, 3).Owns(5));
    }

    [TestMethod]
    public void Intervals_are_the_exact_Poisson_and_the_Wilson_score_ones()
    {
        // No events in 3,000 patient-years: the 95 % upper bound is 3.689 events, 1.23 per 1,000 patient-years.
        var (low, high) = ConfidenceInterval.PoissonMean(0);
        Assert.AreEqual(0, low);
        Assert.AreEqual(3.6889, high, 0.0001);
        var (low5, high5) = ConfidenceInterval.PoissonMean(5);
        Assert.AreEqual(1.6235, low5, 0.0001);
        Assert.AreEqual(11.6683, high5, 0.0001);
        var (wl, wh) = ConfidenceInterval.Wilson(10, 10);
        Assert.AreEqual(0.7225, wl, 0.0001);
        Assert.AreEqual(1.0, wh, 1e-12);
    }

    [TestMethod]
    public void A_bad_seed_range_value_path_or_field_is_an_error_naming_it()
    {
        StringAssert.Contains(Assert.ThrowsExactly<ScenarioException>(() => SweepPlan.ParseSeeds("5..2")).Message, "'5..2'");
        StringAssert.Contains(Assert.ThrowsExactly<ScenarioException>(() => SweepAxis.Parse("prescription.rate_ul_per_h")).Message, "path=value");
        string scenario = ScenarioLibrary.Resolve("posture-and-cough");
        var unknown = Assert.ThrowsExactly<ScenarioException>(() => new SweepPlan(scenario, new ulong[] { 1 }, new[] { SweepAxis.Parse("prescription.rate_per_hour=5") }));
        StringAssert.Contains(unknown.Message, "rate_per_hour");
        var index = Assert.ThrowsExactly<ScenarioException>(() => new SweepPlan(scenario, new ulong[] { 1 }, new[] { SweepAxis.Parse("actions.99.at=2h") }));
        StringAssert.Contains(index.Message, "actions.99.at");
    }

    [TestMethod]
    [Timeout(300_000)]
    public void Time_to_alarm_counts_from_the_scenarios_fault_and_each_alarm_condition_gets_its_own_rate()
    {
        var plan = new SweepPlan(ScenarioLibrary.Resolve("occlusion-day-trial"), SweepPlan.ParseSeeds("1..2"), Array.Empty<SweepAxis>());
        var outcomes = CampaignRunner.Run(plan, Shard.Whole, 2);
        foreach (var run in outcomes)
        {
            Assert.AreEqual("occlusion", run.FirstAlarm, "the first alarm at or after the occlusion");
            Assert.IsTrue(run.FirstAlarmMilliseconds is > 0 and < 15 * 60_000, $"time to alarm {run.FirstAlarmMilliseconds} ms counts from the occlusion at 14 h, not from the start");
        }
        var rates = AlarmRate.Of(outcomes);
        var occlusion = rates.Single(r => r.Alarm == "occlusion");
        Assert.AreEqual(2L, occlusion.Raises);
        Assert.IsTrue(occlusion.Low < occlusion.PerPatientYear && occlusion.PerPatientYear < occlusion.High, "a 95 % interval around the rate");
        Assert.AreEqual(outcomes.Sum(o => o.AlarmsRaised.Count), rates.Sum(r => r.Raises), "every raise is in one condition's row");

        var release = new SweepPlan(ScenarioLibrary.Resolve("occlusion-release"), SweepPlan.ParseSeeds("1"), new[] { SweepAxis.Parse("pressure_sensor=true,false") });
        var cells = CellAggregate.Of(CampaignRunner.Run(release, Shard.Whole, 2));
        Assert.IsTrue(cells[0].ReleaseMaxMicroliters < 5, $"with the sensor the pump alarmed and took the held strokes back: {cells[0].ReleaseMaxMicroliters} uL");
        Assert.IsTrue(cells[1].ReleaseMaxMicroliters > 5, $"motor feedback only never knew: {cells[1].ReleaseMaxMicroliters} uL");
    }
}
