using System.Device.Gpio;
using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Units;
using OpenIdds.Hal.Drivers;
using OpenIdds.Simulator.Virtual;

namespace OpenIdds.Tests.Host.Hal;

/// <summary>The on-device loopback self-test, run here with a virtual jumper from STEP to a spare input.</summary>
[TestClass]
public class LoopbackSelfTestTests
{
    private const int SpareInput = 33;

    private static (StepLoopbackSelfTest Test, long Planned) Run(bool brokenWire, bool enabled = true)
    {
        var pins = new VirtualGpioDriver();
        var gpio = new GpioController(pins);
        if (!brokenWire) pins.Jumper(BoardPins.Esp32DevKitC.Step, SpareInput);
        var motor = new StepDirDriver(gpio, BoardPins.Esp32DevKitC.Step, BoardPins.Esp32DevKitC.Direction, BoardPins.Esp32DevKitC.Enable, -1, StepperChip.Drv8825, pins.Timing);
        var selfTest = new StepLoopbackSelfTest(gpio, SpareInput);
        var scheduler = new DosingScheduler(new ConstantRate(new NanolitersPerHour(1_000_000)), new Calibration(250_000), Milliseconds.Zero, Milliseconds.FromSeconds(2));
        if (enabled) motor.Enable();
        while (scheduler.NextStepDue.Value <= Milliseconds.PerMinute)
        {
            int take = scheduler.Advance(scheduler.NextStepDue, out _);
            for (int i = 0; i < take; i++) motor.Step();
        }
        return (selfTest, scheduler.StepsTaken);
    }

    [TestMethod]
    public void Every_planned_step_reaches_the_pin_as_one_pulse()
    {
        var (test, planned) = Run(brokenWire: false);
        Assert.AreEqual(66L, planned, "1 mL/h with 250 nL steps for a minute: 66 whole steps");
        Assert.IsTrue(test.Matches(planned), $"{test.Edges} pulses counted for {planned} planned");
    }

    [TestMethod]
    public void A_missing_jumper_fails_the_self_test()
    {
        var (test, planned) = Run(brokenWire: true);
        Assert.IsFalse(test.Matches(planned));
    }

    [TestMethod]
    public void With_the_driver_disabled_no_pulse_leaves_the_step_pin_so_the_test_needs_it_enabled()
    {
        var (test, planned) = Run(brokenWire: false, enabled: false);
        Assert.AreEqual(66L, planned);
        Assert.AreEqual(0, test.Edges, "StepDirDriver gives no STEP pulse while ENABLE is high: the board keeps the mechanism still by other means");
    }
}
