namespace OpenIdds.Simulator.Campaigns;

/// <summary>campaign.json: what a campaign folder holds - the scenario, seeds and axes, the shard - so a merge can check that its shards belong together and cover every run.</summary>
public sealed record CampaignManifest(string Scenario, IReadOnlyList<ulong> Seeds, IReadOnlyList<SweepAxis> Axes, int TotalRuns, string Shard);
