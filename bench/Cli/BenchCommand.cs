using System.CommandLine;
using OpenIdds.Bench.Balance;

namespace OpenIdds.Bench.Cli;

/// <summary>
/// The `bench` tool: `record` reads a real balance over a serial port into a CSV, `analyze` turns a CSV
/// (real or the simulator's) into an IEC 60601-2-24-style accuracy report, `compare` separates mechanism
/// error from scheduling error against the pump's own log. <see cref="Run"/> is the entry point, for
/// Program.cs and for tests that drive the tool in-process with their own writers and clock.
/// </summary>
public static class BenchCommand
{
    public static RootCommand Build(IBenchClock? clock = null)
    {
        var root = new RootCommand("OpenIDDS bench: delivery accuracy from a lab balance, IEC 60601-2-24 style");
        root.Subcommands.Add(RecordCommand.Build(clock ?? new WallClock()));
        root.Subcommands.Add(AnalyzeCommand.Build());
        root.Subcommands.Add(CompareCommand.Build());
        root.Subcommands.Add(DriftCommand.Build());
        return root;
    }

    /// <returns>the exit code: 0 done (analyze: PASS), 1 analyze FAIL, 2 bad input or no balance.</returns>
    public static int Run(string[] args, TextWriter? output = null, TextWriter? error = null, IBenchClock? clock = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var parse = Build(clock).Parse(args);
        // A mistyped option is bad input like a bad file: 2, not the 1 that means FAIL.
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) error.WriteLine($"error: {e.Message}");
            error.WriteLine("see: bench --help, bench <command> --help");
            return 2;
        }
        return parse.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
