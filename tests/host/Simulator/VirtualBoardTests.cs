using OpenIdds.Boards.Esp32DevKitC;
using OpenIdds.Boards.LinuxSbc;
using OpenIdds.Boards.NucleoF746ZG;
using OpenIdds.Firmware.Control;
using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Units;
using OpenIdds.Hal;
using OpenIdds.Simulator.Virtual;

namespace OpenIdds.Tests.Host.Simulator;

/// <summary>The real hal drivers on .NET IoT's GpioController over the virtual pin driver.</summary>
[TestClass]
public class VirtualBoardTests
{
    [TestMethod]
    public void Steps_appear_as_rising_edges_on_the_step_pin_only_while_enabled()
    {
        var board = new VirtualBoard(250_000);
        board.Motor.Step();
        Assert.AreEqual(0L, board.Gpio.RisingEdges(board.Pins.Step), "a disabled driver must not pulse STEP");
        board.Motor.Enable();
        Assert.AreEqual(System.Device.Gpio.PinValue.Low, board.Gpio.Level(board.Pins.Enable), "ENABLE is active low");
        for (int i = 0; i < 5; i++) board.Motor.Step();
        Assert.AreEqual(5L, board.Gpio.RisingEdges(board.Pins.Step));
        Assert.AreEqual(0L, board.Gpio.RisingEdges(board.Pins.Direction));
        Assert.AreEqual(5L, board.Mechanism.Strokes);
    }

    [TestMethod]
    public void Each_boards_virtual_pins_are_the_boards_own()
    {
        // The simulator keeps a copy (it cannot reference nanoFramework projects); this holds it to the originals.
        var expected = new Dictionary<string, int[]>
        {
            ["esp32-devkitc"] = new[] { Esp32Pins.Step, Esp32Pins.Direction, Esp32Pins.Enable, Esp32Pins.Fault, Esp32Pins.RedLed, Esp32Pins.YellowLed, Esp32Pins.GreenLed },
            ["stm32-nucleo-f746zg"] = new[] { NucleoPins.Step, NucleoPins.Direction, NucleoPins.Enable, NucleoPins.Fault, NucleoPins.RedLed, NucleoPins.YellowLed, NucleoPins.GreenLed },
            ["linux-sbc"] = new[] { RaspberryPiPins.Step, RaspberryPiPins.Direction, RaspberryPiPins.Enable, RaspberryPiPins.Fault, RaspberryPiPins.RedLed, RaspberryPiPins.YellowLed, RaspberryPiPins.GreenLed },
        };
        CollectionAssert.AreEquivalent(expected.Keys.ToList(), BoardPins.All.Select(b => b.Name).ToList(), "one entry per board folder");
        foreach (var b in BoardPins.All)
            CollectionAssert.AreEqual(expected[b.Name], new[] { b.Step, b.Direction, b.Enable, b.Fault, b.RedLed, b.YellowLed, b.GreenLed }, b.Name);
        foreach (string folder in expected.Keys) Assert.IsTrue(Directory.Exists(Path.Combine(RepositoryPaths.Root, "boards", folder)), folder);
    }

    [TestMethod]
    public void A_nucleo_board_steps_on_its_own_pin()
    {
        var board = new VirtualBoard(250_000, pins: BoardPins.NucleoF746ZG);
        board.Motor.Enable();
        board.Motor.Step();
        Assert.AreEqual(1L, board.Gpio.RisingEdges(73), "PE9");
        Assert.AreEqual(0L, board.Gpio.RisingEdges(BoardPins.Esp32DevKitC.Step));
        Assert.AreEqual(1L, board.Mechanism.Strokes);
        board.InjectMotorFault();
        Assert.IsTrue(board.Motor.Stalled, "nFAULT on PE13");
    }

    [TestMethod]
    public void Reverse_steps_set_the_direction_pin_and_pull_volume_back()
    {
        var board = new VirtualBoard(250_000);
        board.Motor.Enable();
        board.Motor.Step();
        board.Motor.SetDirection(MotorDirection.Reverse);
        Assert.AreEqual(System.Device.Gpio.PinValue.High, board.Gpio.Level(board.Pins.Direction));
        board.Motor.Step();
        board.Motor.Step();
        Assert.AreEqual(-1L, board.Mechanism.Strokes);
        Assert.AreEqual(-1L, board.Motor.CompletedSteps);
    }

    [TestMethod]
    public void The_driver_fault_line_reads_as_a_stall_and_stops_the_pump()
    {
        var board = new VirtualBoard(250_000);
        var pump = new PumpController(board.Hardware, new Calibration(250_000));
        pump.Start(new ConstantRate(new NanolitersPerHour(100_000)));
        void RunUntil(long until)
        {
            while (board.Clock.ElapsedMilliseconds < until)
            {
                board.Clock.AdvanceTo(Math.Min(pump.NextWake.Value, until));
                pump.Tick();
            }
        }
        RunUntil(60_000);
        Assert.IsFalse(board.Motor.Stalled);
        board.InjectMotorFault();
        RunUntil(70_000);
        Assert.AreEqual(PumpState.Faulted, pump.State);
        Assert.IsFalse(board.Motor.Enabled);
        Assert.AreEqual(6L, board.Mechanism.Strokes, "no stroke after the fault");
    }

    [TestMethod]
    public void The_buzzer_plays_the_high_priority_pattern_on_pwm_and_falls_silent()
    {
        var board = new VirtualBoard(250_000);
        board.Annunciator.Annunciate(AlarmPriority.High, audible: true);
        Assert.IsTrue(board.Buzzer.Running);
        Assert.AreEqual(AlarmSignalPattern.HighToneHz, board.Buzzer.Frequency);
        Assert.AreEqual(0.5, board.Buzzer.DutyCycle);
        Assert.AreEqual(System.Device.Gpio.PinValue.High, board.Gpio.Level(board.Pins.RedLed));
        board.Annunciator.Update(AlarmSignalPattern.HighPulseMs + 10);   // between the first two pulses
        Assert.IsFalse(board.Buzzer.Running);
        int starts = board.Buzzer.Starts;
        for (long t = 0; t < AlarmSignalPattern.HighCycleMs; t += 10) board.Annunciator.Update(t);
        Assert.AreEqual(10, board.Buzzer.Starts - starts, "ten pulses in a high-priority burst");
        board.Annunciator.Annunciate(AlarmPriority.None, audible: false);
        Assert.IsFalse(board.Buzzer.Running);
        Assert.AreEqual(System.Device.Gpio.PinValue.Low, board.Gpio.Level(board.Pins.RedLed));
    }
}
