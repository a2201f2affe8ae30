using System.Device.Gpio;
using OpenIdds.Hal.Drivers;
using OpenIdds.Simulator.Virtual;

namespace OpenIdds.Tests.Host.Hal;

/// <summary>StepDirDriver's pins on the virtual GPIO driver, wired as each board's README wires them.</summary>
[TestClass]
public class StepDirDriverPinTests
{
    /// <summary>
    /// ENABLE-HIGH-FIRST: the 10 k pull-up holds ENABLE high through reset; the driver must not pull it
    /// low while it opens the pin (a pin switched to output drives its latched level, low until written).
    /// </summary>
    [TestMethod]
    public void Enable_never_goes_low_while_the_driver_opens_its_pins()
    {
        foreach (var board in BoardPins.All)
        {
            var pins = new VirtualGpioDriver();
            pins.PullUp(board.Enable);
            var motor = new StepDirDriver(new GpioController(pins), board.Step, board.Direction, board.Enable, board.Fault, StepperChip.Drv8825, pins.Timing);
            Assert.AreEqual(0L, pins.FallingEdges(board.Enable), board.Name + ": ENABLE glitched low while the driver opened it");
            Assert.AreEqual(PinValue.High, pins.Level(board.Enable), board.Name);
            Assert.AreEqual(PinMode.Output, pins.Mode(board.Enable), board.Name);
            Assert.IsFalse(motor.Enabled, board.Name);
        }
    }

    /// <summary>
    /// STEP-TIMING-MET: the DRV8825 (SLVSA73F, 7.6) needs STEP high and low for 1.9 us and DIR settled
    /// 650 ns before the rising edge. The virtual pins take no time to write - a Raspberry Pi's
    /// memory-mapped GPIO takes about 100 ns - so every nanosecond of a pulse here is a hold the driver made.
    /// </summary>
    [TestMethod]
    public void Step_pulses_and_direction_changes_keep_the_chips_datasheet_timing()
    {
        foreach (var chip in new[] { StepperChip.Drv8825, StepperChip.Tmc2209 })
        {
            var board = BoardPins.LinuxSbc;
            var pins = new VirtualGpioDriver();
            var motor = new StepDirDriver(new GpioController(pins), board.Step, board.Direction, board.Enable, board.Fault, chip, pins.Timing);
            long shortestSetup = long.MaxValue;
            pins.RisingEdge += pin => { if (pin == board.Step) shortestSetup = Math.Min(shortestSetup, pins.Timing.Nanoseconds - pins.ChangedAt(board.Direction)); };
            motor.Enable();
            for (int i = 0; i < 6; i++)
            {
                motor.SetDirection(i % 2 == 0 ? OpenIdds.Hal.MotorDirection.Reverse : OpenIdds.Hal.MotorDirection.Forward);
                motor.Step();
                motor.Step();
            }
            Assert.IsTrue(pins.ShortestHighNanoseconds(board.Step) >= chip.StepHighNanoseconds, $"{chip.Name}: STEP high {pins.ShortestHighNanoseconds(board.Step)} ns");
            Assert.IsTrue(pins.ShortestLowNanoseconds(board.Step) >= chip.StepLowNanoseconds, $"{chip.Name}: STEP low {pins.ShortestLowNanoseconds(board.Step)} ns");
            Assert.IsTrue(shortestSetup >= chip.DirectionSetupNanoseconds, $"{chip.Name}: DIR setup {shortestSetup} ns");
            Assert.AreEqual(1900, StepperChip.Drv8825.StepHighNanoseconds);
        }
    }
}
