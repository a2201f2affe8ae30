using System.Diagnostics;
using OpenIdds.Simulator.Campaigns;
using OpenIdds.Simulator.Scenarios;
using Spectre.Console;

namespace OpenIdds.Simulator.Cli;

/// <summary>`simulator sweep`: a scenario times seeds times a grid of values, on every core, with a progress bar and an ETA.</summary>
public static class SweepCommand
{
    public static int Execute(string scenarioName, string seeds, string[] parameters, string? shard, int? shards, int jobs, string? outFolder)
    {
        SweepPlan plan;
        Shard slice;
        try
        {
            string path = ScenarioLibrary.Resolve(scenarioName);
            plan = new SweepPlan(path, SweepPlan.ParseSeeds(seeds), parameters.Select(SweepAxis.Parse).ToList());
            slice = Shard.Resolve(shard, shards, Environment.GetEnvironmentVariable);
        }
        catch (InputException e)
        {
            AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
            return 2;
        }
        string folder = outFolder ?? Path.Combine("out", "campaigns", plan.ScenarioName + (slice.Count > 1 ? $"-shard{slice.Index}of{slice.Count}" : ""));
        int mine = plan.Runs.Count(r => slice.Owns(r.Index));
        AnsiConsole.MarkupLine($"{Markup.Escape(plan.ScenarioName)}: {plan.Runs.Count} runs in {plan.Runs.Select(r => r.Cell).Distinct().Count()} cells; shard {slice}: {mine} runs on {jobs} cores");
        var wall = Stopwatch.StartNew();
        IReadOnlyList<RunOutcome> outcomes = Array.Empty<RunOutcome>();
        try
        {
            if (AnsiConsole.Profile.Capabilities.Interactive)
                AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                    .Start(ctx =>
                    {
                        var task = ctx.AddTask("runs", maxValue: Math.Max(1, mine));
                        outcomes = CampaignRunner.Run(plan, slice, jobs, (done, _) => task.Value = done);
                    });
            else
                outcomes = CampaignRunner.Run(plan, slice, jobs, (done, total) => { if (done == total || done % Math.Max(1, total / 10) == 0) Console.WriteLine($"{done}/{total} runs, {wall.Elapsed.TotalSeconds:0} s"); });
        }
        catch (InputException e)
        {
            AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
            return 2;
        }
        var manifest = new CampaignManifest(plan.ScenarioName, plan.Seeds, plan.Axes, plan.Runs.Count, slice.ToString());
        var cells = CampaignWriter.Write(manifest, outcomes, folder, aggregates: slice.Count == 1);
        double years = outcomes.Sum(o => o.SimulatedDays) / 365.25;
        AnsiConsole.MarkupLine($"{outcomes.Count} runs, {years:0.###} patient-years in {wall.Elapsed.TotalSeconds:0.0} s ({years / Math.Max(1e-9, wall.Elapsed.TotalSeconds):0.###} patient-years per wall second)");
        AnsiConsole.MarkupLine(slice.Count == 1
            ? $"report: {Markup.Escape(Path.GetFullPath(Path.Combine(folder, "index.html")))}"
            : $"shard written to {Markup.Escape(Path.GetFullPath(folder))}: combine the shards with `simulator merge`");
        return 0;
    }
}
