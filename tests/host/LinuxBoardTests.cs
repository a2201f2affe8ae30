using System.Device.Gpio;
using OpenIdds.Boards.LinuxSbc;
using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Units;
using OpenIdds.Hal;
using OpenIdds.Hal.Storage;
using OpenIdds.Simulator.Virtual;

namespace OpenIdds.Tests.Host;

/// <summary>The Linux single-board-computer target's own wiring, exercised through the virtual GPIO driver and PWM channel.</summary>
[TestClass]
public class LinuxBoardTests
{
    private sealed class NoLink : ISerialLink
    {
        public int Read(byte[] buffer, int offset, int count) => 0;
        public void Write(byte[] buffer, int offset, int count) { }
    }

    private static (LinuxSbcBoard Board, VirtualGpioDriver Pins, VirtualPwmChannel Buzzer, VirtualClock Clock, SafetySupervisor Supervisor) Build()
    {
        var pins = new VirtualGpioDriver();
        var buzzer = new VirtualPwmChannel();
        var clock = new VirtualClock();
        var board = new LinuxSbcBoard(new GpioController(pins), buzzer, clock, new RamFlash(4096, 8, 10_000), new NoLink());
        var supervisor = new SafetySupervisor(board.Hardware, new Calibration(250_000), new SupervisorSettings { Implanted = false, HasPressureSensor = false }, new AlarmEventRing(16), true);
        supervisor.Tick();
        clock.AdvanceTo(10);
        supervisor.Tick();
        supervisor.Filled(Nanoliters.FromMilliliters(20));
        return (board, pins, buzzer, clock, supervisor);
    }

    [TestMethod]
    public void Therapy_steps_appear_on_the_step_pin_with_enable_low()
    {
        var (board, pins, _, clock, supervisor) = Build();
        Assert.AreEqual(SafetyState.Stopped, supervisor.State);
        Assert.IsTrue(supervisor.Start(new ConstantRate(new NanolitersPerHour(100_000)), new NanolitersPerHour(100_000)));
        while (clock.ElapsedMilliseconds < Milliseconds.PerHour)
        {
            clock.AdvanceTo(Math.Min(supervisor.NextWake.Value, Milliseconds.PerHour));
            supervisor.Tick();
        }
        Assert.AreEqual(PinValue.Low, pins.Level(RaspberryPiPins.Enable));
        Assert.AreEqual(399L, pins.RisingEdges(RaspberryPiPins.Step), "100 uL/h with 250 nL steps, started 10 ms in");
        Assert.AreEqual(0L, pins.RisingEdges(RaspberryPiPins.Direction));
    }

    [TestMethod]
    public void A_driver_fault_stops_the_motor_and_sounds_the_buzzer_on_pwm()
    {
        var (board, pins, buzzer, clock, supervisor) = Build();
        supervisor.Start(new ConstantRate(new NanolitersPerHour(100_000)), new NanolitersPerHour(100_000));
        pins.SetInput(RaspberryPiPins.Fault, PinValue.Low);
        clock.AdvanceTo(9_010);
        supervisor.Tick();
        Assert.AreEqual(SafetyState.AlarmStopped, supervisor.State);
        Assert.AreEqual(PinValue.High, pins.Level(RaspberryPiPins.Enable), "motor disabled");
        Assert.IsTrue(buzzer.Running);
        Assert.AreEqual(AlarmSignalPattern.HighToneHz, buzzer.Frequency);
        Assert.AreEqual(PinValue.High, pins.Level(RaspberryPiPins.RedLed));
    }

    [TestMethod]
    public void A_bouncing_button_is_one_press()
    {
        var (board, pins, _, clock, _) = Build();
        for (int i = 0; i < 5; i++)
        {
            pins.SetInput(RaspberryPiPins.PatientButton, PinValue.Low);
            pins.SetInput(RaspberryPiPins.PatientButton, PinValue.High);
        }
        Assert.AreEqual(1, board.Button.TakePresses());
        clock.AdvanceTo(clock.ElapsedMilliseconds + 1500);
        pins.SetInput(RaspberryPiPins.PatientButton, PinValue.Low);
        Assert.AreEqual(1, board.Button.TakePresses());
    }
}
