using OpenIdds.Simulator.Scenarios;

namespace OpenIdds.Simulator.Campaigns;

/// <summary>Combines shard folders of one campaign into the campaign's outputs: the same manifest, every run exactly once.</summary>
public static class CampaignMerge
{
    public static (CampaignManifest Manifest, IReadOnlyList<RunOutcome> Runs) Read(IReadOnlyList<string> folders)
    {
        if (folders.Count == 0) throw new ScenarioException("merge: no shard folder given");
        var manifests = folders.Select(CampaignWriter.ReadManifest).ToList();
        var first = manifests[0];
        for (int i = 1; i < manifests.Count; i++)
        {
            var m = manifests[i];
            if (m.Scenario != first.Scenario || m.TotalRuns != first.TotalRuns || !m.Seeds.SequenceEqual(first.Seeds)
                || m.Axes.Count != first.Axes.Count || !m.Axes.Zip(first.Axes).All(p => p.First.Path == p.Second.Path && p.First.Values.SequenceEqual(p.Second.Values)))
                throw new ScenarioException($"merge: {folders[i]} is shard {m.Shard} of another campaign than {folders[0]}");
        }
        var runs = folders.SelectMany(CampaignWriter.ReadRuns).OrderBy(r => r.Index).ToList();
        var duplicate = runs.GroupBy(r => r.Index).FirstOrDefault(g => g.Count() > 1);
        if (duplicate != null) throw new ScenarioException($"merge: run {duplicate.Key} is in more than one shard folder");
        var missing = Enumerable.Range(0, first.TotalRuns).Except(runs.Select(r => r.Index)).Take(5).ToList();
        if (missing.Count > 0) throw new ScenarioException($"merge: runs {string.Join(", ", missing)} are in no shard folder (a shard is missing or failed)");
        return (first with { Shard = "merged from " + string.Join(", ", manifests.Select(m => m.Shard)) }, runs);
    }
}
