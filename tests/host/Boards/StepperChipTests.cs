using OpenIdds.Boards;
using OpenIdds.Firmware.Safety;
using OpenIdds.Hal.Drivers;

namespace OpenIdds.Tests.Host.Boards;

/// <summary>The stepper chip a rig has fitted decides its uncalibrated step volume (STEP-VOLUME-IS-CALIBRATED).</summary>
[TestClass]
public class StepperChipTests
{
    /// <summary>
    /// A TMC2209 with MS1 and MS2 open runs at 1/8 step: a 0.1 mL/rev head on a 200-step motor moves
    /// 62.5 nL a step. Set up at the DRV8825's 250 nL, the pump would deliver a quarter of what it counts.
    /// </summary>
    [TestMethod]
    public void A_TMC2209_rig_is_set_up_for_its_eighth_step_and_a_DRV8825_rig_for_its_half_step()
    {
        var tmc = BoardSetup.For(new BoardOptions { Stepper = StepperChip.Tmc2209 }, ResetCause.PowerOn);
        Assert.AreEqual(62_500L, tmc.Calibration.PicolitersPerStep);
        var drv = BoardSetup.For(new BoardOptions(), ResetCause.PowerOn);
        Assert.AreEqual(250_000L, drv.Calibration.PicolitersPerStep);
        var calibrated = BoardSetup.For(new BoardOptions { Stepper = StepperChip.Tmc2209, PicolitersPerStep = 61_900 }, ResetCause.PowerOn);
        Assert.AreEqual(61_900L, calibrated.Calibration.PicolitersPerStep, "a bench calibration given in the options wins");
    }

    [TestMethod]
    public void Every_board_README_wires_the_TMC2209_mode_pins_for_its_eighth_step()
    {
        foreach (string board in new[] { "esp32-devkitc", "stm32-nucleo-f746zg", "linux-sbc" })
        {
            string readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "boards", board, "README.md"));
            StringAssert.Contains(readme, "### The TMC2209 instead", board);
            StringAssert.Contains(readme, "| MS1, MS2 | GND |", board);
        }
    }
}
