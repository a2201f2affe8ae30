using System.Diagnostics;

namespace OpenIdds.Tests.Host.Simulator;

/// <summary>
/// The README's run command as a user types it: the built `simulator` executable with no arguments
/// runs the default scenario and writes its whole report; `list` shows the library. Run as a process,
/// so the System.CommandLine wiring in simulator/Program.cs is what is tested.
/// </summary>
[TestClass]
public class SimulatorCommandLineTests
{
    private static readonly string SimulatorDll = Path.Combine(AppContext.BaseDirectory, "OpenIdds.Simulator.dll");

    public static (int Exit, string Output) Simulator(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(SimulatorDll);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(120_000)) { process.Kill(); Assert.Fail("the simulator did not finish within 2 minutes"); }
        return (process.ExitCode, output + error.Result);
    }

    [TestMethod]
    [Timeout(150_000)]
    public void With_no_arguments_it_runs_the_default_scenario_meets_its_expectations_and_writes_the_report()
    {
        string folder = Directory.CreateTempSubdirectory("openidds-sim-").FullName;
        try
        {
            var (exit, output) = Simulator(folder);
            Assert.AreEqual(0, exit, output);
            StringAssert.Contains(output, "all expectations met");
            StringAssert.Contains(output, ScenarioTests.DefaultEventLogSha256[..16]);
            string report = Path.Combine(folder, "out", "default");
            foreach (var file in new[] { "index.html", "summary.json", "events.csv", "delivery.csv", "balance.csv", "delivery.png", "delivery-error.png", "reservoir.png", "pressure.png", "trumpet.png" })
                Assert.IsTrue(new FileInfo(Path.Combine(report, file)).Length > 0, $"{file} is missing or empty in {report}");
            StringAssert.Contains(File.ReadAllText(Path.Combine(report, "index.html")), "trumpet.png");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    [Timeout(60_000)]
    public void List_names_the_default_scenario_and_an_unknown_scenario_is_an_error_naming_it()
    {
        string folder = Directory.CreateTempSubdirectory("openidds-sim-").FullName;
        try
        {
            var (exit, output) = Simulator(folder, "list");
            Assert.AreEqual(0, exit, output);
            StringAssert.Contains(output, "default");
            StringAssert.Contains(output, "occlusion-trial");
            var (badExit, badOutput) = Simulator(folder, "run", "no-such-scenario");
            Assert.AreNotEqual(0, badExit, badOutput);
            StringAssert.Contains(badOutput, "no-such-scenario");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
