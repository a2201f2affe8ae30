using OpenIdds.Firmware.Units;
using OpenIdds.Simulator.Running;
using OpenIdds.Simulator.Scenarios;

namespace OpenIdds.Tests.Host.Simulator;

/// <summary>CATHETER-CHECK-LOGGED for LINE-RESISTANCE-RISE: the log shows every window in a clinician's words, so the alert's evidence is there.</summary>
[TestClass]
public sealed class LineResistanceLogTests
{
    [TestMethod]
    public void A_kinked_line_logs_each_window_learning_then_normal_then_raised_three_in_a_row()
    {
        var result = ScenarioRunner.Run(Scenario.Load(ScenarioLibrary.Resolve("catheter-kink")));
        var windows = result.Events.Where(e => e.Source == "firmware" && e.Kind == "line-resistance").ToList();
        string all = string.Join("\n", windows.Select(e => e.Detail));
        Assert.IsTrue(windows.Count >= 12, all);
        StringAssert.StartsWith(windows[0].Detail, "line resistance baseline still learning: ");
        StringAssert.Contains(windows[0].Detail, "5 more window(s) of 32 strokes before the line is judged");
        Assert.IsTrue(windows.Any(e => e.Detail.StartsWith("line resistance normal: ") && e.Detail.Contains("this patient's baseline")), all);
        var raised = windows.Where(e => e.Detail.StartsWith("line resistance raised (the line drains slowly: a kink or partial blockage?): ")).ToList();
        Assert.IsTrue(raised.Count >= 3, all);
        Assert.IsTrue(raised[0].Time > 2 * Milliseconds.PerDay, $"the first raised window at {raised[0].Time} ms comes after the kink at day 2");
        StringAssert.Contains(raised[2].Detail, "(3 of 3 windows in a row raise the alert)");
        Assert.IsTrue(result.Events.Any(e => e.Source == "alarm" && e.Kind == "partial-occlusion" && e.Detail == "raised" && e.Time <= raised[2].Time), "partial-occlusion is shown by the third raised window");
    }
}
