using OpenIdds.Firmware.Control;
using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Units;
using OpenIdds.Hal;
using OpenIdds.Simulator.Virtual;

namespace OpenIdds.Tests.Host;

/// <summary>The real hal drivers on .NET IoT's GpioController over the virtual pin driver.</summary>
[TestClass]
public class VirtualBoardTests
{
    [TestMethod]
    public void Steps_appear_as_rising_edges_on_the_step_pin_only_while_enabled()
    {
        var board = new VirtualBoard(250_000);
        board.Motor.Step();
        Assert.AreEqual(0L, board.Gpio.RisingEdges(VirtualBoard.StepPin), "a disabled driver must not pulse STEP");
        board.Motor.Enable();
        Assert.AreEqual(System.Device.Gpio.PinValue.Low, board.Gpio.Level(VirtualBoard.EnablePin), "ENABLE is active low");
        for (int i = 0; i < 5; i++) board.Motor.Step();
        Assert.AreEqual(5L, board.Gpio.RisingEdges(VirtualBoard.StepPin));
        Assert.AreEqual(0L, board.Gpio.RisingEdges(VirtualBoard.DirectionPin));
        Assert.AreEqual(5L, board.Mechanism.Strokes);
    }

    [TestMethod]
    public void Reverse_steps_set_the_direction_pin_and_pull_volume_back()
    {
        var board = new VirtualBoard(250_000);
        board.Motor.Enable();
        board.Motor.Step();
        board.Motor.SetDirection(MotorDirection.Reverse);
        Assert.AreEqual(System.Device.Gpio.PinValue.High, board.Gpio.Level(VirtualBoard.DirectionPin));
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
        Assert.AreEqual(System.Device.Gpio.PinValue.High, board.Gpio.Level(VirtualBoard.RedLedPin));
        board.Annunciator.Update(AlarmSignalPattern.HighPulseMs + 10);   // between the first two pulses
        Assert.IsFalse(board.Buzzer.Running);
        int starts = board.Buzzer.Starts;
        for (long t = 0; t < AlarmSignalPattern.HighCycleMs; t += 10) board.Annunciator.Update(t);
        Assert.AreEqual(10, board.Buzzer.Starts - starts, "ten pulses in a high-priority burst");
        board.Annunciator.Annunciate(AlarmPriority.None, audible: false);
        Assert.IsFalse(board.Buzzer.Running);
        Assert.AreEqual(System.Device.Gpio.PinValue.Low, board.Gpio.Level(VirtualBoard.RedLedPin));
    }
}
