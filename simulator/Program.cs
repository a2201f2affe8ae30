using System.CommandLine;
using OpenIdds.Simulator.Cli;

// simulator                      runs the default scenario (a trial, the decision to implant, the implanted pump through a refill)
// simulator run <scenario> [--out dir]
// simulator list
// simulator serve [scenario] [--tcp PORT] [--speed X]   the virtual device a programmer talks to
var root = new RootCommand("OpenIDDS simulator: the unchanged firmware core on virtual hardware with the pump's physics");
var scenarioArgument = new Argument<string>("scenario") { Description = "a scenario name from `list`, or a path to a scenario JSON file" };
var outOption = new Option<string?>("--out") { Description = "report folder (default: out/<scenario>)" };
var run = new Command("run", "run a scenario and write its report") { scenarioArgument, outOption };
run.SetAction(parse => RunCommand.Execute(parse.GetValue(scenarioArgument)!, parse.GetValue(outOption)));
var list = new Command("list", "list the scenario library");
list.SetAction(_ => ListCommand.Execute());
var serveScenario = new Argument<string>("scenario") { Description = "the device's scenario (default: virtual-device)", DefaultValueFactory = _ => "virtual-device" };
var tcpOption = new Option<int?>("--tcp") { Description = "serve on this TCP port of 127.0.0.1 instead of a pseudo-terminal (0 = any free port)" };
var speedOption = new Option<double>("--speed") { Description = "virtual milliseconds per wall millisecond (1 = real time)", DefaultValueFactory = _ => 1.0 };
var serve = new Command("serve", "run a virtual device on a pseudo-terminal or TCP port for a programmer (iddsctl) to talk to") { serveScenario, tcpOption, speedOption };
serve.SetAction(parse => ServeCommand.Execute(parse.GetValue(serveScenario)!, parse.GetValue(tcpOption), parse.GetValue(speedOption)));
root.Subcommands.Add(run);
root.Subcommands.Add(list);
root.Subcommands.Add(serve);
root.SetAction(_ => RunCommand.Execute(OpenIdds.Simulator.Scenarios.ScenarioLibrary.DefaultName, null));
return root.Parse(args).Invoke();
