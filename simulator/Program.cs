using System.CommandLine;
using OpenIdds.Simulator.Cli;

// simulator                      runs the default scenario (a trial, the decision to implant, the implanted pump through a refill)
// simulator run <scenario> [--out dir]
// simulator list
// simulator serve [scenario] [--tcp PORT] [--speed X]   the virtual device a programmer talks to
// simulator sweep <scenario> --seeds 1..100 [--param path=v1,v2]... [--shard i/n | --shards n] [--jobs N] [--out dir]
// simulator merge <shard folder>... --out dir
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
var sweepScenario = new Argument<string>("scenario") { Description = "a scenario name from `list`, or a path to a scenario JSON file" };
var seedsOption = new Option<string>("--seeds") { Description = "seeds: 1..100, 7, 1,5,9 or a mix", DefaultValueFactory = _ => "1" };
var paramOption = new Option<string[]>("--param") { Description = "a scenario field by path and its values, e.g. prescription.rate_ul_per_h=50,100 (repeat for a grid)", AllowMultipleArgumentsPerToken = false };
var shardOption = new Option<string?>("--shard") { Description = "run only slice i of n (i/n): run k belongs to shard k mod n" };
var shardsOption = new Option<int?>("--shards") { Description = "the number of shards, the index from JOB_COMPLETION_INDEX (Kubernetes) or SLURM_ARRAY_TASK_ID (Slurm)" };
var jobsOption = new Option<int>("--jobs") { Description = "runs at once (default: every core)", DefaultValueFactory = _ => Environment.ProcessorCount };
var sweepOut = new Option<string?>("--out") { Description = "campaign folder (default: out/campaigns/<scenario>)" };
var sweep = new Command("sweep", "run a scenario over seeds and a grid of values on every core: per-run rows, per-cell aggregates with 95 % intervals, plots, a page") { sweepScenario, seedsOption, paramOption, shardOption, shardsOption, jobsOption, sweepOut };
sweep.SetAction(parse => SweepCommand.Execute(parse.GetValue(sweepScenario)!, parse.GetValue(seedsOption)!, parse.GetValue(paramOption) ?? Array.Empty<string>(), parse.GetValue(shardOption), parse.GetValue(shardsOption), parse.GetValue(jobsOption), parse.GetValue(sweepOut)));
var mergeFolders = new Argument<string[]>("folders") { Description = "the shard folders of one campaign", Arity = ArgumentArity.OneOrMore };
var mergeOut = new Option<string>("--out") { Description = "the merged campaign folder", Required = true };
var merge = new Command("merge", "combine the shard folders of one campaign into its aggregates, plots and page") { mergeFolders, mergeOut };
merge.SetAction(parse => MergeCommand.Execute(parse.GetValue(mergeFolders)!, parse.GetValue(mergeOut)!));
root.Subcommands.Add(sweep);
root.Subcommands.Add(merge);
root.Subcommands.Add(run);
root.Subcommands.Add(list);
root.Subcommands.Add(serve);
root.SetAction(_ => RunCommand.Execute(OpenIdds.Simulator.Scenarios.ScenarioLibrary.DefaultName, null));
return root.Parse(args).Invoke();
