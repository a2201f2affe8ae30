using System.Device.Gpio;
using OpenIdds.Boards;
using OpenIdds.Boards.LinuxSbc;
using OpenIdds.Hal;
using OpenIdds.Hal.Drivers;
using OpenIdds.Simulator.Virtual;

namespace OpenIdds.Tests.Host.Boards;

/// <summary>
/// STEP-TIMING-MET where the board can measure it (issue 15 finding 8: "make the self-test check the
/// pulse width"): a Pi whose holds came out shorter than the chip needs fails its loopback self-test,
/// though every pulse was counted on time.
/// </summary>
[TestClass]
public class StepWidthSelfTestTests
{
    /// <summary>A board clock that measured every hold at 100 ns: two memory-mapped writes back to back.</summary>
    private sealed class ShortHolds : IPinTiming
    {
        public long ShortestHeldNanoseconds { get; private set; } = -1;
        public void HoldNanoseconds(int nanoseconds) { ShortestHeldNanoseconds = 100; }
    }

    [TestMethod]
    public void Pulses_measured_narrower_than_the_chips_minimum_fail_the_self_test_though_every_one_was_counted()
    {
        var pins = new VirtualGpioDriver();
        var gpio = new GpioController(pins);
        pins.Jumper(RaspberryPiPins.Step, RaspberryPiPins.LoopbackInput);
        var clock = new VirtualClock();
        var motor = new StepDirDriver(gpio, RaspberryPiPins.Step, RaspberryPiPins.Direction, RaspberryPiPins.Enable, -1, StepperChip.Drv8825, new ShortHolds());
        var check = new LoopbackCheck(gpio, motor, RaspberryPiPins.LoopbackInput, clock);
        while (!check.Done) clock.AdvanceTo(clock.ElapsedMilliseconds + Math.Max(check.Poll(), 1));
        Assert.AreEqual((long)LoopbackCheck.PlannedSteps, check.Counted, "every pulse reached the loopback input");
        Assert.IsTrue(check.OnTime, check.Report());
        Assert.IsFalse(check.Passed, check.Report());
        StringAssert.StartsWith(check.Report(), "LOOPBACK FAIL");
        StringAssert.Contains(check.Report(), "STEP held 100 ns at least for 1900 ns needed (DRV8825)");
    }
}
