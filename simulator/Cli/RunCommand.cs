using System.Diagnostics;
using System.Globalization;
using OpenIdds.Simulator.Reporting;
using OpenIdds.Simulator.Running;
using OpenIdds.Simulator.Scenarios;
using Spectre.Console;

namespace OpenIdds.Simulator.Cli;

/// <summary>`simulator run`: run a scenario with a progress bar, print a summary table, write the report.</summary>
public static class RunCommand
{
    public static int Execute(string scenarioName, string? outFolder)
    {
        Scenario scenario;
        string path;
        try
        {
            path = ScenarioLibrary.Resolve(scenarioName);
            scenario = Scenario.Load(path);
        }
        catch (InputException e)
        {
            AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
            return 2;
        }

        ScenarioResult? result = null;
        var wall = Stopwatch.StartNew();
        try
        {
            AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask($"{scenario.Name} ({scenario.Duration} simulated)", maxValue: 1.0);
                    result = ScenarioRunner.Run(scenario, fraction => task.Value = fraction);
                });
        }
        catch (InputException e)
        {
            AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
            return 2;
        }
        wall.Stop();

        var failures = Expectation.LoadBeside(path)?.Check(result!) ?? new List<string>();
        string folder = outFolder ?? Path.Combine("out", scenario.Name);
        ReportWriter.Write(result!, failures, folder);
        Print(result!, failures, folder, wall.Elapsed);
        return failures.Count == 0 ? 0 : 1;
    }

    private static void Print(ScenarioResult r, IReadOnlyList<string> failures, string folder, TimeSpan wall)
    {
        string U(double microliters) => microliters.ToString("0.000", CultureInfo.InvariantCulture) + " uL";
        var table = new Table().Title($"[bold]{Markup.Escape(r.Scenario)}[/]").AddColumn("quantity").AddColumn(new TableColumn("value").RightAligned()).AddColumn("source");
        table.AddRow("board", r.Board, "scenario board field: pin numbering");
        table.AddRow("prescribed", U(r.PrescribedMicroliters), "exact integral of the prescriptions");
        table.AddRow("delivered (computed)", U(r.ComputedDeliveredMicroliters), "firmware: steps x calibration");
        table.AddRow("pumped (measured)", U(r.PumpedMicroliters), "physics: STEP pin edges x true strokes");
        table.AddRow("reached CSF (measured)", U(r.ToCsfMicroliters), "physics: catheter tip");
        table.AddRow("computed - prescribed", (r.SchedulerErrorPicoliters / 1000.0).ToString("0.000", CultureInfo.InvariantCulture) + " nL", "scheduler error");
        table.AddRow("steps taken / missed", $"{r.StepsTaken} / {r.StepsMissed}", "firmware");
        table.AddRow("alarms", r.Events.Count(e => e.Source == "alarm").ToString(CultureInfo.InvariantCulture), "alarm system");
        table.AddRow("end state", r.EndState, "firmware");
        table.AddRow("events", r.Events.Count.ToString(CultureInfo.InvariantCulture), "event log SHA-256 " + r.EventLogHash[..16] + "...");
        table.AddRow("wall time", $"{wall.TotalMilliseconds:0} ms for {r.DurationMilliseconds / 86_400_000.0:0.##} simulated days ({r.WakeUps} wake-ups)", "this machine");
        AnsiConsole.Write(table);
        foreach (string f in failures) AnsiConsole.MarkupLine($"[red]expectation not met:[/] {Markup.Escape(f)}");
        if (failures.Count == 0) AnsiConsole.MarkupLine("[green]all expectations met[/]");
        AnsiConsole.MarkupLine($"report: {Markup.Escape(Path.GetFullPath(Path.Combine(folder, "index.html")))}");
    }
}
