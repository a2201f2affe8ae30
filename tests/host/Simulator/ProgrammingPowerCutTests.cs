using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;
using OpenIdds.Programmer.Link;
using OpenIdds.Simulator.Running;
using OpenIdds.Simulator.Scenarios;

namespace OpenIdds.Tests.Host.Simulator;

/// <summary>
/// A power cut while the pump writes a reviewed commit to flash, at byte after byte of that write
/// (the program-commit action's power_cut_after_bytes): after the outage the pump runs the old
/// prescription or the new one, whole, on the wire - never a mix - and says which in the log.
/// </summary>
[TestClass]
public class ProgrammingPowerCutTests
{
    /// <summary>Cut points tried: every 8th byte (the suite's share of a sweep of every byte; the commit point moves by whole records).</summary>
    private const int Stride = 8;

    [TestMethod]
    [Timeout(120_000)]
    public void A_power_cut_anywhere_in_a_commit_leaves_the_old_or_the_new_prescription_whole()
    {
        var scenario = Scenario.Load(ScenarioLibrary.Resolve("programming-power-cut")) with { Duration = "2h20m" };
        var drug = new Drug(scenario.Drug.Name, new MicrogramsPerMilliliter(scenario.Drug.ConcentrationUgPerMl));
        var old = scenario.Prescription.ToPrescription(drug, "prescription");
        var reviewed = scenario.Actions.First(a => a.Do == "program-review").Prescription!.ToPrescription(drug, "review");
        int oldSeen = 0, newSeen = 0;
        for (int cut = 0; cut <= ScenarioRanges.MaxCutAfterBytes; cut += Stride)
        {
            var run = scenario with { Actions = scenario.Actions.Select(a => a.Do == "program-commit" ? a with { PowerCutAfterBytes = cut } : a).ToList() };
            var result = ScenarioRunner.Run(run);
            bool completed = result.Events.Any(e => e.Kind == "power-loss" && e.Detail.Contains("after the commit completed", StringComparison.Ordinal));
            var running = result.Pumps[^1].Pump.Therapy.Prescription;
            bool isOld = PumpCommands.SameOnTheWire(running, old), isNew = PumpCommands.SameOnTheWire(running, reviewed);
            Assert.IsTrue(isOld || isNew, $"cut after {cut} bytes: the pump runs {ProtocolActions.Running(result.Pumps[^1])}, neither the old prescription nor the reviewed one");
            if (isOld) oldSeen++; else newSeen++;
            // A commit whose writes all finished runs the new prescription; a cut one runs the old one, or the new one
            // where the journal record's body was whole (TORN-COMMIT-COMPLETED finishes it at the next boot).
            if (completed) Assert.IsTrue(isNew, $"cut after {cut} bytes: a commit that finished does not run the new prescription");
            Assert.AreEqual("running", result.EndState, $"cut after {cut} bytes");
            Assert.IsTrue(result.Events.Any(e => e.Source == "pump" && e.Kind == "therapy" && e.Detail == ProtocolActions.Running(result.Pumps[^1])),
                $"cut after {cut} bytes: the log says what the pump runs after the outage");
            Assert.IsTrue(result.StepPulses * result.CalibrationPicolitersPerStep <= result.PrescribedMicroliters * 1_000_000 + 1e-3, $"cut after {cut} bytes: a step repeated");
            // RESTORED-THERAPY-LOGGED: the firmware's own log says what runs after the outage, whatever 'programmed' said before it.
            var restored = result.Events.LastOrDefault(e => e.Source == "firmware" && e.Kind == "therapy-restored");
            Assert.IsNotNull(restored, $"cut after {cut} bytes: the firmware's log does not say what it restored");
            StringAssert.Contains(restored.Detail, "daily dose " + running.DailyDose, $"cut after {cut} bytes");
            if (completed) break;
        }
        Assert.IsTrue(oldSeen > 0 && newSeen > 0, $"both sides of the commit point were cut (old {oldSeen}, new {newSeen})");
    }
}
