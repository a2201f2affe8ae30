using System.CommandLine;
using OpenIdds.Simulator.Cli;

// simulator                      runs the default scenario (a trial, the decision to implant, the implanted pump through a refill)
// simulator run <scenario> [--out dir]
// simulator list
var root = new RootCommand("OpenIDDS simulator: the unchanged firmware core on virtual hardware with the pump's physics");
var scenarioArgument = new Argument<string>("scenario") { Description = "a scenario name from `list`, or a path to a scenario JSON file" };
var outOption = new Option<string?>("--out") { Description = "report folder (default: out/<scenario>)" };
var run = new Command("run", "run a scenario and write its report") { scenarioArgument, outOption };
run.SetAction(parse => RunCommand.Execute(parse.GetValue(scenarioArgument)!, parse.GetValue(outOption)));
var list = new Command("list", "list the scenario library");
list.SetAction(_ => ListCommand.Execute());
root.Subcommands.Add(run);
root.Subcommands.Add(list);
root.SetAction(_ => RunCommand.Execute(OpenIdds.Simulator.Scenarios.ScenarioLibrary.DefaultName, null));
return root.Parse(args).Invoke();
