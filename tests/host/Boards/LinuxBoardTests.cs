using System.Device.Gpio;
using System.Text.RegularExpressions;
using OpenIdds.Boards;
using OpenIdds.Boards.LinuxSbc;
using OpenIdds.Firmware.Device;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;
using OpenIdds.Hal;
using OpenIdds.Hal.Storage;
using OpenIdds.Simulator.Virtual;

namespace OpenIdds.Tests.Host.Boards;

/// <summary>
/// The Linux single-board-computer target as its Program wires it - the whole pump (InfusionPump) set
/// up by the shared BoardSetup, run by the shared BoardLoop - exercised through the virtual GPIO driver
/// and PWM channel. Pins are asserted as the literal BCM numbers boards/linux-sbc/README.md documents,
/// not through the board's own constants, so a changed constant fails here until the README follows.
/// </summary>
[TestClass]
public class LinuxBoardTests
{
    private const int Step = 17, Direction = 27, Enable = 22, Fault = 23, Button = 24, Red = 5, Yellow = 6, Green = 13, Buzzer = 18, Loopback = 16, MotorCut = 26;

    private sealed class NoLink : ISerialLink
    {
        public int Reads;
        public int Read(byte[] buffer, int offset, int count) { Reads++; return 0; }
        public void Write(byte[] buffer, int offset, int count) { }
    }

    /// <summary>The Linux board on virtual pins with the pump and loop exactly as Program builds them.</summary>
    private sealed class Rig
    {
        public readonly VirtualGpioDriver Pins = new();
        public readonly VirtualPwmChannel Buzzer = new();
        public readonly VirtualClock Clock = new();
        public readonly LinuxSbcBoard Board;
        public readonly InfusionPump Pump;
        public readonly BoardLoop Loop;

        public Rig(bool bench, RamFlash? flash = null, RestartMarker? marker = null, long picolitersPerStep = 250_000)
        {
            var options = new BoardOptions { DeviceId = "RPI-TEST", PicolitersPerStep = picolitersPerStep };
            Pins.SetInput(RaspberryPiPins.MotorSupply, PinValue.High);
            marker ??= new RestartMarker(Path.Combine(Path.GetTempPath(), "openidds-test-" + Guid.NewGuid().ToString("N") + ".restart"));
            PumpSetup setup = BoardSetup.For(options, marker.TakeResetCause());
            setup.DevelopmentKeysMayDeliver = bench;   // as Program.cs: a bench run may deliver on development keys (DEV-KEYS-NO-THERAPY)
            Flash = flash ?? new RamFlash(BoardSetup.StorePageSize, setup.PagesNeeded, 10_000);
            Board = new LinuxSbcBoard(new GpioController(Pins), Buzzer, Clock, Flash, Link, marker, options, Pins.Timing);
            Pump = new InfusionPump(Board.Hardware, setup);
            Loop = new BoardLoop(Pump, Board.Annunciator, Clock, bench) { MotorCut = new MotorCutHeartbeat(Board.Gpio, RaspberryPiPins.MotorCutTrigger) };
        }

        public RamFlash Flash { get; }
        public readonly NoLink Link = new();

        /// <summary>Wakes the loop as the board would, sleeping in virtual time, until pump time reaches <paramref name="pumpTime"/>.</summary>
        public void RunTo(long pumpTime)
        {
            while (Pump.Now.Value < pumpTime)
            {
                int sleep = Loop.Poll();
                long left = pumpTime - Pump.Now.Value;
                Clock.AdvanceTo(Clock.ElapsedMilliseconds + Math.Clamp(sleep, 1, Math.Max(1, left)));
            }
        }
    }

