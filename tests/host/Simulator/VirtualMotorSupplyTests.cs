using System.Device.Gpio;
using OpenIdds.Hal.Drivers;
using OpenIdds.Simulator.Physics;
using OpenIdds.Simulator.Virtual;

namespace OpenIdds.Tests.Host.Simulator;

/// <summary>The virtual motor supply (MOTOR-SUPPLY-WATCHED) and the independent motor cut behind it (MOTOR-CUT-INDEPENDENT).</summary>
[TestClass]
public class VirtualMotorSupplyTests
{
    private static PumpWorld World() => new(new PhysicsParameters(), 3, 20_000_000, 1000, false);

    [TestMethod]
    public void A_dropped_motor_supply_moves_nothing_and_the_firmwares_motor_reports_it()
    {
        var world = World();
        var motor = world.Board.Hardware.Motor;
        motor.Enable();
        motor.Step();
        double pumped = world.PumpedNanoliters;
        Assert.IsTrue(pumped > 0, "a stroke with the supply on moves fluid");
        world.Board.MotorSupply.Connected = false;
        world.AdvanceTo(1000);
        motor.Step();
        Assert.AreEqual(pumped, world.PumpedNanoliters, "no VMOT: the rotor stays where it is");
        Assert.AreEqual(PinValue.High, world.Board.Gpio.Level(world.Board.Pins.Fault), "nFAULT says nothing");
        bool stalled = false;
        for (int i = 0; i < SupplyCheckedMotor.AbsentReadingsToFault; i++) stalled = motor.Stalled;
        Assert.IsTrue(stalled, "the supply-checked motor reports the lost supply as a fault");
    }

    [TestMethod]
    public void The_independent_cut_stops_the_rotor_whatever_the_firmware_writes()
    {
        var world = World();
        world.Board.MotorSupply.OpenCut();
        // Whatever the firmware does with every pin it can reach, the cut stays open and the rotor still.
        var controller = new GpioController(world.Board.Gpio);
        for (int pin = 0; pin < VirtualGpioDriver.Pins; pin++)
        {
            if (world.Board.Gpio.IsOpen(pin)) continue;   // the board's own pins: driven through its drivers below
            controller.OpenPin(pin, PinMode.Output);
            controller.Write(pin, PinValue.High);
            controller.Write(pin, PinValue.Low);
        }
        world.Board.Hardware.Motor.Disable();
        world.Board.Hardware.Motor.Enable();
        for (int i = 0; i < 5; i++) { world.AdvanceTo(1000 * (i + 1)); world.Board.Hardware.Motor.Step(); }
        Assert.IsTrue(world.Board.MotorSupply.CutOpen);
        Assert.AreEqual(0.0, world.PumpedNanoliters, "no stroke reaches the line behind an open cut");
        Assert.IsTrue(world.Board.Mechanism.Strokes > 0, "the STEP pulses were sent");
    }
}
