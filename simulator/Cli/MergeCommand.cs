using OpenIdds.Simulator.Campaigns;
using OpenIdds.Simulator.Scenarios;
using Spectre.Console;

namespace OpenIdds.Simulator.Cli;

/// <summary>`simulator merge`: the shard folders of one campaign into its aggregates, plots and page.</summary>
public static class MergeCommand
{
    public static int Execute(string[] folders, string outFolder)
    {
        try
        {
            var (manifest, runs) = CampaignMerge.Read(folders);
            var cells = CampaignWriter.Write(manifest, runs, outFolder, aggregates: true);
            AnsiConsole.MarkupLine($"{runs.Count} runs from {folders.Length} shard folders; report: {Markup.Escape(Path.GetFullPath(Path.Combine(outFolder, "index.html")))}");
            return 0;
        }
        catch (Exception e) when (e is InputException or IOException or System.Text.Json.JsonException)
        {
            AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
            return 2;
        }
    }
}