    [TestMethod]
    public void The_pins_are_the_bcm_numbers_the_readme_documents()
    {
        var documented = new Dictionary<string, int>
        {
            ["Step"] = Step, ["Direction"] = Direction, ["Enable"] = Enable, ["Fault"] = Fault, ["PatientButton"] = Button,
            ["RedLed"] = Red, ["YellowLed"] = Yellow, ["GreenLed"] = Green, ["LoopbackInput"] = Loopback, ["BuzzerGpio"] = Buzzer, ["MotorCutTrigger"] = MotorCut,
        };
        foreach (var (name, bcm) in documented)
            Assert.AreEqual(bcm, (int)typeof(RaspberryPiPins).GetField(name)!.GetValue(null)!, $"RaspberryPiPins.{name}");
        string readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "boards", "linux-sbc", "README.md"));
        foreach (var (bcm, function) in new[] { (Step, "STEP"), (Direction, "DIR"), (Enable, "ENABLE"), (Fault, "FAULT"), (Button, "patient button"), (Buzzer, "buzzer"), (Loopback, "loopback") })
            Assert.IsTrue(Regex.IsMatch(readme, $@"^\| {bcm} \(\d+\) \| [^|]*{Regex.Escape(function)}", RegexOptions.Multiline | RegexOptions.IgnoreCase), $"README has no row for BCM {bcm} as {function}");
        StringAssert.Contains(readme, "| 5 / 6 / 13 (29 / 31 / 33) | red / yellow / green LED");
    }

    [TestMethod]
    public void The_buzzer_is_hardware_pwm0_chip_0_channel_0_on_gpio18()
    {
        // GPIO18 carries PWM0 (ALT5) on the Pi's header; with dtoverlay=pwm that is /sys/class/pwm/pwmchip0/pwm0.
        Assert.AreEqual(0, (int)typeof(RaspberryPiPins).GetField(nameof(RaspberryPiPins.BuzzerPwmChip))!.GetValue(null)!);
        Assert.AreEqual(0, (int)typeof(RaspberryPiPins).GetField(nameof(RaspberryPiPins.BuzzerPwmChannel))!.GetValue(null)!);
        StringAssert.Contains(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "boards", "linux-sbc", "README.md")), "PwmChannel.Create(0, 0, ...)");
    }

    [TestMethod]
    public void A_minimal_rig_passes_its_self_test_and_waits_stopped_with_the_motor_off()
    {
        var rig = new Rig(bench: false);
        rig.RunTo(1000);
        Assert.AreEqual(SafetyState.Stopped, rig.Pump.Supervisor.State, "no pressure sensor, no battery divider: the self-test asks for neither");
        Assert.AreEqual(AlarmCode.None, rig.Pump.Supervisor.Alarms.Highest);
        Assert.AreEqual(PinValue.High, rig.Pins.Level(Enable), "ENABLE high: the motor is off");
        Assert.AreEqual(0L, rig.Pins.RisingEdges(Step));
    }

    [TestMethod]
    public void A_stopped_rig_reads_its_programmer_link_at_least_every_tenth_of_a_second()
    {
        var rig = new Rig(bench: false);
        rig.RunTo(1000);
        Assert.AreEqual(SafetyState.Stopped, rig.Pump.Supervisor.State);
        int before = rig.Link.Reads;
        rig.RunTo(11_000);
        // LINK-ANSWERED-PROMPTLY: 10 s stopped is at least 100 ticks, each reading the link; sleeping to the next check would be one.
        Assert.IsTrue(rig.Link.Reads - before >= 10_000 / BoardLoop.LinkSliceMilliseconds, $"{rig.Link.Reads - before} link reads in 10 s");
        Assert.IsTrue(rig.Loop.Poll() <= BoardLoop.LinkSliceMilliseconds);
    }

    [TestMethod]
    public void A_bench_run_primes_the_line_then_steps_100_ul_per_hour_on_gpio17_with_enable_low()
    {
        var rig = new Rig(bench: true);
        rig.RunTo(1000);
        StringAssert.StartsWith(rig.Loop.BenchOutcome, "BENCH: morphine 1000 ug/mL at 100 uL/h programmed");
        Assert.AreEqual(SafetyState.Running, rig.Pump.Supervisor.State);
        Assert.AreEqual(100_000L, rig.Pump.Therapy.Prescription.Rate.Value);
        long primed = rig.Pump.Therapy.TipArrival.Value;
        rig.RunTo(primed + 1);
        long before = rig.Pins.RisingEdges(Step);
        rig.RunTo(primed + 1 + Milliseconds.PerHour);
        Assert.AreEqual(PinValue.Low, rig.Pins.Level(Enable));
        Assert.AreEqual(400, rig.Pins.RisingEdges(Step) - before, 1, "100 uL/h at 250 nL per step: 400 pulses an hour");
        Assert.AreEqual(0L, rig.Pins.RisingEdges(Direction), "forward only");
    }

    [TestMethod]
    public void A_driver_calibrated_at_full_step_gives_half_the_pulses_for_the_same_prescription()
    {
        // A DRV8825 with M0-M2 open full-steps: 500 nL per step. Only the calibration can tell the pump;
        // with it, the same 100 uL/h is 200 pulses an hour, not 400 (STEP-VOLUME-IS-CALIBRATED).
        var rig = new Rig(bench: true, picolitersPerStep: 500_000);
        rig.RunTo(1000);
        long primed = rig.Pump.Therapy.TipArrival.Value;
        rig.RunTo(primed + 1);
        long before = rig.Pins.RisingEdges(Step);
        rig.RunTo(primed + 1 + Milliseconds.PerHour);
        Assert.AreEqual(200, rig.Pins.RisingEdges(Step) - before, 1);
    }

    [TestMethod]
    public void After_a_reset_a_bench_run_resumes_its_journaled_therapy_instead_of_refilling()
    {
        var first = new Rig(bench: true);
        first.RunTo(Milliseconds.PerHour);
        long delivered = first.Pump.Therapy.DeliveredMass.Value;
        var again = new Rig(bench: true, flash: first.Flash);
        again.RunTo(again.Pump.Now.Value + 1000);
        StringAssert.StartsWith(again.Loop.BenchOutcome, "BENCH: not started");
        Assert.AreEqual(SafetyState.Running, again.Pump.Supervisor.State, "the journaled bench therapy resumed");
        Assert.IsTrue(again.Pump.Therapy.DeliveredMass.Value >= delivered);
    }

    [TestMethod]
    public void A_driver_fault_stops_the_motor_and_sounds_the_buzzer_on_pwm()
    {
        var rig = new Rig(bench: true);
        rig.RunTo(1000);
        rig.Pins.SetInput(Fault, PinValue.Low);
        long deadline = rig.Pump.Now.Value + 10_000;
        while (rig.Pump.Supervisor.State != SafetyState.AlarmStopped && rig.Pump.Now.Value < deadline) rig.RunTo(rig.Pump.Now.Value + 1);
        Assert.AreEqual(SafetyState.AlarmStopped, rig.Pump.Supervisor.State, "stopped within one wake of the fault");
        Assert.AreEqual(PinValue.High, rig.Pins.Level(Enable), "motor disabled");
        Assert.IsTrue(rig.Buzzer.Running);
        Assert.AreEqual(AlarmSignalPattern.HighToneHz, rig.Buzzer.Frequency);
        Assert.AreEqual(DeliveryMode.Stopped, rig.Pump.Therapy.Prescription.Mode, "the alarm stopped the therapy too");
    }

    /// <summary>
    /// MOTOR-SUPPLY-WATCHED: with VMOT gone a DRV8825 ignores STEP and its nFAULT stays high, so the
    /// driver goes on counting pulses that move nothing; the supply's own pin must stop the pump.
    /// </summary>
    [TestMethod]
    public void A_lost_motor_supply_stops_the_pump_with_a_motor_fault_though_nfault_stays_high()
    {
        var rig = new Rig(bench: true);
        rig.RunTo(60_000);
        Assert.AreEqual(SafetyState.Running, rig.Pump.Supervisor.State);
        rig.Pins.SetInput(RaspberryPiPins.MotorSupply, PinValue.Low);
        rig.RunTo(rig.Pump.Now.Value + 60_000);
        Assert.AreEqual(PinValue.High, rig.Pins.Level(Fault), "nFAULT says nothing about the supply");
        Assert.AreEqual(SafetyState.AlarmStopped, rig.Pump.Supervisor.State, "a lost motor supply stops the pump");
        Assert.AreEqual(AlarmCode.MotorStall, rig.Pump.Supervisor.Alarms.Highest);
        Assert.AreEqual(PinValue.High, rig.Pins.Level(Enable), "motor disabled");
    }

    /// <summary>MOTOR-CUT-HEARTBEAT: the cut's monostable (about 1 s) sees an edge well inside its time while the loop runs, and none while over-infusion is shown.</summary>
    [TestMethod]
    public void The_motor_cut_trigger_beats_while_the_loop_runs_and_stops_while_over_infusion_is_shown()
    {
        var rig = new Rig(bench: true);
        Assert.AreEqual(PinValue.Low, rig.Pins.Level(MotorCut), "the driver sleeps until the first beat");
        rig.RunTo(60_000);
        Assert.AreEqual(SafetyState.Running, rig.Pump.Supervisor.State);
        for (int second = 0; second < 30; second++)
        {
            long before = rig.Pins.RisingEdges(MotorCut);
            rig.RunTo(rig.Pump.Now.Value + 500);
            Assert.IsTrue(rig.Pins.RisingEdges(MotorCut) > before, $"no rising edge on the cut's trigger in half a second at {rig.Pump.Now.Value} ms");
        }
        rig.Pins.SetInput(RaspberryPiPins.MotorSupply, PinValue.Low);
        rig.RunTo(rig.Pump.Now.Value + 60_000);
        Assert.AreEqual(SafetyState.AlarmStopped, rig.Pump.Supervisor.State);
        long stalled = rig.Pins.RisingEdges(MotorCut);
        rig.RunTo(rig.Pump.Now.Value + 2_000);
        Assert.IsTrue(rig.Pins.RisingEdges(MotorCut) > stalled, "an alarm stop that may still run a relief keeps the driver awake");

        rig.Pump.Supervisor.Alarms.Raise(AlarmCode.OverInfusion, rig.Pump.Now);
        rig.RunTo(rig.Pump.Now.Value + 200);
        long held = rig.Pins.RisingEdges(MotorCut);
        rig.RunTo(rig.Pump.Now.Value + 5_000);
        Assert.AreEqual(held, rig.Pins.RisingEdges(MotorCut), "over-infusion shown: the trigger is held, so the driver sleeps whatever ENABLE does");
        Assert.AreEqual(PinValue.Low, rig.Pins.Level(MotorCut));
    }

    [TestMethod]
    public void A_bouncing_button_is_one_press()
    {
        var rig = new Rig(bench: false);
        for (int i = 0; i < 5; i++)
        {
            rig.Pins.SetInput(Button, PinValue.Low);
            rig.Pins.SetInput(Button, PinValue.High);
        }
        Assert.AreEqual(1, rig.Board.Button.TakePresses());
        rig.Clock.AdvanceTo(rig.Clock.ElapsedMilliseconds + 1500);
        rig.Pins.SetInput(Button, PinValue.Low);
        Assert.AreEqual(1, rig.Board.Button.TakePresses());
    }

    [TestMethod]
    public void A_watchdog_restart_left_by_the_marker_comes_back_stopped_with_the_stall_latched()
    {
        string path = Path.Combine(Path.GetTempPath(), "openidds-test-" + Guid.NewGuid().ToString("N") + ".restart");
        var marker = new RestartMarker(path);
        marker.MarkWatchdogRestart();
        try
        {
            var rig = new Rig(bench: true, marker: marker);
            Assert.IsFalse(File.Exists(path), "read and deleted at boot");
            rig.RunTo(1000);
            Assert.IsTrue(rig.Pump.Supervisor.Alarms.IsShown(AlarmCode.ControlLoopStalled));
            Assert.AreNotEqual(SafetyState.Running, rig.Pump.Supervisor.State);
            StringAssert.StartsWith(rig.Loop.BenchOutcome, "BENCH: not started", "a bench run never overrides a watchdog stop");
            Assert.AreEqual(ResetCause.PowerOn, new RestartMarker(path).TakeResetCause(), "the next boot is a plain power-on");
        }
        finally { File.Delete(path); }
    }

    [TestMethod]
    public void The_command_line_takes_the_device_the_bench_and_the_self_test_switches()
    {
        var cli = LinuxCommandLine.Parse(new[] { "/dev/ttyUSB1", "--bench", "--store", "/tmp/x.nv", "--device-id", "RIG-7" });
        Assert.AreEqual("/dev/ttyUSB1", cli.SerialDevice);
        Assert.IsTrue(cli.Bench);
        Assert.IsFalse(cli.SelfTest);
        Assert.AreEqual("/tmp/x.nv.restart", cli.MarkerPath);
        Assert.AreEqual("RIG-7", cli.ResolveDeviceId());
        Assert.AreEqual("/dev/serial0", LinuxCommandLine.Parse(Array.Empty<string>()).SerialDevice);
        Assert.ThrowsExactly<ArgumentException>(() => LinuxCommandLine.Parse(new[] { "--bench", "--selftest" }));
        Assert.ThrowsExactly<ArgumentException>(() => LinuxCommandLine.Parse(new[] { "--benhc" }));
    }

    [TestMethod]
    public void Without_an_id_the_device_is_named_after_the_pi_serial_number_and_without_a_serial_it_is_refused()
    {
        string serial = Path.GetTempFileName();
        try
        {
            File.WriteAllText(serial, "10000000abcdef12\0");
            Assert.AreEqual("RPI-10000000ABCDEF12", LinuxCommandLine.Parse(Array.Empty<string>()).ResolveDeviceId(serial));
            // DEV-KEYS-NO-THERAPY: no made-up id when there is no serial number.
            var e = Assert.ThrowsExactly<ArgumentException>(() => LinuxCommandLine.Parse(Array.Empty<string>()).ResolveDeviceId(serial + ".missing"));
            StringAssert.Contains(e.Message, "--device-id");
        }
        finally { File.Delete(serial); }
    }
}
