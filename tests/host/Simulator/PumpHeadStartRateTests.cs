using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Units;
using OpenIdds.Simulator.Physics;

namespace OpenIdds.Tests.Host.Simulator;

/// <summary>
/// The head model's start rate (OCCLUSION-RELIEF-PACED, issue 15 finding 2): a motor with a pump head
/// cannot start at the rate of back-to-back STEP pulses, so the simulator must show the stall a
/// step/dir driver never reports, and follow pulses paced as the firmware's relief paces them.
/// </summary>
[TestClass]
public class PumpHeadStartRateTests
{
    private const double StrokeNanoliters = 250.0;

    private static PumpWorld World() => new(new PhysicsParameters(), 3, 20_000_000, 1000, false);

    [TestMethod]
    public void A_burst_of_back_to_back_pulses_from_rest_moves_the_rotor_once_at_most()
    {
        var world = World();
        var motor = world.Board.Hardware.Motor;
        motor.Enable();
        for (int i = 0; i < OcclusionDetector.MaximumHeldStrokes; i++) motor.Step();
        Assert.AreEqual(OcclusionDetector.MaximumHeldStrokes, motor.CompletedSteps, "the driver counts every pulse it gave");
        Assert.IsTrue(world.PumpedNanoliters <= 1.2 * StrokeNanoliters,
            $"{OcclusionDetector.MaximumHeldStrokes} pulses at one instant moved {world.PumpedNanoliters:F0} nL: a loaded head cannot start at that rate");
    }

    [TestMethod]
    public void Every_stroke_of_the_firmwares_relief_is_followed_by_the_head()
    {
        var parameters = new PhysicsParameters();
        Assert.IsTrue(OcclusionRelief.StartStepsPerSecond <= parameters.HeadStartStepsPerSecond, "the relief starts no faster than the head can");
        var world = World();
        var relief = new OcclusionRelief(world.Board.Hardware.Motor, new Calibration(250_000));
        relief.Start(OcclusionDetector.MaximumHeldStrokes, new Milliseconds(0));
        for (int i = 0; i < 10 * OcclusionDetector.MaximumHeldStrokes && relief.Active; i++)
        {
            Milliseconds now = relief.NextWake;
            world.AdvanceTo(now.Value);
            relief.Tick(now);
        }
        Assert.IsFalse(relief.Active, "the relief ends");
        Assert.AreEqual(-OcclusionDetector.MaximumHeldStrokes, world.Board.Hardware.Motor.CompletedSteps, "every held stroke given");
        Assert.AreEqual(0L, world.Head.OutOfStepPulses, "reverse pulses the head lost step on: the relief outran the head");
    }
}
