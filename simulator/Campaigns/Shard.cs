using OpenIdds.Simulator.Scenarios;

namespace OpenIdds.Simulator.Campaigns;

/// <summary>
/// Which slice of a campaign this process runs: run k belongs to shard k mod n. Given as --shard i/n,
/// or as --shards n with the index from a batch engine's environment: JOB_COMPLETION_INDEX (a
/// Kubernetes Indexed Job) or SLURM_ARRAY_TASK_ID (a Slurm job array, --array=0-(n-1)).
/// </summary>
public sealed record Shard(int Index, int Count)
{
    public static readonly Shard Whole = new(0, 1);

    public static readonly string[] IndexVariables = { "JOB_COMPLETION_INDEX", "SLURM_ARRAY_TASK_ID" };

    public bool Owns(int runIndex) => runIndex % Count == Index;

    public static Shard Resolve(string? shard, int? shards, Func<string, string?> environment)
    {
        if (shard != null)
        {
            var parts = shard.Split('/');
            if (parts.Length != 2 || !int.TryParse(parts[0], out int i) || !int.TryParse(parts[1], out int n) || n < 1 || i < 0 || i >= n)
                throw new ScenarioException($"--shard: '{shard}' is not i/n with 0 <= i < n (example: 2/10)");
            return new Shard(i, n);
        }
        if (shards == null) return Whole;
        if (shards < 1) throw new ScenarioException($"--shards: {shards} is below the limit 1");
        foreach (string name in IndexVariables)
        {
            string? value = environment(name);
            if (value == null) continue;
            if (!int.TryParse(value, out int index) || index < 0 || index >= shards)
                throw new ScenarioException($"{name}: '{value}' is not a shard index 0..{shards - 1}");
            return new Shard(index, shards.Value);
        }
        throw new ScenarioException($"--shards {shards}: no shard index in the environment ({string.Join(" or ", IndexVariables)}); give --shard i/n instead");
    }

    public override string ToString() => $"{Index}/{Count}";
}
