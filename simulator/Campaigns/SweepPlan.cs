using System.Text.Json.Nodes;
using OpenIdds.Simulator.Scenarios;

namespace OpenIdds.Simulator.Campaigns;

/// <summary>
/// A campaign: one scenario, times every combination of the axes' values (a cell), times the seeds.
/// The runs are numbered in one fixed order (cells in the axes' order, then seeds), so a shard, a
/// merge and a single process all mean the same run by the same number.
/// </summary>
public sealed class SweepPlan
{
    public SweepPlan(string scenarioPath, IReadOnlyList<ulong> seeds, IReadOnlyList<SweepAxis> axes)
    {
        if (seeds.Count == 0) throw new ScenarioException("--seeds: no seed given");
        ScenarioPath = scenarioPath;
        Seeds = seeds;
        Axes = axes;
        _document = JsonNode.Parse(File.ReadAllText(scenarioPath), documentOptions: new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true })!.AsObject();
        var runs = new List<CampaignRun>();
        foreach (var cell in Cells())
            foreach (ulong seed in seeds)
                runs.Add(new CampaignRun(runs.Count, CellName(cell), cell, seed));
        Runs = runs;
        // Every cell's values are checked before any run starts: a bad path fails at once, naming it.
        foreach (var first in runs.GroupBy(r => r.Cell).Select(g => g.First())) Scenario(first);
    }

    private readonly JsonObject _document;
    public string ScenarioPath { get; }
    public string ScenarioName => _document["name"]?.GetValue<string>() ?? Path.GetFileNameWithoutExtension(ScenarioPath);
    public IReadOnlyList<ulong> Seeds { get; }
    public IReadOnlyList<SweepAxis> Axes { get; }
    public IReadOnlyList<CampaignRun> Runs { get; }

    /// <summary>The scenario of one run: the file with the run's values set and its seed.</summary>
    public Scenario Scenario(CampaignRun run)
    {
        var document = _document.DeepClone().AsObject();
        foreach (var (path, value) in run.Parameters) Campaigns.ScenarioPath.Set(document, path, Campaigns.ScenarioPath.Value(value));
        document["seed"] = run.Seed;
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<Scenario>(document, Scenarios.Scenario.Json) ?? throw new ScenarioException($"{ScenarioPath}: empty scenario");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new ScenarioException($"{run.Cell}: {e.Message}");
        }
    }

    private IEnumerable<List<(string, string)>> Cells()
    {
        IEnumerable<List<(string, string)>> cells = new[] { new List<(string, string)>() };
        foreach (var axis in Axes)
            cells = cells.SelectMany(c => axis.Values.Select(v => new List<(string, string)>(c) { (axis.Path, v) })).ToList();
        return cells;
    }

    public static string CellName(IEnumerable<(string Path, string Value)> cell)
    {
        string name = string.Join(";", cell.Select(p => p.Path + "=" + p.Value));
        return name.Length == 0 ? "all" : name;
    }

    /// <summary>Seeds as written: "1..100", "7", "1,5,9", or a mix ("1..3,10").</summary>
    public static IReadOnlyList<ulong> ParseSeeds(string text)
    {
        var seeds = new List<ulong>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            int dots = part.IndexOf("..", StringComparison.Ordinal);
            if (dots < 0 && ulong.TryParse(part, out ulong one)) { seeds.Add(one); continue; }
            if (dots > 0 && ulong.TryParse(part[..dots], out ulong from) && ulong.TryParse(part[(dots + 2)..], out ulong to) && from <= to && to - from < 10_000_000)
            {
                for (ulong s = from; s <= to; s++) seeds.Add(s);
                continue;
            }
            throw new ScenarioException($"--seeds: '{part}' is not a seed or a range a..b (a <= b, at most 10,000,000 seeds)");
        }
        return seeds;
    }
}
