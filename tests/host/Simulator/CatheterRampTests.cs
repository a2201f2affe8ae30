using OpenIdds.Simulator.Physics;

namespace OpenIdds.Tests.Host.Simulator;

/// <summary>Gradual catheter changes: the quantity moves in a straight line, a step a minute, and lands on the target.</summary>
[TestClass]
public class CatheterRampTests
{
    private static CatheterLine Line() => new(new PhysicsParameters { ComplianceNanolitersPerPascal = 0.2 }, 0);

    [TestMethod]
    public void A_kink_tightens_in_a_straight_line_and_lands_on_its_factor()
    {
        var line = Line();
        var ramp = new CatheterRamp("kink", 1, 15, 1000, 10 * 3_600_000);
        ramp.Apply(line, 1000);
        Assert.AreEqual(1.0, line.OcclusionFactor);
        ramp.Apply(line, 1000 + 5 * 3_600_000 + 30_000);
        Assert.AreEqual(8.0, line.OcclusionFactor, 1e-9, "halfway (the step at 5 h): x8");
        Assert.AreEqual(1000 + 5 * 3_600_000 + CatheterRamp.StepMilliseconds, ramp.NextStep(1000 + 5 * 3_600_000 + 30_000));
        ramp.Apply(line, 1000 + 10 * 3_600_000);
        Assert.AreEqual(15.0, line.OcclusionFactor);
        Assert.IsTrue(ramp.Done);
        Assert.AreEqual(long.MaxValue, ramp.NextStep(1000 + 10 * 3_600_000));
    }

    [TestMethod]
    public void A_tip_halfway_out_loses_half_the_drug_and_passes_a_pulse_between_intact_and_epidural()
    {
        var intact = Line();
        var halfway = Line();
        var epidural = Line();
        halfway.Placement = TipPlacement.Epidural;
        epidural.Placement = TipPlacement.Epidural;
        new CatheterRamp("epidural", 0, 1, 0, 86_400_000).Apply(halfway, 43_200_000);
        Assert.AreEqual(0.5, halfway.TipOutside, 1e-9);
        Assert.IsTrue(halfway.PulseGain(1.2) < intact.PulseGain(1.2) && halfway.PulseGain(1.2) > epidural.PulseGain(1.2));
        halfway.Inject(1000, 2000);
        halfway.Flow(10, 1333);
        Assert.AreEqual(halfway.LeakedNanoliters, halfway.DeliveredToCsfNanoliters, 1e-6);
    }

    [TestMethod]
    public void A_growing_leak_moves_its_share_from_where_it_was()
    {
        var line = Line();
        line.LeakFraction = 0.2;
        var ramp = new CatheterRamp("leak", 0.2, 0.9, 0, 2 * 86_400_000L);
        ramp.Apply(line, 86_400_000);
        Assert.AreEqual(0.55, line.LeakFraction, 1e-9);
    }
}
