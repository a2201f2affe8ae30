using BenchmarkDotNet.Running;
using OpenIdds.Benchmarks;

// dotnet run -c Release --project benchmarks -- [scheduler|simulator] [BenchmarkDotNet args]
// Timings only, measured by BenchmarkDotNet; counts, bounds and sizes are in measurements/, statistics in simulator campaigns.
string what = args.Length > 0 ? args[0] : "all";
string[] rest = args.Skip(1).ToArray();
if (what is "scheduler" or "all") BenchmarkRunner.Run<SchedulerBenchmark>(args: rest);
if (what is "simulator" or "all") BenchmarkRunner.Run<SimulatorBenchmark>(args: rest);
