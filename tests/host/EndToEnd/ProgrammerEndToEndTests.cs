using System.Threading;
using OpenIdds.Firmware.Safety;
using OpenIdds.Programmer.Cli;
using OpenIdds.Simulator.Device;
using OpenIdds.Simulator.Scenarios;

namespace OpenIdds.Tests.Host.EndToEnd;

/// <summary>
/// iddsctl against the simulator's virtual device over a real pseudo-terminal, exactly as a clinician
/// would against a board on /dev/ttyUSB0: program, bolus, bolus refused in lockout, refill, alarm and
/// reset, log export. The device runs on its own thread at 600x real time; iddsctl opens the pty's
/// slave with System.IO.Ports. Each test has its own device, key file and output.
/// </summary>
[TestClass]
public class ProgrammerEndToEndTests
{
    internal sealed class Bench : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Thread _thread;
        public readonly VirtualLinkPort Port;
        public readonly VirtualDevice Device;
        public readonly string Folder = Path.Combine(Path.GetTempPath(), $"openidds-e2e-{Guid.NewGuid():N}");

        public Bench(bool tcp = false)
        {
            if (!tcp && !OperatingSystem.IsLinux()) Assert.Inconclusive("pseudo-terminals from libc openpty: Linux");
            Directory.CreateDirectory(Folder);
            Port = tcp ? VirtualLinkPort.Tcp(0) : VirtualLinkPort.PseudoTerminal();
            Device = new VirtualDevice(Scenario.Load(ScenarioLibrary.Resolve("virtual-device")), Port, speed: 600);
            _thread = new Thread(() => Device.Run(_stop.Token)) { IsBackground = true, Name = "virtual device" };
            _thread.Start();
            Assert.AreEqual(0, Run("keys", "dev", "--device", "SIM-0001").Exit);
            // The catheter primes for 15 virtual minutes (1.5 s here) before a bolus may be given.
            WaitFor(() => !Device.Session.Pump.Pump.Therapy.Flushing, "the priming bolus to end");
        }

        public string KeyFile => Path.Combine(Folder, "keys.json");

        /// <summary>Runs iddsctl with these arguments (and typed answers); returns its exit code and everything it printed.</summary>
        public (int Exit, string Output) Run(string[] args, string answers = "")
        {
            var output = new StringWriter();
            var all = new[] { "--port", Port.Address, "--keys", KeyFile, "--timeout", "5" }.Concat(args).ToArray();
            int exit = IddsCtl.Run(all, output, new StringReader(answers));
            return (exit, output.ToString());
        }

        public (int Exit, string Output) Run(params string[] args) => Run(args, "");

