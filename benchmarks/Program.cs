using BenchmarkDotNet.Running;
using OpenIdds.Benchmarks;

// dotnet run -c Release --project benchmarks -- [scheduler|accuracy|footprint|flash [days]|simulator|occlusion [days]|fuzz [frames]|flood [hours]|all] [BenchmarkDotNet args]
string what = args.Length > 0 ? args[0] : "all";
if (what is "accuracy" or "all") AccuracyRun.Run(seed: 2026, years: 10);
if (what is "footprint" or "all") FootprintRun.Run();
if (what is "simulator" or "all") SimulatorSpeedRun.Run();
if (what is "flash" or "all") FlashBudgetRun.Run(days: args.Length > 1 && what == "flash" ? int.Parse(args[1]) : 60);
if (what is "fuzz" or "all") FuzzRun.Run(frames: args.Length > 1 && what == "fuzz" ? int.Parse(args[1]) : 1_000_000);
if (what is "occlusion" or "all") OcclusionRun.Run(falseAlarmDays: args.Length > 1 && what == "occlusion" ? int.Parse(args[1]) : 10_000);
if (what is "flood" or "all") LineFloodRun.Run(hours: args.Length > 1 && what == "flood" ? int.Parse(args[1]) : 2);
if (what is "scheduler" or "all") BenchmarkRunner.Run<SchedulerBenchmark>(args: args.Skip(1).ToArray());
