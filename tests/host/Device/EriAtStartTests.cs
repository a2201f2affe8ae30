using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Units;
using OpenIdds.Simulator.Running;
using OpenIdds.Simulator.Scenarios;

namespace OpenIdds.Tests.Host.Device;

/// <summary>ERI-FROM-DAILY-DRAW: the elective replacement indicator comes from the therapy's daily draw, never from a priming bolus's rate.</summary>
[TestClass]
public sealed class EriAtStartTests
{
    [TestMethod]
    public void Priming_a_new_implant_never_raises_ERI_and_the_one_ERI_comes_at_the_programmed_therapy()
    {
        // A cell with about 4 months left at 2 uL/h: at priming's 1 mL/h it would have days, not months.
        var result = ScenarioRunner.Run(Scenario.Load(ScenarioLibrary.Resolve("eri-before-eos")));
        var raised = result.Events.Where(e => e.Source == "alarm" && e.Kind == "battery-elective-replacement" && e.Detail == "raised").Select(e => e.Time).ToList();
        Assert.AreEqual(1, raised.Count, "ERI raised at " + string.Join(", ", raised.Select(t => $"{t / (double)Milliseconds.PerDay:F3} d")));
        Assert.IsTrue(raised[0] > 2 * Milliseconds.PerDay, $"ERI at {raised[0] / (double)Milliseconds.PerDay:F3} d, during the priming");
        long eos = result.Events.First(e => e.Source == "alarm" && e.Kind == "battery-end-of-service" && e.Detail == "raised").Time;
        Assert.IsTrue((eos - raised[0]) / (double)Milliseconds.PerDay >= BatteryLifeMonitor.DaysBetweenEriAndEos + 1);
    }
}
