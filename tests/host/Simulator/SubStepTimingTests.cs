using OpenIdds.Simulator.Running;
using OpenIdds.Simulator.Scenarios;

namespace OpenIdds.Tests.Host.Simulator;

/// <summary>
/// Actions are timed to the millisecond, finer than any step the head takes (the priming bolus steps
/// every 900 ms; the head starts at most 50 steps/s, 20 ms apart): a power cut moved across a whole step
/// interval lands at its millisecond, and wherever it falls no step is given twice.
/// </summary>
[TestClass]
public class SubStepTimingTests
{
    [TestMethod]
    [Timeout(60_000)]
    public void A_power_cut_anywhere_between_two_steps_lands_at_its_millisecond_and_repeats_no_step()
    {
        var scenario = Scenario.Load(ScenarioLibrary.Resolve("power-cut-between-steps"));
        for (int offset = 0; offset < 900; offset += 75)
        {
            var run = scenario with { Actions = new() { scenario.Actions[0] with { At = $"10m{offset}ms" } } };
            var result = ScenarioRunner.Run(run);
            Assert.AreEqual(600_000 + offset, result.Events.First(e => e.Source == "fault" && e.Kind == "power-loss").Time, "the cut lands at its millisecond");
            double error = result.StepPulses - result.PrescribedMicroliters * 1_000_000 / result.CalibrationPicolitersPerStep;
            Assert.IsTrue(error <= 1e-6, $"cut at +{offset} ms: {error:0.###} steps more than prescribed reached the STEP pin");
            Assert.IsTrue(error >= -12, $"cut at +{offset} ms: {error:0.###} steps short, beyond one intent window of the priming bolus");
        }
    }

    [TestMethod]
    public void A_time_finer_than_a_millisecond_is_refused_naming_the_field()
    {
        var scenario = Scenario.Load(ScenarioLibrary.Resolve("power-cut-between-steps"));
        var run = scenario with { Actions = new() { scenario.Actions[0] with { At = "10m0.4505s" } } };
        var e = Assert.Throws<OpenIdds.HostLib.InputException>(() => ScenarioRunner.Run(run));
        StringAssert.Contains(e.Message, "actions[0].at '10m0.4505s' is 600450.5 ms: give a whole number of milliseconds");
    }
}
