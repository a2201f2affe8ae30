using OpenIdds.Simulator.Scenarios;
using Spectre.Console;

namespace OpenIdds.Simulator.Cli;

/// <summary>`simulator list`: the scenario library, one line each.</summary>
public static class ListCommand
{
    public static int Execute()
    {
        var table = new Table().AddColumn("scenario").AddColumn("mode").AddColumn("duration").AddColumn("what it shows");
        foreach (string path in ScenarioLibrary.Paths())
        {
            var s = Scenario.Load(path);
            table.AddRow(Markup.Escape(Path.GetFileNameWithoutExtension(path)), s.Mode, s.Duration, Markup.Escape(s.Description));
        }
        AnsiConsole.Write(table);
        return 0;
    }
}
