using OpenIdds.Simulator.Running;
using OpenIdds.Simulator.Scenarios;

namespace OpenIdds.Tests.Host.Simulator;

/// <summary>
/// Every scenario in simulator/library with an expected-outcomes file beside it is a test: it runs in
/// virtual time and must meet every expectation. The default scenario is also the determinism test: its
/// event log's hash is pinned, so the same scenario and seed give the same log on every machine.
/// </summary>
[TestClass]
public class ScenarioTests
{
    /// <summary>
    /// SHA-256 of the default scenario's event log (events.csv). The log is printed with the invariant
    /// culture and the physics uses only IEEE basic operations (DeterministicMath), so this is the same
    /// on every OS and CPU. When a change is meant to alter behaviour (firmware, physics, the default
    /// scenario, the log's format), run `dotnet run --project simulator`, copy event_log_sha256 from
    /// out/default/summary.json here, and say in the commit why the log changed.
    /// </summary>
    public const string DefaultEventLogSha256 = "EDB173E74F46A1D2B5008C416709E72A7DD3B0B16252CF9218B477895762FAB8";

    public static IEnumerable<object[]> Library() =>
        ScenarioLibrary.Paths().Where(p => Expectation.LoadBeside(p) != null).Select(p => new object[] { Path.GetFileNameWithoutExtension(p) });

    [TestMethod]
    [DynamicData(nameof(Library))]
    public void The_scenario_meets_its_expected_outcomes(string name)
    {
        string path = ScenarioLibrary.Resolve(name);
        var result = ScenarioRunner.Run(Scenario.Load(path));
        var failures = Expectation.LoadBeside(path)!.Check(result);
        Assert.AreEqual(0, failures.Count, string.Join(Environment.NewLine, failures));
    }

    [TestMethod]
    public void The_library_has_scenarios_with_expectations()
    {
        Assert.IsTrue(Library().Count() >= 4);
        Assert.IsTrue(Library().Any(l => (string)l[0] == ScenarioLibrary.DefaultName));
    }

    [TestMethod]
    public void The_same_scenario_and_seed_give_a_bit_identical_event_log()
    {
        var scenario = Scenario.Load(ScenarioLibrary.Resolve(ScenarioLibrary.DefaultName));
        // The pinned hash was made by another process (and may be checked on another machine): equal means
        // bit-identical across runs and machines, not only within this one.
        Assert.AreEqual(DefaultEventLogSha256, ScenarioRunner.Run(scenario).EventLogHash,
            "the default scenario's event log changed; if that is intended, update DefaultEventLogSha256 (see its comment)");
        string otherSeed = ScenarioRunner.Run(scenario with { Seed = scenario.Seed + 1 }).EventLogHash;
        Assert.AreNotEqual(DefaultEventLogSha256, otherSeed, "the hash must depend on the physics, or this test proves nothing");
    }

    [TestMethod]
    public void A_bad_scenario_field_is_named_with_its_value()
    {
        var scenario = Scenario.Load(ScenarioLibrary.Resolve("posture-and-cough")) with { Duration = "3 weeks" };
        var e = Assert.ThrowsExactly<OpenIdds.HostLib.InputException>(() => ScenarioRunner.Run(scenario));
        StringAssert.Contains(e.Message, "duration");
        StringAssert.Contains(e.Message, "3 weeks");
    }

    [TestMethod]
    public void A_board_or_mode_that_does_not_exist_is_refused_naming_the_value_and_the_choices()
    {
        var scenario = Scenario.Load(ScenarioLibrary.Resolve("posture-and-cough"));
        var board = Assert.ThrowsExactly<ScenarioException>(() => ScenarioRunner.Run(scenario with { Board = "esp8266" }));
        StringAssert.Contains(board.Message, "board");
        StringAssert.Contains(board.Message, "'esp8266'");
        StringAssert.Contains(board.Message, "esp32-devkitc, stm32-nucleo-f746zg, linux-sbc");
        var mode = Assert.ThrowsExactly<ScenarioException>(() => ScenarioRunner.Run(scenario with { Mode = "implant" }));
        StringAssert.Contains(mode.Message, "mode");
        StringAssert.Contains(mode.Message, "'implant'");
        StringAssert.Contains(mode.Message, "trial, implanted");
    }

    [TestMethod]
    public void Every_board_runs_the_same_pump_on_its_own_pins()
    {
        // The board moves the pins, not the physics or the firmware: the event log is the same - but for the
        // figures read through each board's own pressure chain (a line-resistance window's share of a stroke).
        var scenario = Scenario.Load(ScenarioLibrary.Resolve("motor-stall"));
        string esp32 = WithoutChainFigures(ScenarioRunner.Run(scenario));
        Assert.IsTrue(esp32.Contains("line-resistance"), "the windows are compared, by time");
        Assert.AreEqual(esp32, WithoutChainFigures(ScenarioRunner.Run(scenario with { Board = "stm32-nucleo-f746zg" })));
        Assert.AreEqual(esp32, WithoutChainFigures(ScenarioRunner.Run(scenario with { Board = "linux-sbc" })));
    }

    private static string WithoutChainFigures(ScenarioResult result) =>
        string.Join("\n", result.Events.Select(e => e.Kind == "line-resistance" ? e with { Detail = "" } : e).Select(e => e.ToCsv()));

    [TestMethod]
    public void The_summary_names_the_board_the_run_models()
    {
        var scenario = Scenario.Load(ScenarioLibrary.Resolve(ScenarioLibrary.DefaultName));
        string esp32 = System.Text.Json.JsonSerializer.Serialize(OpenIdds.Simulator.Reporting.ReportWriter.Summary(ScenarioRunner.Run(scenario), new List<string>()));
        StringAssert.Contains(esp32, "\"board\":\"esp32-devkitc\"");
        var stm32 = ScenarioRunner.Run(scenario with { Board = "stm32-nucleo-f746zg", Duration = "1d", Actions = scenario.Actions.Where(a => OpenIdds.HostLib.DurationText.ParseMilliseconds(a.At, "at") <= 86_400_000).ToList() });
        Assert.AreEqual("stm32-nucleo-f746zg", stm32.Board);
    }

    [TestMethod]
    public void An_unknown_physics_parameter_is_refused_by_name()
    {
        var scenario = Scenario.Load(ScenarioLibrary.Resolve("posture-and-cough"));
        scenario.Physics["stroke_volume_typo"] = System.Text.Json.JsonDocument.Parse("1").RootElement;
        var e = Assert.ThrowsExactly<ScenarioException>(() => scenario.PhysicsParameters());
        StringAssert.Contains(e.Message, "stroke_volume_typo");
    }
}
