namespace OpenIdds.Simulator.Campaigns;

/// <summary>One run of a campaign: its place in the campaign's fixed order, its cell (the varied values) and its seed.</summary>
public sealed record CampaignRun(int Index, string Cell, IReadOnlyList<(string Path, string Value)> Parameters, ulong Seed);
