using OpenIdds.Simulator.Running;
using OpenIdds.Simulator.Scenarios;

namespace OpenIdds.Tests.Host.Simulator;

/// <summary>A scenario value out of range is refused before the run, naming the field: never a run that hangs or runs wrong.</summary>
[TestClass]
public class ScenarioRangeTests
{
    private static Scenario Base(string duration, params ScenarioAction[] actions) =>
        Scenario.Load(ScenarioLibrary.Resolve("tick-wrap")) with { Duration = duration, Actions = actions.ToList(), DailyLife = false };

    [TestMethod]
    [Timeout(20_000)]
    [DataRow("99999999d", "", "", "", "duration: '99999999d' is above the limit 10980d")]
    [DataRow("0s", "", "", "", "duration: '0s' is not above the limit 0")]
    [DataRow("99999999999999999999d", "", "", "", "duration '99999999999999999999d' is above the limit")]
    [DataRow("1d", "2d", "cough", "", "actions[0].at: '2d' is after the end of the run")]
    [DataRow("1d", "12h", "power-loss", "2d", "actions[0].duration: '2d' from '12h' runs past the end of the run")]
    [DataRow("1d", "12h", "hang", "0s", "actions[0].duration: '0s' is not above the limit 0")]
    [DataRow("1d", "12h", "program-commit", "", "actions[0].do: 'program-commit' needs a program-review before it")]
    [DataRow("1d", "12h", "protocol", "", "actions[0].kind: '' is not one of replay, wrong-role, bad-mac")]
    public void An_out_of_range_value_is_refused_naming_the_field(string duration, string at, string action, string actionDuration, string message)
    {
        var actions = action.Length == 0 ? Array.Empty<ScenarioAction>() : new[] { new ScenarioAction { At = at, Do = action, Duration = actionDuration.Length == 0 ? null : actionDuration } };
        var e = Assert.Throws<OpenIdds.HostLib.InputException>(() => ScenarioRunner.Run(Base(duration, actions)));
        StringAssert.Contains(e.Message, message);
    }
    [TestMethod]
    [Timeout(20_000)]
    [DataRow("kink", "15", "0s", "actions[0].over: '0s' is not above the limit 0")]
    [DataRow("kink", "15", "2d", "actions[0].over: '2d' from '12h' runs past the end of the run")]
    [DataRow("leak", "0.9", "-1h", "actions[0].over")]
    [DataRow("disconnected", "", "1h", "actions[0].over: a catheter 'disconnected' changes at once")]
    [DataRow("occluded", "", "1h", "actions[0].over: a catheter 'occluded' changes at once")]
    [DataRow("kink", "1", "1h", "actions[0].factor: 1 is not above 1")]
    public void A_gradual_catheter_change_out_of_range_is_refused_naming_the_field(string kind, string factor, string over, string message)
    {
        var action = new ScenarioAction { At = "12h", Do = "catheter", Kind = kind, Factor = factor.Length == 0 ? null : double.Parse(factor, System.Globalization.CultureInfo.InvariantCulture), Over = over };
        var e = Assert.Throws<OpenIdds.HostLib.InputException>(() => ScenarioRunner.Run(Base("1d", action)));
        StringAssert.Contains(e.Message, message);
    }

    private static ScenarioAction Review(string at) => new() { At = at, Do = "program-review", Prescription = new() { Mode = "continuous", RateUlPerH = 25 } };

    [TestMethod]
    [Timeout(20_000)]
    public void A_protocol_or_programming_value_out_of_range_is_refused_naming_the_field()
    {
        void Refused(string message, params ScenarioAction[] actions) =>
            StringAssert.Contains(Assert.Throws<OpenIdds.HostLib.InputException>(() => ScenarioRunner.Run(Base("1d", actions))).Message, message);
        Refused("actions[1].power_cut_after_bytes: -1 is outside the limits 0..65536", Review("1h"), new ScenarioAction { At = "1h1m", Do = "program-commit", PowerCutAfterBytes = -1 });
        Refused("actions[1].power_cut_after_bytes: 70000 is outside the limits 0..65536", Review("1h"), new ScenarioAction { At = "1h1m", Do = "program-commit", PowerCutAfterBytes = 70_000 });
        Refused("actions[1].duration: '0s' is not above the limit 0", Review("1h"), new ScenarioAction { At = "1h1m", Do = "program-commit", PowerCutAfterBytes = 8, Duration = "0s" });
        Refused("actions[0].kind: 'replay' needs a frame sent before it", new ScenarioAction { At = "1h", Do = "protocol", Kind = "replay" });
        Refused("actions[1].at: '12h30m' is inside the power outage from 43200000 to 46800000 ms: a program-review cannot reach a pump without power",
            new ScenarioAction { At = "12h", Do = "power-loss", Duration = "1h" }, Review("12h30m"));
    }
}