        public static void WaitFor(Func<bool> condition, string what)
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (!condition())
            {
                if (DateTime.UtcNow > deadline) Assert.Fail($"timed out waiting for {what}");
                Thread.Sleep(20);
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _thread.Join(5000);
            Port.Dispose();
            Directory.Delete(Folder, recursive: true);
        }
    }

    private static string Flat(string text) => string.Join(" ", text.Split((char[])['\n', '\r', ' ', '│'], StringSplitOptions.RemoveEmptyEntries));

    [TestMethod]
    [Timeout(60_000)]
    public void Status_shows_the_therapy_the_computed_reservoir_and_that_nothing_is_measured()
    {
        using var bench = new Bench();
        var (exit, output) = bench.Run("status");
        Assert.AreEqual(0, exit, output);
        string flat = Flat(output);
        StringAssert.Contains(flat, "SIM-0001 - implanted pump, running");
        StringAssert.Contains(flat, "morphine 10000 ug/mL, continuous 20.000 uL/h");
        StringAssert.Contains(flat, "reservoir (computed)");
        StringAssert.Contains(flat, "not measured (no level sensor)");
        StringAssert.Contains(flat, "still uses development keys");
    }

    [TestMethod]
    [Timeout(60_000)]
    public void The_virtual_device_serves_the_same_protocol_on_a_tcp_port()
    {
        using var bench = new Bench(tcp: true);
        StringAssert.StartsWith(bench.Port.Address, "tcp://127.0.0.1:");
        var (exit, output) = bench.Run("status");
        Assert.AreEqual(0, exit, output);
        StringAssert.Contains(Flat(output), "SIM-0001 - implanted pump, running");
        Assert.AreEqual(0, bench.Run("bolus").Exit);
    }

    [TestMethod]
    [Timeout(60_000)]
    public void Program_reviews_needs_the_soft_limit_confirmed_then_commits()
    {
        using var bench = new Bench();
        string file = Path.Combine(bench.Folder, "higher.json");
        File.WriteAllText(file, """
            { "drug": "morphine", "concentration_ug_per_ml": 10000, "mode": "continuous", "rate_ul_per_h": 45,
              "patient_bolus": { "dose_ug": 100, "duration": "10m", "lockout": "2h", "max_per_24h": 4 } }
            """);
        // 45 uL/h is 10.8 mg a day: above the 10 mg soft limit and more than twice the running 4.8 mg.
        var declined = bench.Run(["program", file], "n\n");
        Assert.AreEqual(1, declined.Exit, declined.Output);
        StringAssert.Contains(Flat(declined.Output), "review");
        StringAssert.Contains(Flat(declined.Output), "daily dose 10800.000 ug is above the soft limit 10000.000 ug for morphine");
        StringAssert.Contains(Flat(declined.Output), "not programmed");
        StringAssert.Contains(Flat(bench.Run("status").Output), "continuous 20.000 uL/h");

        var (exit, output) = bench.Run(["program", file], "y\ny\n");
        Assert.AreEqual(0, exit, output);
        StringAssert.Contains(Flat(output), "programming: accepted");
        StringAssert.Contains(Flat(bench.Run("status").Output), "continuous 45.000 uL/h");
    }

    [TestMethod]
    [Timeout(60_000)]
    public void A_bolus_is_granted_and_the_next_one_inside_the_lockout_is_refused_naming_it()
    {
        using var bench = new Bench();
        var first = bench.Run("bolus");
        Assert.AreEqual(0, first.Exit, first.Output);
        StringAssert.Contains(Flat(first.Output), "patient bolus: accepted");
        var second = bench.Run("bolus");
        Assert.AreEqual(1, second.Exit, second.Output);
        StringAssert.Contains(Flat(second.Output), "refused - nothing changed");
        StringAssert.Contains(Flat(second.Output), "inside the lockout limit 2 h");
        Assert.IsFalse(Flat(second.Output).Contains("7200000"), "the lockout reads in hours, not milliseconds");
        StringAssert.Contains(Flat(second.Output), "patient-bolus-in-lockout");
    }

    [TestMethod]
    [Timeout(60_000)]
    public void The_refill_workflow_asks_shows_the_discrepancy_and_sets_the_next_refill()
    {
        using var bench = new Bench();
        // Answers: residual withdrawn, drug, concentration, volume added, low threshold, confirm.
        var (exit, output) = bench.Run(["refill"], "14\nmorphine\n10000\n20\n2\ny\n");
        Assert.AreEqual(0, exit, output);
        string flat = Flat(output);
        StringAssert.Contains(flat, "The pump computes");
        StringAssert.Contains(flat, "beyond the 14.5 % tolerance");
        StringAssert.Contains(flat, "refill: accepted");
        StringAssert.Contains(flat, "the pump raised refill-discrepancy");
        StringAssert.Contains(flat, "reservoir set to 20.000 mL");
        StringAssert.Contains(flat, "next refill");
        StringAssert.Contains(Flat(bench.Run("alarms").Output), "refill-discrepancy");
    }

    [TestMethod]
    [Timeout(60_000)]
    public void A_refill_above_a_soft_limit_is_shown_and_asked_and_declining_records_nothing()
    {
        using var bench = new Bench();
        // 12 mg/mL is above morphine's soft limit of 10 mg/mL: the pump asks; the clinician declines.
        var (exit, output) = bench.Run(["refill"], "14\nmorphine\n12000\n20\n2\ny\nn\n");
        Assert.AreEqual(1, exit, output);
        string flat = Flat(output);
        StringAssert.Contains(flat, "needs confirmation");
        StringAssert.Contains(flat, "Confirm the soft limit(s) above");
        StringAssert.Contains(flat, "not recorded; nothing changed");
        Assert.AreEqual(10_000L, bench.Device.Session.Pump.Pump.Therapy.Prescription.Drug.Concentration.Value, "the refill was not recorded");
    }

    [TestMethod]
    [Timeout(60_000)]
    public void A_stall_alarm_is_shown_the_clinician_resets_it_and_reprograms()
    {
        using var bench = new Bench();
        bench.Device.Inject(new ScenarioAction { Do = "motor-stall" });
        Bench.WaitFor(() => bench.Device.Session.Pump.Supervisor.State == SafetyState.AlarmStopped, "the stall to stop delivery");
        var alarms = bench.Run("alarms");
        StringAssert.Contains(Flat(alarms.Output), "motor-stall");
        StringAssert.Contains(Flat(alarms.Output), "recent alarm events");
        bench.Device.Inject(new ScenarioAction { Do = "motor-stall-clear" });
        Bench.WaitFor(() => !bench.Device.Session.Pump.World.Head.Stalled, "the jam to clear");
        var reset = bench.Run("alarms", "reset");
        Assert.AreEqual(0, reset.Exit, reset.Output);
        StringAssert.Contains(Flat(reset.Output), "the pump is stopped");
        StringAssert.Contains(Flat(bench.Run("status").Output), "implanted pump, stopped");

        string file = Path.Combine(bench.Folder, "again.json");
        File.WriteAllText(file, """{ "drug": "morphine", "concentration_ug_per_ml": 10000, "mode": "continuous", "rate_ul_per_h": 20 }""");
        var program = bench.Run(["program", file, "--yes"]);
        Assert.AreEqual(0, program.Exit, program.Output);
        StringAssert.Contains(Flat(bench.Run("status").Output), "implanted pump, running");
    }

    [TestMethod]
    [Timeout(60_000)]
    public void The_log_exports_as_csv_and_json_with_every_event_named()
    {
        using var bench = new Bench();
        bench.Run("bolus");
        bench.Run("bolus");
        string csv = Path.Combine(bench.Folder, "log.csv");
        var (exit, output) = bench.Run("log", "export", "--format", "csv", "--out", csv);
        Assert.AreEqual(0, exit, output);
        var lines = File.ReadAllLines(csv);
        Assert.AreEqual("Sequence,PumpTimeMs,Time,Kind,A,B,Detail", lines[0]);
        Assert.IsTrue(lines.Any(l => l.Contains(",refill,")), "the fill");
        Assert.IsTrue(lines.Any(l => l.Contains(",programmed,")), "the programming");
        Assert.IsTrue(lines.Any(l => l.Contains(",bolus-granted,")), "the bolus");
        Assert.IsTrue(lines.Any(l => l.Contains("patient-bolus-in-lockout")), "the refusal with its reason");
        string json = Path.Combine(bench.Folder, "log.json");
        Assert.AreEqual(0, bench.Run("log", "export", "--format", "json", "--out", json).Exit);
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(json));
        Assert.AreEqual("SIM-0001", doc.RootElement.GetProperty("device").GetString());
        Assert.AreEqual(lines.Length - 1, doc.RootElement.GetProperty("events").GetArrayLength());
    }

    [TestMethod]
    [Timeout(60_000)]
    public void A_wrong_key_says_what_to_fix_and_changes_nothing()
    {
        using var bench = new Bench();
        var keys = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(bench.KeyFile))!;
        keys["devices"]!["SIM-0001"]!["clinician"] = new string('0', 64);
        File.WriteAllText(bench.KeyFile, keys.ToJsonString());
        var (exit, output) = bench.Run("alarms", "reset");
        Assert.AreEqual(2, exit, output);
        StringAssert.Contains(Flat(output), "refused the clinician key");
        StringAssert.Contains(Flat(output), "iddsctl keys dev --device SIM-0001");
    }

    [TestMethod]
    [Timeout(60_000)]
    public void Pressure_raw_reads_the_board_and_pressure_calibrate_is_refused_while_the_therapy_runs()
    {
        using var bench = new Bench();
        var (exit, output) = bench.Run("--role", "service", "pressure", "raw");
        Assert.AreEqual(0, exit, output);
        StringAssert.Matches(Flat(output), new System.Text.RegularExpressions.Regex(@"raw \d+ ppm"));
        (exit, output) = bench.Run("pressure", "calibrate", "--zero-ppm", "47000", "--span-ppm", "390000", "--span-pa", "9807");
        Assert.AreEqual(1, exit, output);
        StringAssert.Contains(Flat(output), "limit is stopped");
    }
}
