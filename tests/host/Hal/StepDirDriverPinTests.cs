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
            var motor = new StepDirDriver(new GpioController(pins), board.Step, board.Direction, board.Enable, board.Fault, false);
            Assert.AreEqual(0L, pins.FallingEdges(board.Enable), board.Name + ": ENABLE glitched low while the driver opened it");
            Assert.AreEqual(PinValue.High, pins.Level(board.Enable), board.Name);
            Assert.AreEqual(PinMode.Output, pins.Mode(board.Enable), board.Name);
            Assert.IsFalse(motor.Enabled, board.Name);
        }
    }
}
